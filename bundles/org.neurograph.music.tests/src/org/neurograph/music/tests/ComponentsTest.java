package org.neurograph.music.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.neurograph.api.Generator;
import org.neurograph.api.MediaKind;
import org.neurograph.api.bench.Benchmark;
import org.neurograph.api.training.Trainer;
import org.neurograph.music.TuneLstmTrainer;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** The trainer, the generator and the benchmark are found as Declarative Services, as the workbench and CLI find them. */
class ComponentsTest {

	private static <T> List<String> names(Class<T> type, Function<T, String> name) throws Exception {
		BundleContext context = FrameworkUtil.getBundle(ComponentsTest.class).getBundleContext();
		ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
		tracker.open();
		try {
			for (int i = 0; i < 600; i++) {
				Object[] services = tracker.getServices();
				if (services != null) {
					@SuppressWarnings("unchecked")
					List<String> found = java.util.Arrays.stream(services).map(s -> name.apply((T) s)).toList();
					if (found.contains(TuneLstmTrainer.ID) || found.contains("music")) {
						return found;
					}
				}
				Thread.sleep(100);
			}
			return List.of();
		} finally {
			tracker.close();
		}
	}

	@Test
	void theTrainerGeneratorAndBenchmarkAreRegistered() throws Exception {
		assertTrue(names(Trainer.class, t -> t.info().id()).contains(TuneLstmTrainer.ID), "trainer");
		assertTrue(names(Generator.class, g -> g.info().id()).contains(TuneLstmTrainer.ID), "generator");
		assertTrue(names(Benchmark.class, Benchmark::name).contains("music"), "benchmark");
		BundleContext context = FrameworkUtil.getBundle(ComponentsTest.class).getBundleContext();
		for (var ref : context.getServiceReferences(Generator.class, null)) {
			Generator g = context.getService(ref);
			if (g.info().id().equals(TuneLstmTrainer.ID)) {
				assertEquals(MediaKind.MUSIC, g.info().mediaKind());
				assertTrue(g.requiresModel());
			}
		}
	}
}
