package org.neurograph.examples.flowfield.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neurograph.api.Artifact;
import org.neurograph.api.CancelledException;
import org.neurograph.api.GenerationRequest;
import org.neurograph.api.Generator;
import org.neurograph.api.Progress;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** The example plugin as the workbench sees it: a Generator service, found through DS alone. */
class FlowFieldGeneratorTest {
	private static final String ID = "org.neurograph.examples.flowfield";
	private static final long WAIT_MS = 10_000;

	private BundleContext context;
	private ServiceTracker<Generator, Generator> tracker;

	@BeforeEach
	void track() throws Exception {
		context = FrameworkUtil.getBundle(getClass()).getBundleContext();
		tracker = new ServiceTracker<>(context, Generator.class, null);
		tracker.open();
		Bundle plugin = pluginBundle();
		if (plugin.getState() != Bundle.ACTIVE) {
			plugin.start();
		}
	}

	@AfterEach
	void untrack() {
		tracker.close();
	}

	@Test
	void isFoundThroughDsAndFollowsItsBundle() throws Exception {
		assertNotNull(await(true), "the flow-field generator is registered by DS");
		Bundle plugin = pluginBundle();
		plugin.stop();
		assertNull(await(false), "the service goes away with its bundle");
		plugin.start();
		assertNotNull(await(true), "and comes back when the bundle starts again");
	}

	@Test
	void sameSeedAndParametersGiveTheSameImage() throws Exception {
		Generator g = await(true);
		var values = g.parameters().resolve(Map.of("width", "96", "height", "64", "palette", "ocean", "density", "0.8"));
		List<Artifact> first = g.generateAll(new GenerationRequest(values, 2, 42), Progress.none());
		List<Artifact> again = g.generateAll(new GenerationRequest(values, 1, 43), Progress.none());
		assertEquals(2, first.size());
		assertArrayEquals(first.get(1).data(), again.get(0).data(), "work 1 of seed 42 = work 0 of seed 43");
		assertFalse(Arrays.equals(first.get(0).data(), first.get(1).data()), "different seeds, different images");
		assertEquals(43, first.get(1).provenance().seed());
		assertEquals("ocean", first.get(1).provenance().parameters().get("palette"));

		BufferedImage img = ImageIO.read(new ByteArrayInputStream(first.get(0).data()));
		assertEquals(96, img.getWidth());
		assertEquals(64, img.getHeight());
		assertTrue(distinctColours(img) > 50, "a painting, not a flat canvas");
	}

	@Test
	void cancellationStopsTheWork() throws Exception {
		Generator g = await(true);
		AtomicInteger checks = new AtomicInteger();
		Progress cancelSoon = new Progress() {
			public void begin(String t, int w) { }
			public void worked(int u) { }
			public void subTask(String n) { }
			public boolean isCancelled() { return checks.incrementAndGet() > 2; }
		};
		var values = g.parameters().resolve(Map.of("width", "512", "height", "512", "density", "3"));
		assertThrows(CancelledException.class, () -> g.generateAll(new GenerationRequest(values, 5, 1), cancelSoon));
	}

	private static int distinctColours(BufferedImage img) {
		return (int) Arrays.stream(img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth())).distinct().count();
	}

	private Bundle pluginBundle() {
		return Arrays.stream(context.getBundles()).filter(b -> ID.equals(b.getSymbolicName())).findFirst()
				.orElseThrow(() -> new AssertionError("bundle " + ID + " is not installed"));
	}

	/** Waits until the generator is present ({@code present}) or gone; returns it, or null when gone. */
	private Generator await(boolean present) throws InterruptedException {
		long end = System.currentTimeMillis() + WAIT_MS;
		while (System.currentTimeMillis() < end) {
			Generator g = find();
			if ((g != null) == present) {
				return g;
			}
			Thread.sleep(20);
		}
		return find();
	}

	private Generator find() {
		Generator[] all = tracker.getServices(new Generator[0]);
		return Arrays.stream(all).filter(g -> ID.equals(g.info().id())).findFirst().orElse(null);
	}
}
