package org.neurograph.style.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurograph.api.Progress;
import org.neurograph.style.GatysTransfer;
import org.neurograph.style.Images;
import org.neurograph.style.RandomFeatureNetwork;
import org.neurograph.style.VggFeatureNetwork;

/** Gatys optimisation with the built-in random feature network, on a real photo and a striped "painting". */
class GatysTest {

	@TempDir
	Path files;

	@Test
	void theOptimisationLowersItsLossAndMovesTheImageTowardTheStyle() throws Exception {
		BufferedImage photo = GatysTransfer.fit(Images.read(SharedData.get("style-models/reference/chelsea256.ppm")), 64);
		BufferedImage stripes = stripes(64);
		List<Integer> reported = new ArrayList<>();
		GatysTransfer.Settings settings = GatysTransfer.Settings.DEFAULT.withIterations(40);
		settings = new GatysTransfer.Settings(40, settings.contentWeight(), settings.styleWeight(),
				settings.smoothness(), settings.learningRate(), 10);

		GatysTransfer.Result result = new GatysTransfer(new RandomFeatureNetwork()).run(photo, stripes, settings,
				(iteration, loss, image) -> reported.add(iteration), Progress.none());

		double[] losses = result.losses();
		double[] style = result.styleLosses();
		assertTrue(losses[39] < 0.6 * losses[0], "loss " + losses[0] + " -> " + losses[39]);
		assertTrue(style[39] < 0.5 * style[0], "style loss " + style[0] + " -> " + style[39]);
		assertEquals(List.of(10, 20, 30, 40), reported);
		assertEquals(photo.getWidth(), result.image().getWidth());
		double changed = ImageStats.meanAbsoluteDifference(result.image(), photo);
		assertTrue(changed > 3, "the image changed by " + changed + " grey levels on average");
		assertTrue(ImageStats.meanAbsoluteDifference(result.image(), stripes) < ImageStats
				.meanAbsoluteDifference(photo, stripes) + 5, "the result is not pushed away from the style's colours");
	}

	@Test
	void aVggFileFromTheUserIsRebuiltAndOptimisedThrough() throws Exception {
		VggFeatureNetwork vgg = VggFeatureNetwork.load(TestModels.miniVgg(files));
		BufferedImage photo = GatysTransfer.fit(Images.read(SharedData.get("style-models/reference/chelsea256.ppm")), 32);

		GatysTransfer.Result result = new GatysTransfer(vgg).run(photo, stripes(32),
				new GatysTransfer.Settings(15, 1, 10, 0.5, 4, 0), (iteration, loss, image) -> { }, Progress.none());

		assertTrue(result.styleLosses()[14] < 0.8 * result.styleLosses()[0],
				"style loss " + result.styleLosses()[0] + " -> " + result.styleLosses()[14]);
		assertTrue(vgg.description().contains("mini-vgg.onnx"));
	}

	/** Saturated red and blue diagonal stripes. */
	private static BufferedImage stripes(int size) {
		BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < size; y++) {
			for (int x = 0; x < size; x++) {
				image.setRGB(x, y, (x + y) / 4 % 2 == 0 ? 0xe02010 : 0x1030d0);
			}
		}
		return image;
	}
}
