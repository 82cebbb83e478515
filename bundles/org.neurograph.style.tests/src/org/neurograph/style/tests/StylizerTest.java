package org.neurograph.style.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurograph.api.Progress;
import org.neurograph.runtime.onnx.OnnxRuntime;
import org.neurograph.style.Images;
import org.neurograph.style.StyleModel;
import org.neurograph.style.StyleModelImporter;
import org.neurograph.style.StyleOptions;
import org.neurograph.style.Stylizer;

/** Tiles, strength and colours with a real style (the {@code mathura} checkpoint) on a real photo. */
class StylizerTest {

	@TempDir
	static Path project;

	private static Stylizer stylizer;
	private static BufferedImage photo;
	private static BufferedImage styled;

	@BeforeAll
	static void importMathura() throws Exception {
		Path models = SharedData.get("style-models");
		Path folder = Services.get(StyleModelImporter.class).importModel(models.resolve("mathura"), project, "mathura");
		stylizer = new Stylizer(StyleModel.open(Services.get(OnnxRuntime.class), folder));
		photo = Images.read(models.resolve("reference/chelsea256.ppm"));
		styled = stylizer.apply(photo, StyleOptions.DEFAULT, Progress.none());
	}

	@Test
	void aTiledRenderIsCloseToTheUntiledOne() throws Exception {
		StyleOptions tiles = StyleOptions.DEFAULT.withTiles(160, 40);
		assertEquals(4, stylizer.tileCount(256, 256, tiles));

		BufferedImage tiled = stylizer.apply(photo, tiles, Progress.none());

		double difference = ImageStats.meanAbsoluteDifference(tiled, styled);
		assertTrue(difference < 0.5, "tiled and untiled differ by " + difference + " grey levels on average");
		int worst = ImageStats.maxAbsoluteDifference(tiled, styled);
		assertTrue(worst <= 4, "tiled and untiled differ by up to " + worst + " grey levels");
	}

	@Test
	void anImageThatFitsOneTileIsRenderedAlikeWhateverTheTileSize() throws Exception {
		BufferedImage exact = stylizer.apply(photo, StyleOptions.DEFAULT.withTiles(256, 64), Progress.none());
		assertEquals(0, ImageStats.maxAbsoluteDifference(exact, styled));
	}

	@Test
	void strengthZeroReturnsTheInput() throws Exception {
		BufferedImage none = stylizer.apply(photo, StyleOptions.DEFAULT.withStrength(0), Progress.none());
		assertEquals(0, ImageStats.maxAbsoluteDifference(none, photo));
	}

	@Test
	void halfStrengthLiesHalfWayBetweenTheInputAndTheStyle() throws Exception {
		BufferedImage half = stylizer.apply(photo, StyleOptions.DEFAULT.withStrength(0.5), Progress.none());
		int worst = 0;
		for (int y = 0; y < 256; y++) {
			for (int x = 0; x < 256; x++) {
				for (int shift = 0; shift <= 16; shift += 8) {
					double expected = ((photo.getRGB(x, y) >> shift & 0xff) + (styled.getRGB(x, y) >> shift & 0xff)) / 2.0;
					worst = (int) Math.max(worst, Math.abs((half.getRGB(x, y) >> shift & 0xff) - expected) + 0.5);
				}
			}
		}
		assertTrue(worst <= 1, "off by " + worst);
		assertTrue(ImageStats.meanAbsoluteDifference(half, photo) > 5, "half strength changes the photo");
	}

	@Test
	void keepingColoursTakesTheStylesLuminanceAndThePhotosColours() throws Exception {
		BufferedImage kept = stylizer.apply(photo, StyleOptions.DEFAULT.withKeepColours(true), Progress.none());
		double luminance = 0;
		double chroma = 0;
		double styledChroma = 0;
		int n = 256 * 256;
		for (int y = 0; y < 256; y++) {
			for (int x = 0; x < 256; x++) {
				float[] k = ycbcr(kept.getRGB(x, y));
				float[] s = ycbcr(styled.getRGB(x, y));
				float[] p = ycbcr(photo.getRGB(x, y));
				luminance += Math.abs(k[0] - s[0]) / n;
				chroma += (Math.abs(k[1] - p[1]) + Math.abs(k[2] - p[2])) / 2 / n;
				styledChroma += (Math.abs(s[1] - p[1]) + Math.abs(s[2] - p[2])) / 2 / n;
			}
		}
		assertTrue(luminance < 2.5, "luminance differs from the style's by " + luminance);
		assertTrue(chroma < 2.5, "colour differs from the photo's by " + chroma);
		assertTrue(styledChroma > 4 * chroma, "the style alone changes the colours (" + styledChroma + ")");
	}

	@Test
	void aLargeImageIsRenderedInTilesWithoutVisibleSeams() throws Exception {
		BufferedImage large = TestModels.gradient(700, 530);
		StyleOptions options = StyleOptions.DEFAULT.withTiles(256, 48);
		assertEquals(12, stylizer.tileCount(700, 530, options));

		BufferedImage out = stylizer.apply(large, options, Progress.none());

		assertEquals(700, out.getWidth());
		assertEquals(530, out.getHeight());
		// across a seam, neighbouring columns differ no more than neighbouring columns elsewhere do
		assertTrue(columnStep(out, 250) < 3 * columnStep(out, 120) + 10, "a seam shows at column 250");
	}

	/** The mean absolute difference between column x and x + 1. */
	private static double columnStep(BufferedImage image, int x) {
		double sum = 0;
		for (int y = 0; y < image.getHeight(); y++) {
			float[] a = ycbcr(image.getRGB(x, y));
			float[] b = ycbcr(image.getRGB(x + 1, y));
			sum += Math.abs(a[0] - b[0]);
		}
		return sum / image.getHeight();
	}

	private static float[] ycbcr(int rgb) {
		float r = rgb >> 16 & 0xff;
		float g = rgb >> 8 & 0xff;
		float b = rgb & 0xff;
		float y = 0.299f * r + 0.587f * g + 0.114f * b;
		return new float[] { y, 0.564f * (b - y), 0.713f * (r - y) };
	}
}
