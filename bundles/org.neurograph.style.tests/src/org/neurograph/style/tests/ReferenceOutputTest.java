package org.neurograph.style.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurograph.api.Progress;
import org.neurograph.runtime.onnx.OnnxRuntime;
import org.neurograph.style.Images;
import org.neurograph.style.StyleModel;
import org.neurograph.style.StyleModelImporter;
import org.neurograph.style.StyleOptions;
import org.neurograph.style.Stylizer;

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
}
