package org.neurograph.ui.internal.gallery;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.eclipse.core.resources.IResource;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;

/**
 * Reading images off the UI thread: which files are images, decoding them (subsampled when they are much larger than
 * needed), scaling them smoothly and turning them into SWT {@link ImageData}, which any thread may hold; the UI
 * thread then makes the {@link org.eclipse.swt.graphics.Image}.
 */
public final class ImageFiles {
	/** The extensions shown as images, lower case. */
	public static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "gif", "bmp");

	private ImageFiles() {
	}

	/** True for a file whose extension is an image's. */
	public static boolean isImage(IResource resource) {
		String extension = resource.getFileExtension();
		return resource.getType() == IResource.FILE && extension != null
				&& EXTENSIONS.contains(extension.toLowerCase(Locale.ROOT));
	}

	/**
	 * Decodes an image so that it fits in {@code max} x {@code max} pixels (never enlarged), keeping its proportions.
	 *
	 * @throws IOException if the file cannot be read or is not an image this runtime can decode
	 */
	public static ImageData load(Path file, int max) throws IOException {
		return load(read(file, max), max);
	}

	private static ImageData load(BufferedImage image, int max) {
		double scale = Math.min(1.0, Math.min((double) max / image.getWidth(), (double) max / image.getHeight()));
		int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
		int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
		return toImageData(scale < 1.0 ? scale(image, width, height) : image);
	}

	/**
	 * A thumbnail at most {@code max} pixels a side: big images as {@link #load}; small ones (a GAN's 28- or 64-pixel
	 * works, icons) enlarged by the largest whole factor that fits, pixel for pixel, so that they can be seen.
	 *
	 * @throws IOException if the file cannot be read or is not an image this runtime can decode
	 */
	public static ImageData thumbnail(Path file, int max) throws IOException {
		BufferedImage image = read(file, max);
		int factor = max / Math.max(image.getWidth(), image.getHeight());
		if (factor < 2) {
			return load(image, max);
		}
		BufferedImage big = new BufferedImage(image.getWidth() * factor, image.getHeight() * factor,
				BufferedImage.TYPE_INT_ARGB);
		Graphics2D g = big.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
			g.drawImage(image, 0, 0, big.getWidth(), big.getHeight(), null);
		} finally {
			g.dispose();
		}
		return toImageData(big);
	}

	/** Reads the image, skipping rows and columns of big images so that it stays at least twice {@code max}. */
	private static BufferedImage read(Path file, int max) throws IOException {
		try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
			if (in == null) {
				throw new IOException("cannot open " + file.getFileName());
			}
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				throw new IOException(file.getFileName() + " is not an image in a format this workbench can read");
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				int size = Math.max(reader.getWidth(0), reader.getHeight(0));
				ImageReadParam param = reader.getDefaultReadParam();
				int step = Math.max(1, size / (2 * max));
				param.setSourceSubsampling(step, step, 0, 0);
				return reader.read(0, param);
			} finally {
				reader.dispose();
			}
		} catch (RuntimeException e) { // decoders throw unchecked exceptions on some corrupt files
			throw new IOException(file.getFileName() + " is damaged: " + e.getMessage(), e);
		}
	}

	/** Scales down smoothly: halves with bilinear filtering until close, then the last step. */
	private static BufferedImage scale(BufferedImage source, int width, int height) {
		BufferedImage current = source;
		int w = source.getWidth();
		int h = source.getHeight();
		do {
			w = Math.max(width, w / 2);
			h = Math.max(height, h / 2);
			BufferedImage next = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
			Graphics2D g = next.createGraphics();
			try {
				g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
				g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
				g.drawImage(current, 0, 0, w, h, null);
			} finally {
				g.dispose();
			}
			current = next;
		} while (w != width || h != height);
		return current;
	}

	/** The pixels of a Java2D image as SWT image data (24-bit RGB, with alpha if the image has it). */
	static ImageData toImageData(BufferedImage image) {
		int width = image.getWidth();
		int height = image.getHeight();
		ImageData data = new ImageData(width, height, 24, new PaletteData(0xFF0000, 0x00FF00, 0x0000FF));
		boolean alpha = image.getColorModel().hasAlpha();
		byte[] alphas = alpha ? new byte[width * height] : null;
		int[] row = new int[width];
		for (int y = 0; y < height; y++) {
			image.getRGB(0, y, width, 1, row, 0, width);
			for (int x = 0; x < width; x++) {
				if (alphas != null) {
					alphas[y * width + x] = (byte) (row[x] >>> 24);
				}
				row[x] &= 0xFFFFFF;
			}
			data.setPixels(0, y, width, row, 0);
		}
		if (alphas != null) {
			data.alphaData = alphas;
		}
		return data;
	}
}
