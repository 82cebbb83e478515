package org.neurograph.assets.tests;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.neurograph.api.Progress;
import org.neurograph.api.Provenance;

/** Images, provenance records and progress monitors the tests share. */
final class Fixtures {
	private Fixtures() {
	}

	/** Random pixels: they compress badly, so that cutting a file cuts into its image data. */
	static BufferedImage noise(int width, int height, long seed) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Random random = new Random(seed);
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				image.setRGB(x, y, random.nextInt(1 << 24));
			}
		}
		return image;
	}

	/** The image encoded by ImageIO in {@code format} (png, jpg, gif, bmp). */
	static byte[] encode(BufferedImage image, String format) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		if (!ImageIO.write(image, format, out)) {
			throw new IOException("no ImageIO writer for " + format);
		}
		return out.toByteArray();
	}

	static byte[] png(long seed) throws IOException {
		return encode(noise(48, 32, seed), "png");
	}

	/** Every pixel of an image, for comparisons. */
	static int[] pixels(BufferedImage image) {
		return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
	}

	static Provenance provenance() {
		return new Provenance("org.example.faces", "1.4.0", "faces-64", "ab".repeat(32),
				Map.of("size", "64", "palette", "ember", "truncation", "0.7"), 1234567890123L,
				new float[] { 0.25f, -1.5f, 3.1415927f, 1e-7f, 0f }, List.of("outputs/2025-05-01/a.png", "outputs/b.png"),
				Instant.parse("2025-05-01T12:34:56.789Z"));
	}

	/** A provenance without model, latent vector or parents. */
	static Provenance plainProvenance(long seed) {
		return new Provenance("org.example.stripes", "1.0.0", null, null, Map.of("size", "32"), seed, null, List.of(),
				Instant.parse("2025-05-01T00:00:00Z"));
	}

	/** The PNG chunk types in file order, each CRC checked independently of the code under test. */
	static List<String> chunkTypes(byte[] png) {
		ByteBuffer buf = ByteBuffer.wrap(png);
		List<String> types = new ArrayList<>();
		int offset = 8;
		while (offset < png.length) {
			int length = buf.getInt(offset);
			String type = new String(png, offset + 4, 4, StandardCharsets.ISO_8859_1);
			CRC32 crc = new CRC32();
			crc.update(png, offset + 4, length + 4);
			if ((int) crc.getValue() != buf.getInt(offset + 8 + length)) {
				throw new AssertionError("wrong CRC in chunk " + type + " at " + offset);
			}
			types.add(type);
			offset += 12 + length;
		}
		return types;
	}

	/** A chunk with a correct CRC, built independently of the code under test. */
	static byte[] chunk(String type, byte[] data) {
		ByteBuffer buf = ByteBuffer.allocate(12 + data.length);
		buf.putInt(data.length).put(type.getBytes(StandardCharsets.ISO_8859_1)).put(data);
		CRC32 crc = new CRC32();
		crc.update(buf.array(), 4, 4 + data.length);
		buf.putInt((int) crc.getValue());
		return buf.array();
	}

	/** {@code png} with {@code chunk} inserted just before IEND (the last 12 bytes). */
	static byte[] insertBeforeIend(byte[] png, byte[] chunk) {
		byte[] out = Arrays.copyOf(png, png.length + chunk.length);
		System.arraycopy(chunk, 0, out, png.length - 12, chunk.length);
		System.arraycopy(png, png.length - 12, out, png.length - 12 + chunk.length, 12);
		return out;
	}

	/** A progress that counts work and says "cancelled" once {@code cancelAfter} units are done. */
	static final class CountingProgress implements Progress {
		private final int cancelAfter;
		int total = -2;
		int worked;

		CountingProgress(int cancelAfter) {
			this.cancelAfter = cancelAfter;
		}

		@Override
		public void begin(String taskName, int totalWork) {
			total = totalWork;
		}

		@Override
		public void worked(int units) {
			worked += units;
		}

		@Override
		public void subTask(String name) {
			// not checked
		}

		@Override
		public boolean isCancelled() {
			return worked >= cancelAfter;
		}
	}
}
