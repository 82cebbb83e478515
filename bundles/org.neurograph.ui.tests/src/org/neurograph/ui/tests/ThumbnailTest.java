package org.neurograph.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurograph.ui.internal.gallery.ImageFiles;

/** Gallery thumbnails: big images shrink to fit, small ones (a GAN's 28-pixel works) grow by whole factors. */
class ThumbnailTest {

	@Test
	void smallImagesGrowPixelForPixelAndBigOnesShrink(@TempDir Path dir) throws Exception {
		BufferedImage small = new BufferedImage(28, 20, BufferedImage.TYPE_INT_RGB);
		small.setRGB(0, 0, 0xff0000);
		small.setRGB(27, 19, 0x00ff00);
		Path smallFile = dir.resolve("small.png");
		ImageIO.write(small, "png", smallFile.toFile());
		ImageData grown = ImageFiles.thumbnail(smallFile, 140);
		assertEquals(140, grown.width, "28 pixels times 5");
		assertEquals(100, grown.height, "the proportions kept");
		assertEquals(new RGB(255, 0, 0), grown.palette.getRGB(grown.getPixel(4, 4)), "the first pixel, 5x5");
		assertEquals(new RGB(0, 0, 0), grown.palette.getRGB(grown.getPixel(5, 5)), "no smoothing across pixels");
		assertEquals(new RGB(0, 255, 0), grown.palette.getRGB(grown.getPixel(139, 99)), "the last pixel");

		BufferedImage big = new BufferedImage(1000, 500, BufferedImage.TYPE_INT_RGB);
		Path bigFile = dir.resolve("big.png");
		ImageIO.write(big, "png", bigFile.toFile());
		ImageData shrunk = ImageFiles.thumbnail(bigFile, 140);
		assertEquals(140, shrunk.width);
		assertEquals(70, shrunk.height);

		BufferedImage middle = new BufferedImage(100, 100, BufferedImage.TYPE_INT_RGB);
		Path middleFile = dir.resolve("middle.png");
		ImageIO.write(middle, "png", middleFile.toFile());
		assertEquals(100, ImageFiles.thumbnail(middleFile, 140).width, "less than twice too small: as it is");
	}
}
