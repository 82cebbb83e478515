package org.neurograph.assets.internal;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Checks that a file is a complete PNG, JPEG, GIF or BMP image without decoding its pixels: the content must match
 * the extension, the file's block structure must run to its end marker (which catches truncated files), and ImageIO
 * must read the width and height from its header.
 */
final class ImageCheck {
	private static final Map<String, String> FORMATS = Map.of("png", "PNG", "jpg", "JPEG", "jpeg", "JPEG", "gif", "GIF",
			"bmp", "BMP");
	private static final String TRUNCATED = "damaged image: the file ends too early (truncated?)";

	private ImageCheck() {
	}

	static boolean accepts(String extension) {
		return FORMATS.containsKey(extension);
	}

	/** Why {@code file} is not a usable image, or empty if it is one. */
	static Optional<String> problem(Path file, String extension) throws IOException {
		String declared = FORMATS.get(extension);
		if (declared == null) {
			return Optional.of("not an image: unsupported format (" + (extension.isEmpty() ? "no extension" : "." + extension)
					+ "; expected .png, .jpg, .jpeg, .gif, .bmp or IDX image files such as train-images-idx3-ubyte.gz)");
		}
		String actual;
		try (ByteReader in = new ByteReader(Files.newInputStream(file))) {
			actual = formatOf(in.peek(8));
			if (actual == null) {
				return Optional.of("not an image: unsupported format (the content is not PNG, JPEG, GIF or BMP)");
			}
			if (!actual.equals(declared)) {
				return Optional.of("wrong extension: the content is " + actual + ", not " + declared);
			}
			Optional<String> damage = switch (actual) {
			case "PNG" -> walkPng(in);
			case "JPEG" -> walkJpeg(in);
			case "GIF" -> walkGif(in);
			default -> checkBmpSize(Files.size(file), in.peek(54));
			};
			if (damage.isPresent()) {
				return damage;
			}
		} catch (EOFException e) {
			return Optional.of(TRUNCATED);
		}
		return readHeader(file, actual);
	}

