package org.neurograph.ui.internal.generators;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.eclipse.core.runtime.IStatus;
import org.neurograph.api.Generator;
import org.neurograph.api.GeneratorInfo;
import org.neurograph.ui.internal.Statuses;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Every {@link Generator} service that is running, kept up to date as generator bundles start and stop. A generator
 * whose {@code info()} or {@code parameters()} fails, or whose id is taken, is logged and left out. Listeners hear of
 * every change (in the thread of the service event: UI code re-posts to the display).
 * <p>
 * The workbench's views are made by the extension registry, not by DS; {@link #current()} is their way to this
 * component while it is active.
 */
@Component(service = GeneratorRegistry.class, immediate = true)
public final class GeneratorRegistry {
	private static volatile GeneratorRegistry current;

	private final Map<Generator, GeneratorInfo> generators = new LinkedHashMap<>();
	private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

	/** The active registry, if the component is active. */
	public static Optional<GeneratorRegistry> current() {
		return Optional.ofNullable(current);
	}

	/**
	 * Waits (off the UI thread) until a generator with this id is running, at most {@code timeoutMillis}.
	 *
	 * @param cancelled stops the wait early when it becomes true
	 */
	public static Optional<Generator> await(String id, long timeoutMillis, BooleanSupplier cancelled) {
		long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
		while (!cancelled.getAsBoolean()) {
			Optional<Generator> found = current().flatMap(r -> r.find(id));
			if (found.isPresent() || System.nanoTime() > deadline) {
				return found;
			}
			try {
				Thread.sleep(100);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		return Optional.empty();
	}

	@Activate
	void activate() {
		current = this;
	}

	@Deactivate
	void deactivate() {
		current = null;
	}

	@Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
	void addGenerator(Generator generator) {
		Optional<GeneratorInfo> info = check(generator);
		if (info.isEmpty()) {
			return;
		}
		synchronized (generators) {
			if (generators.values().stream().anyMatch(i -> i.id().equals(info.get().id()))) {
				Statuses.log(IStatus.WARNING, "Ignoring a second generator with the id '" + info.get().id() + "' from "
						+ bundleName(generator) + ": the id is taken.", null);
				return;
			}
			generators.put(generator, info.get());
		}
		fireChanged();
	}

	void removeGenerator(Generator generator) {
		boolean removed;
		synchronized (generators) {
			removed = generators.remove(generator) != null;
		}
		if (removed) {
			fireChanged();
		}
	}

	/** The running generators, by name. */
	public List<Generator> generators() {
		synchronized (generators) {
			List<Generator> list = new ArrayList<>(generators.keySet());
			list.sort(Comparator.comparing((Generator g) -> generators.get(g).name(), String.CASE_INSENSITIVE_ORDER)
					.thenComparing(g -> generators.get(g).id()));
			return list;
		}
	}

	/** The running generator with this id. */
	public Optional<Generator> find(String id) {
		synchronized (generators) {
			return generators.entrySet().stream().filter(e -> e.getValue().id().equals(id)).map(Map.Entry::getKey)
					.findFirst();
		}
	}

	/** Calls {@code listener} after every change. */
	public void addListener(Runnable listener) {
		listeners.add(listener);
	}

	public void removeListener(Runnable listener) {
		listeners.remove(listener);
	}

	private void fireChanged() {
		for (Runnable listener : listeners) {
			try {
				listener.run();
			} catch (RuntimeException e) {
				Statuses.log(IStatus.ERROR, "A generator list listener failed: " + Statuses.describe(e), e);
			}
		}
	}

	/** Asks a new generator who it is; a generator that cannot say is logged and ignored. */
	private static Optional<GeneratorInfo> check(Generator generator) {
		try {
			GeneratorInfo info = generator.info();
			if (info == null || generator.parameters() == null) {
				throw new IllegalStateException("info() or parameters() returned null");
			}
			return Optional.of(info);
		} catch (RuntimeException e) {
			Statuses.log(IStatus.WARNING, "Ignoring the generator " + generator.getClass().getName() + " from "
					+ bundleName(generator) + ": " + Statuses.describe(e), e);
			return Optional.empty();
		}
	}

	private static String bundleName(Generator generator) {
		Bundle bundle = FrameworkUtil.getBundle(generator.getClass());
		return bundle == null ? "an unknown bundle" : "bundle " + bundle.getSymbolicName();
	}
}
