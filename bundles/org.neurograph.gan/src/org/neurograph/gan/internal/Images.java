package org.neurograph.gan.internal;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/** Image helpers: centre-crop and resize, pixels to and from the networks' [-1, 1] planes, grids and PNG bytes. */
public final class Images {
	private Images() {
	}

	/** The largest centred square of {@code src}, resized to {@code size} with bilinear filtering (area-like). */
	public static BufferedImage centreCropResize(BufferedImage src, int size) {
		int side = Math.min(src.getWidth(), src.getHeight());
		int x = (src.getWidth() - side) / 2;
		int y = (src.getHeight() - side) / 2;
		BufferedImage square = src.getSubimage(x, y, side, side);
		BufferedImage current = toRgb(square);
		int w = side;
		while (w / 2 >= size) { // halve step by step so large images are not aliased
			w /= 2;
			current = scale(current, w, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		}
		return w == size ? current : scale(current, size, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
	}

	/** Resizes a square image with the given interpolation ({@link RenderingHints} value). */
	public static BufferedImage scale(BufferedImage src, int size, Object interpolation) {
		BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = out.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
		g.drawImage(src, 0, 0, size, size, null);
		g.dispose();
		return out;
	}

	private static BufferedImage toRgb(BufferedImage src) {
		BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
		Graphics2D g = out.createGraphics();
		g.drawImage(src, 0, 0, java.awt.Color.WHITE, null);
		g.dispose();
		return out;
	}

	/** The pixels as planar bytes (channel-major), grey by luminance if {@code channels == 1}. */
	public static byte[] toPlanes(BufferedImage img, int channels) {
		int w = img.getWidth();
		int h = img.getHeight();
		byte[] out = new byte[channels * w * h];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				int rgb = img.getRGB(x, y);
				int r = (rgb >> 16) & 0xff;
				int g = (rgb >> 8) & 0xff;
				int b = rgb & 0xff;
				int i = y * w + x;
				if (channels == 1) {
					out[i] = (byte) Math.round(0.299 * r + 0.587 * g + 0.114 * b);
				} else {
					out[i] = (byte) r;
					out[w * h + i] = (byte) g;
					out[2 * w * h + i] = (byte) b;
				}
			}
		}
		return out;
	}

	/** An image from planar floats in [-1, 1] at {@code offset} ({@code channels * size * size} values). */
	public static BufferedImage fromPlanes(float[] data, int offset, int channels, int size) {
		BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
		int plane = size * size;
		for (int i = 0; i < plane; i++) {
			int r = level(data[offset + i]);
			int g = channels == 1 ? r : level(data[offset + plane + i]);
			int b = channels == 1 ? r : level(data[offset + 2 * plane + i]);
			img.setRGB(i % size, i / size, (r << 16) | (g << 8) | b);
		}
		return img;
	}

	private static int level(float v) {
		return Math.max(0, Math.min(255, Math.round((v + 1f) * 127.5f)));
	}

	/** Tiles square images of equal size into a grid {@code columns} wide with a 1-pixel grey gap. */
	public static BufferedImage grid(java.util.List<BufferedImage> tiles, int columns) {
		int size = tiles.get(0).getWidth();
		int rows = (tiles.size() + columns - 1) / columns;
		BufferedImage out = new BufferedImage(columns * (size + 1) + 1, rows * (size + 1) + 1, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = out.createGraphics();
		g.setColor(java.awt.Color.DARK_GRAY);
		g.fillRect(0, 0, out.getWidth(), out.getHeight());
		for (int i = 0; i < tiles.size(); i++) {
			g.drawImage(tiles.get(i), 1 + (i % columns) * (size + 1), 1 + (i / columns) * (size + 1), null);
		}
		g.dispose();
		return out;
	}

	/** PNG bytes of {@code img}. */
	public static byte[] png(BufferedImage img) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(img, "png", out);
		} catch (IOException e) {
			throw new UncheckedIOException(e); // writing to memory does not fail
		}
		return out.toByteArray();
	}

	/** A 64-bit difference hash of a grey 9x8 thumbnail: near-identical images share it. */
	public static long differenceHash(byte[] planes, int size) {
		int plane = size * size;
		long hash = 0;
		for (int y = 0; y < 8; y++) {
			for (int x = 0; x < 8; x++) {
				hash = (hash << 1) | (cell(planes, plane, size, x, y) < cell(planes, plane, size, x + 1, y) ? 1 : 0);
			}
		}
		return hash;
	}

	private static double cell(byte[] planes, int plane, int size, int cx, int cy) {
		int x0 = cx * size / 9;
		int x1 = Math.max(x0 + 1, (cx + 1) * size / 9);
		int y0 = cy * size / 8;
		int y1 = Math.max(y0 + 1, (cy + 1) * size / 8);
		double sum = 0;
		for (int y = y0; y < y1; y++) {
			for (int x = x0; x < x1; x++) {
				sum += planes[y * size + x] & 0xff; // the first plane: grey or red
			}
		}
		return sum / ((x1 - x0) * (y1 - y0));
	}
}
