package org.neurograph.gan.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.neurograph.assets.AssetCatalog;
import org.neurograph.gan.GanModel;
import org.neurograph.gan.GanModel.Engine;
import org.neurograph.gan.LatentTools;
import org.neurograph.gan.internal.Dcgan;
import org.neurograph.gan.internal.DcganConfig;
import org.neurograph.gan.internal.GeneratorOnnx;
import org.neurograph.runtime.dl4j.SafeModelSerializer;

/**
 * The generator exported as an ONNX graph computes what the DL4J network computes: same latents, same pixels within
 * 1e-4 on the [-1, 1] scale, for grey and colour, 32 and 64 pixels, after training steps have moved the weights and
 * the normalisation layers' running statistics away from their start. Model folders get their graph on first load,
 * and a graph made from another generator file is made again.
 */
class GanOnnxTest {
	private static final double TOLERANCE = 1e-4;

	@Test
	void onnxMatchesDl4jGrey28() throws Exception {
		assertEnginesAgree(new DcganConfig(28, 1, 16, 8, 2e-4, 2e-4, 0.5));
	}

	@Test
	void onnxMatchesDl4jGrey32() throws Exception {
		assertEnginesAgree(new DcganConfig(32, 1, 16, 8, 2e-4, 2e-4, 0.5));
	}

	@Test
	void onnxMatchesDl4jColour32() throws Exception {
		assertEnginesAgree(new DcganConfig(32, 3, 16, 8, 2e-4, 2e-4, 0.5));
	}

	@Test
	void onnxMatchesDl4jGrey64() throws Exception {
		assertEnginesAgree(new DcganConfig(64, 1, 20, 4, 2e-4, 2e-4, 0.5));
	}

	@Test
	void onnxMatchesDl4jColour64() throws Exception {
		assertEnginesAgree(new DcganConfig(64, 3, 20, 4, 2e-4, 2e-4, 0.5));
	}

	private static void assertEnginesAgree(DcganConfig c) throws Exception {
		MultiLayerNetwork generator = trained(c, 11, 30); // until the running statistics have settled (decay 0.9)
		assertStatisticsMoved(generator);
		// a few steps leave the N(0, 0.02) output layer making a nearly flat grey (|x| < 0.01); a trained one spans
		// [-1, 1]: scale its weights up so that the comparison covers the whole range of tanh
		var last = generator.getLayer(generator.getnLayers() - 1);
		last.setParam("W", last.getParam("W").mul(40));
		GanModel model = GanModel.of(generator, c.size(), c.channels(), c.latentSize());
		List<float[]> latents = latents(c.latentSize(), 7, 100);
		float[] dl4j = model.pixels(latents, Engine.DL4J);
		float[] onnx = model.pixels(latents, Engine.ONNX);
		assertEquals(7 * c.channels() * c.size() * c.size(), dl4j.length);
		assertEquals(dl4j.length, onnx.length);
		double maxDiff = 0;
		double min = Double.MAX_VALUE;
		double max = -Double.MAX_VALUE;
		for (int i = 0; i < dl4j.length; i++) {
			maxDiff = Math.max(maxDiff, Math.abs(dl4j[i] - onnx[i]));
			min = Math.min(min, dl4j[i]);
			max = Math.max(max, dl4j[i]);
		}
		System.out.printf("[gan onnx] %dx%dx%d: outputs %.3f .. %.3f, largest difference ONNX - DL4J %.2e%n",
				c.size(), c.size(), c.channels(), min, max, maxDiff);
		assertTrue(max - min > 0.5, "the network makes more than a flat image: " + min + " .. " + max);
		assertTrue(maxDiff < TOLERANCE, c.size() + "x" + c.size() + "x" + c.channels() + ": ONNX differs from DL4J by "
				+ maxDiff);
		// a different latent vector gives a different image on both engines: the input is really used
		float[] other = model.pixels(latents(c.latentSize(), 1, 900), Engine.ONNX);
		double change = 0;
		for (int i = 0; i < other.length; i++) {
			change = Math.max(change, Math.abs(other[i] - onnx[i]));
		}
		assertTrue(change > 1e-2, "another latent vector gives another image (largest change " + change + ")");
	}

