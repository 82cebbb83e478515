package org.neurograph.cli.internal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Finds the services of one type (generators, trainers) running in the framework. A command starts right after the
 * framework, while Declarative Services may still be registering components, so lookups wait (briefly) until every
 * enabled component of that type that SCR knows of is registered.
 *
 * @param <S> the service type
 */
final class ServiceLookup<S> implements AutoCloseable {
	private static final long WAIT_MS = 5_000;

	private final BundleContext context;
	private final Class<S> type;
	private final Function<S, String> id;
	private final ServiceTracker<S, S> services;
	private final ServiceTracker<ServiceComponentRuntime, ServiceComponentRuntime> scr;

	/** Tracks the services of {@code type}, known by the id {@code id} gives them. */
	ServiceLookup(BundleContext context, Class<S> type, Function<S, String> id) {
		this.context = context;
		this.type = type;
		this.id = id;
		this.services = new ServiceTracker<>(context, type, null);
		this.scr = new ServiceTracker<>(context, ServiceComponentRuntime.class, null);
		services.open();
		scr.open();
	}

	/** Every service, sorted by id. */
	List<S> all() {
		awaitSettled();
		return services.getTracked().values().stream().sorted(Comparator.comparing(id)).toList();
	}

	/** The service with this id, once the components SCR knows of are registered. */
	Optional<S> find(String wanted) {
		return all().stream().filter(s -> wanted.equals(id.apply(s))).findFirst();
	}

	/** The ids of every service, sorted. */
	List<String> ids() {
		return all().stream().map(id).toList();
	}

	private void awaitSettled() {
		long end = System.currentTimeMillis() + WAIT_MS;
		while (System.currentTimeMillis() < end && services.size() < expectedFromScr()) {
			sleep();
		}
	}

	/** The number of component configurations of the type that SCR has satisfied or is about to. */
	private int expectedFromScr() {
		ServiceComponentRuntime runtime = scr.getService();
		if (runtime == null) {
			return 0;
		}
		int expected = 0;
		for (ComponentDescriptionDTO d : runtime.getComponentDescriptionDTOs()) {
			if (d.serviceInterfaces == null || !Arrays.asList(d.serviceInterfaces).contains(type.getName())
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
		services.close();
		scr.close();
	}
}
