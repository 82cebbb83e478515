package org.neurograph.style;

import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

/**
 * Reading and writing images: PNG, JPEG, BMP and GIF through ImageIO, and binary PPM ({@code P6}, 8 bits), the
 * format of reference images in tests. Images are handled as {@link BufferedImage#TYPE_INT_RGB}.
 */
public final class Images {

	/** The file extensions {@link #read} accepts, lower case. */
	public static final List<String> EXTENSIONS = List.of("png", "jpg", "jpeg", "bmp", "gif", "ppm");

	private static final int MAX_SIDE = 30_000;

	private Images() {
	}

	/** True if {@code file}'s name ends with one of {@link #EXTENSIONS}. */
	public static boolean isImage(Path file) {
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		return EXTENSIONS.stream().anyMatch(e -> name.endsWith("." + e));
	}

	/**
	 * Reads the image in {@code file} as RGB.
	 *
	 * @throws IOException with a message for the user if it is not a readable image
	 */
	public static BufferedImage read(Path file) throws IOException {
		if (!Files.isRegularFile(file)) {
			throw new IOException("There is no image at '" + file + "'.");
		}
		if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ppm")) {
			try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
				return readPpm(in, file);
			}
		}
		BufferedImage image = ImageIO.read(file.toFile());
		if (image == null) {
			throw new IOException("'" + file.getFileName() + "' is not an image this program can read (use PNG, JPEG, "
					+ "BMP, GIF or PPM).");
		}
		return toRgb(image);
	}

	/** {@code image} as {@link BufferedImage#TYPE_INT_RGB} (itself if it already is). */
	public static BufferedImage toRgb(BufferedImage image) {
		if (image.getType() == BufferedImage.TYPE_INT_RGB) {
			return image;
		}
		BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
		rgb.createGraphics().drawImage(image, 0, 0, null);
		return rgb;
	}

	/** The PNG encoding of {@code image}. */
	public static byte[] png(BufferedImage image) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		} catch (IOException e) {
			throw new UncheckedIOException("writing PNG into memory", e);
		}
		return out.toByteArray();
	}

	private static BufferedImage readPpm(InputStream in, Path file) throws IOException {
		if (!"P6".equals(token(in))) {
			throw new IOException("'" + file.getFileName() + "' is not a binary PPM (P6) image.");
		}
		int width = number(in, file);
		int height = number(in, file);
		int max = number(in, file);
		if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE || max != 255) {
			throw new IOException("'" + file.getFileName() + "' is a PPM of " + width + " x " + height + " with maximum "
					+ max + "; only 8-bit PPM images up to " + MAX_SIDE + " pixels a side are read.");
		}
		byte[] data = in.readNBytes(width * height * 3);
		if (data.length != width * height * 3) {
			throw new IOException("'" + file.getFileName() + "' is truncated.");
		}
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		for (int i = 0, p = 0; p < width * height; p++, i += 3) {
			int rgb = (data[i] & 0xff) << 16 | (data[i + 1] & 0xff) << 8 | data[i + 2] & 0xff;
			image.setRGB(p % width, p / width, rgb);
		}
		return image;
	}

	private static int number(InputStream in, Path file) throws IOException {
		try {
			return Integer.parseInt(token(in));
		} catch (NumberFormatException e) {
			throw new IOException("'" + file.getFileName() + "' has a malformed PPM header.", e);
		}
	}

	/** The next whitespace-separated header token, skipping comments; consumes the single whitespace after it. */
	private static String token(InputStream in) throws IOException {
		StringBuilder token = new StringBuilder();
		int c;
		while ((c = in.read()) != -1) {
			if (c == '#' && token.isEmpty()) {
				while ((c = in.read()) != -1 && c != '\n') {
					// skip the comment
				}
			} else if (Character.isWhitespace(c)) {
				if (!token.isEmpty()) {
					break;
				}
			} else {
				token.append((char) c);
				if (token.length() > 16) {
					break;
				}
			}
		}
		return token.toString();
	}
}