	private static String formatOf(byte[] head) {
		if (head.length == 8 && Arrays.equals(head, new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' })) {
			return "PNG";
		}
		if (head.length >= 3 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xd8 && (head[2] & 0xff) == 0xff) {
			return "JPEG";
		}
		String ascii = new String(head, StandardCharsets.ISO_8859_1);
		if (ascii.startsWith("GIF87a") || ascii.startsWith("GIF89a")) {
			return "GIF";
		}
		return ascii.startsWith("BM") && head.length >= 6 ? "BMP" : null;
	}

	/** Chunks after the 8-byte signature, up to IEND. */
	private static Optional<String> walkPng(ByteReader in) throws IOException {
		in.skip(8);
		while (true) {
			long length = in.u32();
			byte[] type = in.bytes(4);
			in.skip(length + 4);
			if (Arrays.equals(type, new byte[] { 'I', 'E', 'N', 'D' })) {
				return Optional.empty();
			}
		}
	}

	/** Marker segments and entropy-coded data after the SOI marker, up to EOI. */
	private static Optional<String> walkJpeg(ByteReader in) throws IOException {
		in.skip(2);
		int pending = -1; // a marker already read while scanning entropy-coded data
		while (true) {
			int marker = pending >= 0 ? pending : nextMarker(in);
			pending = -1;
			if (marker == 0xd9) {
				return Optional.empty();
			}
			if (marker == 0x01 || marker >= 0xd0 && marker <= 0xd7) {
				continue; // markers without a length
			}
			int length = in.u16();
			if (length < 2) {
				return Optional.of("damaged image: bad JPEG segment length " + length);
			}
			in.skip(length - 2L);
			if (marker == 0xda) {
				pending = skipEntropyCodedData(in);
			}
		}
	}

	/** The next marker code, skipping fill bytes (and, like decoders do, stray bytes before it). */
	private static int nextMarker(ByteReader in) throws IOException {
		in.skipPast(0xff);
		int b;
		do {
			b = in.u8();
		} while (b == 0xff);
		return b;
	}

	/** Scans scan data; returns the code of the first marker that is neither a stuffed zero nor a restart marker. */
	private static int skipEntropyCodedData(ByteReader in) throws IOException {
		while (true) {
			in.skipPast(0xff);
			int b;
			do {
				b = in.u8();
			} while (b == 0xff);
			if (b != 0 && !(b >= 0xd0 && b <= 0xd7)) {
				return b;
			}
		}
	}

	/** Blocks after the header and logical screen descriptor, up to the trailer. */
	private static Optional<String> walkGif(ByteReader in) throws IOException {
		in.skip(10); // signature, version, logical screen width and height
		int packed = in.u8();
		in.skip(2);
		skipColourTable(in, packed);
		while (true) {
			int block = in.u8();
			switch (block) {
			case 0x3b -> {
				return Optional.empty();
			}
			case 0x21 -> {
				in.skip(1);
				skipSubBlocks(in);
			}
			case 0x2c -> {
				in.skip(8);
				skipColourTable(in, in.u8());
				in.skip(1);
				skipSubBlocks(in);
			}
			default -> {
				return Optional.of("damaged image: unknown GIF block 0x" + Integer.toHexString(block));
			}
			}
		}
	}

	private static void skipColourTable(ByteReader in, int packed) throws IOException {
		if ((packed & 0x80) != 0) {
			in.skip(3L << ((packed & 7) + 1));
		}
	}

	private static void skipSubBlocks(ByteReader in) throws IOException {
		int size;
		while ((size = in.u8()) != 0) {
			in.skip(size);
		}
	}

	/** The pixel data a BMP header promises must fit in the file. */
	private static Optional<String> checkBmpSize(long size, byte[] h) throws IOException {
		if (h.length < 26) {
			throw new EOFException();
		}
		long pixelOffset = le(h, 10, 4);
		long headerSize = le(h, 14, 4);
		long needed;
		if (headerSize == 12) { // OS/2 core header: always uncompressed
			needed = pixelOffset + rowBytes(le(h, 18, 2), le(h, 24, 2)) * le(h, 20, 2);
		} else if (headerSize >= 40) {
			if (h.length < 54) {
				return Optional.of(TRUNCATED);
			}
			long width = Math.abs((int) le(h, 18, 4));
			long height = Math.abs((int) le(h, 22, 4));
			long compression = le(h, 30, 4);
			boolean uncompressed = compression == 0 || compression == 3 || compression == 6;
			needed = pixelOffset + (uncompressed ? rowBytes(width, le(h, 28, 2)) * height : le(h, 34, 4));
		} else {
			return Optional.of("damaged image: unknown BMP header size " + headerSize);
		}
		return size < needed ? Optional.of(TRUNCATED) : Optional.empty();
	}

	private static long rowBytes(long width, long bitsPerPixel) {
		return (width * bitsPerPixel + 31) / 32 * 4;
	}

	private static long le(byte[] b, int offset, int length) {
		long v = 0;
		for (int i = length - 1; i >= 0; i--) {
			v = v << 8 | b[offset + i] & 0xff;
		}
		return v;
	}

	/** ImageIO must find a reader for the content and read the size from the header. */
	private static Optional<String> readHeader(Path file, String format) throws IOException {
		try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
			Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
			if (readers == null || !readers.hasNext()) {
				return Optional.of("not an image: no " + format + " decoder accepts it");
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				int width = reader.getWidth(0);
				int height = reader.getHeight(0);
				return width > 0 && height > 0 ? Optional.empty()
						: Optional.of("damaged image: its header gives a size of " + width + "x" + height);
			} catch (IOException | RuntimeException e) {
				return Optional.of("damaged image: " + e.getMessage());
			} finally {
				reader.dispose();
			}
		}
	}
}
