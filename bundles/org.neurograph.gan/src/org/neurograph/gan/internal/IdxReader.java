package org.neurograph.gan.internal;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads IDX image files (the MNIST and Fashion-MNIST format: magic 0x00000803, count, rows, columns, then unsigned
 * bytes), gzipped or not; gzip is recognised by its magic bytes, not by the file name.
 */
public final class IdxReader {
	private static final int IMAGES_MAGIC = 0x00000803;

	/** Grey images of one IDX file: {@code pixels[i]} is row-major, {@code rows * columns} bytes. */
	public record IdxImages(int rows, int columns, byte[][] pixels) {
	}

	private IdxReader() {
	}

	/** True if {@code file}'s name looks like an IDX image file ({@code ...idx3-ubyte}, optionally {@code .gz}). */
	public static boolean isIdxImageFile(Path file) {
		String n = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
		return n.endsWith("idx3-ubyte") || n.endsWith("idx3-ubyte.gz") || n.endsWith(".idx3");
	}

	/** Reads at most {@code limit} images. */
	public static IdxImages read(Path file, int limit) throws IOException {
		try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
			raw.mark(2);
			boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
			raw.reset();
			try (DataInputStream in = new DataInputStream(
					new BufferedInputStream(gzip ? new GZIPInputStream(raw) : raw, 1 << 16))) {
				int magic = in.readInt();
				if (magic != IMAGES_MAGIC) {
					throw new IOException(file.getFileName() + " is not an IDX image file (magic "
							+ String.format("0x%08x", magic) + ", expected 0x00000803).");
				}
				int count = in.readInt();
				int rows = in.readInt();
				int cols = in.readInt();
				if (count < 0 || rows < 1 || cols < 1 || rows > 4096 || cols > 4096) {
					throw new IOException(file.getFileName() + " has an impossible header: " + count + " images of "
							+ rows + "x" + cols + ".");
				}
				int n = Math.min(count, limit);
				byte[][] pixels = new byte[n][rows * cols];
				for (int i = 0; i < n; i++) {
					in.readFully(pixels[i]);
				}
				return new IdxImages(rows, cols, pixels);
			} catch (EOFException e) {
				throw new IOException(file.getFileName() + " ends early: it holds fewer images than its header says.", e);
			}
		}
	}
}
