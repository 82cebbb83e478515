package org.neurograph.style.tests;

import java.awt.image.BufferedImage;

/** Differences between images of the same size, per channel value. */
final class ImageStats {

	private ImageStats() {
	}

	/** The mean absolute difference over every channel of every pixel, in grey levels. */
	static double meanAbsoluteDifference(BufferedImage a, BufferedImage b) {
		if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
			throw new AssertionError("sizes differ: " + a.getWidth() + "x" + a.getHeight() + " and " + b.getWidth()
					+ "x" + b.getHeight());
		}
		long sum = 0;
		for (int y = 0; y < a.getHeight(); y++) {
			for (int x = 0; x < a.getWidth(); x++) {
				int p = a.getRGB(x, y);
				int q = b.getRGB(x, y);
				for (int shift = 0; shift <= 16; shift += 8) {
					sum += Math.abs((p >> shift & 0xff) - (q >> shift & 0xff));
				}
			}
		}
		return sum / (3.0 * a.getWidth() * a.getHeight());
	}

	/** The largest absolute difference of any channel of any pixel. */
	static int maxAbsoluteDifference(BufferedImage a, BufferedImage b) {
		int max = 0;
		for (int y = 0; y < a.getHeight(); y++) {
			for (int x = 0; x < a.getWidth(); x++) {
				int p = a.getRGB(x, y);
				int q = b.getRGB(x, y);
				for (int shift = 0; shift <= 16; shift += 8) {
					max = Math.max(max, Math.abs((p >> shift & 0xff) - (q >> shift & 0xff)));
				}
			}
		}
		return max;
	}
}
