package org.neurograph.cli.internal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.neurograph.api.Generator;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Finds the {@link Generator} services running in the framework. A command starts right after the framework, while
 * Declarative Services may still be registering components, so lookups wait (briefly) until every enabled
 * generator component that SCR knows of is registered.
 */
final class GeneratorLookup implements AutoCloseable {
	private static final long WAIT_MS = 5_000;

	private final BundleContext context;
	private final ServiceTracker<Generator, Generator> generators;
	private final ServiceTracker<ServiceComponentRuntime, ServiceComponentRuntime> scr;

	GeneratorLookup(BundleContext context) {
		this.context = context;
		this.generators = new ServiceTracker<>(context, Generator.class, null);
		this.scr = new ServiceTracker<>(context, ServiceComponentRuntime.class, null);
		generators.open();
		scr.open();
	}

	/** Every generator, sorted by id. */
	List<Generator> all() {
		awaitSettled();
		return Arrays.stream(generators.getServices(new Generator[0]))
				.sorted(Comparator.comparing(g -> g.info().id())).toList();
	}

	/** The generator with this id, once the generators SCR knows of are registered. */
	Optional<Generator> find(String id) {
		return all().stream().filter(g -> id.equals(g.info().id())).findFirst();
	}

	private void awaitSettled() {
		long end = System.currentTimeMillis() + WAIT_MS;
		while (System.currentTimeMillis() < end && generators.size() < expectedFromScr()) {
			sleep();
		}
	}

	/** The number of generator component configurations SCR has satisfied or is about to. */
	private int expectedFromScr() {
		ServiceComponentRuntime runtime = scr.getService();
		if (runtime == null) {
			return 0;
		}
		int expected = 0;
		for (ComponentDescriptionDTO d : runtime.getComponentDescriptionDTOs()) {
			if (d.serviceInterfaces == null || !Arrays.asList(d.serviceInterfaces).contains(Generator.class.getName())
					|| !runtime.isComponentEnabled(d)) {
				continue;
			}
			for (ComponentConfigurationDTO c : runtime.getComponentConfigurationDTOs(d)) {
				if (c.state == ComponentConfigurationDTO.SATISFIED || c.state == ComponentConfigurationDTO.ACTIVE) {
					expected++;
				}
			}
		}
		return expected;
	}

	private static void sleep() {
		try {
			Thread.sleep(20);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	BundleContext context() {
		return context;
	}

	@Override
	public void close() {
		generators.close();
		scr.close();
	}
}
