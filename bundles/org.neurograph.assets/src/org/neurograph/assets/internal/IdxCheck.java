package org.neurograph.assets.internal;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Checks IDX image files, the format of MNIST and Fashion-MNIST ({@code train-images-idx3-ubyte}, gzipped or not):
 * a big-endian header (magic {@code 0x00000803}: unsigned bytes, 3 dimensions; then the image count, rows and
 * columns) followed by exactly count x rows x columns pixel bytes. The whole file is read (decompressed if gzipped),
 * so truncated or padded files are caught. IDX label files ({@code idx1}) are refused: an image dataset needs the
 * images only.
 */
final class IdxCheck {
	/** {@code ...idx3-ubyte}, {@code ...idx1-ubyte}, {@code .idx3}, optionally followed by {@code .gz}. */
	private static final Pattern NAME = Pattern.compile(".*idx\\d(-ubyte)?(\\.gz)?", Pattern.CASE_INSENSITIVE);
	private static final int IMAGES_MAGIC = 0x0803;
	private static final int LABELS_MAGIC = 0x0801;
	/** Larger images than this are not what an IDX image set holds, and would overflow the size arithmetic. */
	private static final int MAX_SIDE = 4096;

	private IdxCheck() {
	}

	/** True if the file name says IDX (whatever its extension: IDX files often have none, or {@code .gz}). */
	static boolean acceptsName(String fileName) {
		return NAME.matcher(fileName).matches();
	}

	/** Why {@code file} is not a complete IDX image file, or empty if it is one. */
	static Optional<String> problem(Path file) throws IOException {
		boolean gzipped = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
		try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
				DataInputStream in = new DataInputStream(gzipped ? new GZIPInputStream(raw, 1 << 16) : raw)) {
			int magic = in.readInt();
			if (magic == LABELS_MAGIC) {
				return Optional.of("an IDX label file, not images: only the image files (idx3) are used; leave the labels out");
			}
			if (magic != IMAGES_MAGIC) {
				return Optional.of(String.format(Locale.ROOT,
						"not an IDX image file: it starts with 0x%08x, not 0x00000803 (unsigned bytes, 3 dimensions)", magic));
			}
			long count = Integer.toUnsignedLong(in.readInt());
			long rows = Integer.toUnsignedLong(in.readInt());
			long columns = Integer.toUnsignedLong(in.readInt());
			if (count == 0 || rows == 0 || columns == 0 || rows > MAX_SIDE || columns > MAX_SIDE) {
				return Optional.of("damaged IDX header: " + count + " images of " + rows + "x" + columns
						+ " pixels (expected at least one image of 1 to " + MAX_SIDE + " pixels a side)");
			}
			long expected = count * rows * columns;
			long actual = skipAll(in);
			if (actual < expected) {
				return Optional.of("damaged IDX file: the file ends too early (truncated?): the header announces " + count
						+ " images of " + rows + "x" + columns + " pixels, " + expected + " bytes, but " + actual + " follow");
			}
			if (actual > expected) {
				return Optional.of("damaged IDX file: " + (actual - expected) + " bytes more than the header's " + count
						+ " images of " + rows + "x" + columns + " pixels");
			}
			return Optional.empty();
		} catch (EOFException e) {
			return Optional.of("damaged IDX file: the file ends inside its header (truncated?)");
		} catch (ZipException e) {
			return Optional.of("damaged gzip file: " + e.getMessage());
		}
	}

	private static long skipAll(InputStream in) throws IOException {
		byte[] buffer = new byte[1 << 16];
		long total = 0;
		for (int n; (n = in.read(buffer)) != -1;) {
			total += n;
		}
		return total;
	}
}
