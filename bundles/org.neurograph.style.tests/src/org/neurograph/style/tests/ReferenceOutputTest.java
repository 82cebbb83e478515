package org.neurograph.style.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.factory.Nd4j;
import org.neurograph.api.Progress;
import org.neurograph.runtime.dl4j.Dl4jRuntime;
import org.neurograph.runtime.onnx.OnnxRuntime;
import org.neurograph.style.GatysTransfer;
import org.neurograph.style.Images;
import org.neurograph.style.StyleModel;
import org.neurograph.style.StyleModelImporter;
import org.neurograph.style.StyleOptions;
import org.neurograph.style.Stylizer;
import org.neurograph.style.internal.Checkpoint;
import org.neurograph.style.internal.JohnsonNetwork;

/**
 * The converted ml5 checkpoint {@code mathura} matches the output of an independent float32 implementation of the
 * same network on the same photo.
 */
class ReferenceOutputTest {

	@TempDir
	Path project;

	@Test
	void mathuraCheckpointMatchesTheIndependentImplementation() throws Exception {
		Path models = SharedData.get("style-models");
		StyleModelImporter importer = Services.get(StyleModelImporter.class);
		Path folder = importer.importModel(models.resolve("mathura"), project, "mathura");
		assertTrue(Files.isRegularFile(folder.resolve(StyleModel.MODEL_FILE)));
		assertTrue(Files.isRegularFile(folder.resolve("model.json")));

		StyleModel model = StyleModel.open(Services.get(OnnxRuntime.class), folder);
		BufferedImage input = Images.read(models.resolve("reference/chelsea256.ppm"));
		BufferedImage expected = Images.read(models.resolve("reference/chelsea_mathura.ppm"));
		BufferedImage actual = new Stylizer(model).apply(input, StyleOptions.DEFAULT, Progress.none());

		assertEquals(256, actual.getWidth());
		assertEquals(256, actual.getHeight());
		double difference = ImageStats.meanAbsoluteDifference(actual, expected);
		assertTrue(difference < 2.0, "mean absolute difference " + difference + " grey levels");
		assertTrue(ImageStats.meanAbsoluteDifference(input, expected) > 20,
				"the reference is far from its input, so the comparison means something");
	}

	@Test
	void theOnnxConversionAndTheSameNetworkInDl4jAgree() throws Exception {
		Path models = SharedData.get("style-models");
		Path folder = Services.get(StyleModelImporter.class).importModel(models.resolve("mathura"), project, "m");
		StyleModel model = StyleModel.open(Services.get(OnnxRuntime.class), folder);
		BufferedImage photo = GatysTransfer.fit(Images.read(models.resolve("reference/chelsea256.ppm")), 64);
		float[] rgb = new float[3 * 64 * 64];
		for (int i = 0; i < 64 * 64; i++) {
			int p = photo.getRGB(i % 64, i / 64);
			rgb[i] = p >> 16 & 0xff;
			rgb[4096 + i] = p >> 8 & 0xff;
			rgb[8192 + i] = p & 0xff;
		}
		float[] onnx = model.run(rgb, 64, 64);

		Dl4jRuntime.start();
		SameDiff sd = JohnsonNetwork.toSameDiff(Checkpoint.read(models.resolve("mathura")), 64, 64);
		float[] dl4j = sd.output(Map.of(JohnsonNetwork.INPUT, Nd4j.create(rgb, new long[] { 1, 3, 64, 64 }, 'c')),
				JohnsonNetwork.OUTPUT).get(JohnsonNetwork.OUTPUT).data().asFloat();

		double sum = 0;
		for (int i = 0; i < rgb.length; i++) {
			sum += Math.abs(onnx[i] - dl4j[i]);
		}
		assertTrue(sum / rgb.length < 0.5, "ONNX Runtime and DL4J differ by " + sum / rgb.length + " on average");
	}
}
