package org.neurograph.gan.ui.internal;

import java.awt.image.BufferedImage;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;

/** AWT images to SWT image data (RGB, 24 bits): image data holds no system resources, so it may cross threads. */
final class SwtImages {

	private SwtImages() {
	}

	static ImageData toImageData(BufferedImage image) {
		int w = image.getWidth();
		int h = image.getHeight();
		ImageData data = new ImageData(w, h, 24, new PaletteData(0xff0000, 0x00ff00, 0x0000ff));
		int[] row = new int[w];
		for (int y = 0; y < h; y++) {
			image.getRGB(0, y, w, 1, row, 0, w);
			data.setPixels(0, y, w, row, 0);
		}
		return data;
	}
}