	@Test
	void aModelFolderGetsItsOnnxGraphOnFirstLoadAndANewOneWhenTheGeneratorChanges(@TempDir Path folder)
			throws Exception {
		DcganConfig c = new DcganConfig(32, 3, 16, 8, 2e-4, 2e-4, 0.5);
		writeModel(folder, c, trained(c, 21, 3)); // as models were exported before the ONNX graph existed
		Path graph = folder.resolve(GanModel.ONNX_FILE);
		assertFalse(Files.exists(graph));
		String hash = AssetCatalog.modelSha256(folder);

		GanModel onnx = GanModel.load(folder, Engine.ONNX);
		assertEquals(Engine.ONNX, onnx.engine());
		assertTrue(Files.isRegularFile(graph), "the graph is written beside " + GanModel.GENERATOR_FILE);
		assertEquals(hash, AssetCatalog.modelSha256(folder),
				"the derived graph is not part of the model's hash, which earlier works' provenance recorded");
		assertEquals(GeneratorOnnx.sha256(folder.resolve(GanModel.GENERATOR_FILE)), GeneratorOnnx.sourceOf(graph));
		List<float[]> latents = latents(16, 5, 3);
		List<BufferedImage> first = onnx.render(latents);
		assertImagesClose(GanModel.load(folder, Engine.DL4J).render(latents), first);
		long written = Files.getLastModifiedTime(graph).toMillis();
		byte[] bytes = Files.readAllBytes(graph);
		GanModel.load(folder, Engine.ONNX);
		assertEquals(written, Files.getLastModifiedTime(graph).toMillis(), "a current graph is not written again");
		assertTrue(java.util.Arrays.equals(bytes, Files.readAllBytes(graph)));

		// the model is trained on and exported again: the old graph is recognised and replaced
		writeModel(folder, c, trained(c, 22, 3));
		GanModel again = GanModel.load(folder, Engine.ONNX);
		assertEquals(GeneratorOnnx.sha256(folder.resolve(GanModel.GENERATOR_FILE)), GeneratorOnnx.sourceOf(graph));
		List<BufferedImage> dl4j = GanModel.load(folder, Engine.DL4J).render(latents);
		assertImagesClose(dl4j, again.render(latents));
		assertFalse(sameImages(dl4j, first), "the old model's images differ from the new one's");

		// a damaged graph is made again too
		Files.write(graph, new byte[] { 1, 2, 3, 4, 5 });
		assertImagesClose(dl4j, GanModel.load(folder, Engine.ONNX).render(latents));
		assertEquals(GeneratorOnnx.sha256(folder.resolve(GanModel.GENERATOR_FILE)), GeneratorOnnx.sourceOf(graph));
		try (var files = Files.list(folder)) {
			assertEquals(List.of(GanModel.ONNX_FILE, GanModel.SETTINGS_FILE, GanModel.GENERATOR_FILE).stream().sorted()
					.toList(), files.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary files left");
		}
	}

	@Test
	void aModelFolderWithoutGeneratorIsRefusedWithAMessage(@TempDir Path folder) throws Exception {
		DcganConfig c = new DcganConfig(32, 1, 16, 8, 2e-4, 2e-4, 0.5);
		writeModel(folder, c, trained(c, 1, 1));
		Files.delete(folder.resolve(GanModel.GENERATOR_FILE));
		IOException e = assertThrows(IOException.class, () -> GanModel.load(folder, Engine.ONNX));
		assertTrue(e.getMessage().contains(GanModel.GENERATOR_FILE) && e.getMessage().contains("Export"),
				e.getMessage());
	}

	@Test
	void anUnknownEngineIsRefusedWithTheChoices() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Engine.of("tensorflow"));
		assertTrue(e.getMessage().contains("'onnx'") && e.getMessage().contains("'dl4j'"), e.getMessage());
		assertEquals(Engine.ONNX, Engine.of(" ONNX "));
	}

	/** A generator after {@code steps} training steps on random images, from weights drawn from {@code seed}. */
	static MultiLayerNetwork trained(DcganConfig c, long seed, int steps) {
		Dcgan gan = new Dcgan(c, seed);
		SplittableRandom random = new SplittableRandom(seed);
		int n = 8;
		for (int s = 0; s < steps; s++) {
			float[] pixels = new float[n * c.channels() * c.size() * c.size()];
			for (int i = 0; i < pixels.length; i++) {
				pixels[i] = (float) random.nextDouble(-1, 1);
			}
			INDArray real = Nd4j.create(pixels, new long[] { n, c.channels(), c.size(), c.size() }, 'c');
			INDArray z1 = Nd4j.create(LatentTools.fromSeed(n * c.latentSize(), seed * 100 + 2 * s, 0),
					new long[] { n, c.latentSize() }, 'c');
			INDArray z2 = Nd4j.create(LatentTools.fromSeed(n * c.latentSize(), seed * 100 + 2 * s + 1, 0),
					new long[] { n, c.latentSize() }, 'c');
			gan.step(real, z1, z2, 0.9);
		}
		return gan.exportGenerator();
	}

	/** The first normalisation layer's running mean is no longer all zeros (the statistics were trained). */
	private static void assertStatisticsMoved(MultiLayerNetwork generator) {
		INDArray mean = generator.getLayer(1).getParam(BatchNormalizationParamInitializer.GLOBAL_MEAN);
		assertTrue(mean.amaxNumber().doubleValue() > 1e-4, "running mean " + mean);
	}

	private static List<float[]> latents(int size, int count, long seed) {
		List<float[]> out = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			out.add(LatentTools.fromSeed(size, seed + i, 0));
		}
		return out;
	}

	private static void writeModel(Path folder, DcganConfig c, MultiLayerNetwork generator) throws Exception {
		SafeModelSerializer.writeModel(generator, folder.resolve(GanModel.GENERATOR_FILE), false);
		try (OutputStream out = Files.newOutputStream(folder.resolve(GanModel.SETTINGS_FILE))) {
			c.toProperties().store(out, null);
		}
	}

	/** Every channel of every pixel within one level of 255 (the engines differ by about 1e-6 before rounding). */
	private static void assertImagesClose(List<BufferedImage> expected, List<BufferedImage> actual) {
		assertEquals(expected.size(), actual.size());
		for (int k = 0; k < expected.size(); k++) {
			BufferedImage a = expected.get(k);
			BufferedImage b = actual.get(k);
			for (int y = 0; y < a.getHeight(); y++) {
				for (int x = 0; x < a.getWidth(); x++) {
					int p = a.getRGB(x, y);
					int q = b.getRGB(x, y);
					for (int shift = 0; shift < 24; shift += 8) {
						int d = Math.abs((p >> shift & 0xff) - (q >> shift & 0xff));
						assertTrue(d <= 1, "image " + k + " pixel " + x + "," + y + " differs by " + d + " levels");
					}
				}
			}
		}
	}

	private static boolean sameImages(List<BufferedImage> a, List<BufferedImage> b) {
		for (int k = 0; k < a.size(); k++) {
			for (int y = 0; y < a.get(k).getHeight(); y++) {
				for (int x = 0; x < a.get(k).getWidth(); x++) {
					if (a.get(k).getRGB(x, y) != b.get(k).getRGB(x, y)) {
						return false;
					}
				}
			}
		}
		return true;
	}
}
