package org.neurograph.assets.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The chunk structure of a PNG file at the byte level: parsing with checks (signature, lengths, CRCs, IHDR first,
 * IEND present) and building chunks with correct CRCs. Image data is never decoded.
 */
public final class PngChunks {
	private static final byte[] SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	/** One chunk: its type and where it lies in the file ({@code offset} is where its length field starts). */
	public record Chunk(String type, int offset, int dataLength) {
		/** Where its data starts. */
		public int dataOffset() {
			return offset + 8;
		}

		/** The offset just past its CRC. */
		public int end() {
			return offset + 12 + dataLength;
		}
	}

	private PngChunks() {
	}

	/**
	 * The chunks from IHDR to IEND (bytes after IEND are not chunks and are ignored).
	 *
	 * @throws IOException saying what is wrong if the bytes are not a well-formed PNG
	 */
	public static List<Chunk> parse(byte[] png) throws IOException {
		if (png.length < SIGNATURE.length || !Arrays.equals(png, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
			throw new IOException("no PNG signature");
		}
		ByteBuffer buf = ByteBuffer.wrap(png);
		List<Chunk> chunks = new ArrayList<>();
		int offset = SIGNATURE.length;
		while (true) {
			if (png.length - offset < 12) {
				throw new IOException("it ends at byte " + png.length + " without an IEND chunk (truncated?)");
			}
			int length = buf.getInt(offset);
			String type = new String(png, offset + 4, 4, StandardCharsets.ISO_8859_1);
			if (!type.chars().allMatch(c -> c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
				throw new IOException("bad chunk type at byte " + offset);
			}
			if (length < 0 || length > png.length - offset - 12) {
				throw new IOException("chunk '" + type + "' at byte " + offset + " runs past the end (truncated?)");
			}
			Chunk chunk = new Chunk(type, offset, length);
			if (crc(png, offset + 4, length + 4) != buf.getInt(chunk.end() - 4)) {
				throw new IOException("chunk '" + type + "' at byte " + offset + " has a wrong CRC (damaged?)");
			}
			if (chunks.isEmpty() && !type.equals("IHDR")) {
				throw new IOException("the first chunk is '" + type + "', not IHDR");
			}
			chunks.add(chunk);
			if (type.equals("IEND")) {
				return chunks;
			}
			offset = chunk.end();
		}
	}

	/** A complete chunk: length, type, data and CRC. */
	public static byte[] build(String type, byte[] data) {
		byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
		ByteBuffer buf = ByteBuffer.allocate(12 + data.length);
		buf.putInt(data.length).put(typeBytes).put(data);
		buf.putInt(crc(buf.array(), 4, 4 + data.length));
		return buf.array();
	}

	/** The data of a chunk. */
	public static byte[] data(byte[] png, Chunk chunk) {
		return Arrays.copyOfRange(png, chunk.dataOffset(), chunk.dataOffset() + chunk.dataLength());
	}

	/**
	 * An uncompressed iTXt chunk's data: keyword, flags, empty language tag and translated keyword, UTF-8 text.
	 */
	public static byte[] itxt(String keyword, String text) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(keyword.getBytes(StandardCharsets.ISO_8859_1));
		out.writeBytes(new byte[] { 0, 0, 0, 0, 0 }); // end of keyword, not compressed, method, no language, no translation
		out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
		return out.toByteArray();
	}

	/** The keyword of an iTXt (or tEXt, zTXt) chunk's data: the Latin-1 bytes before the first zero. */
	public static String keyword(byte[] data) {
		int end = indexOfZero(data, 0);
		return new String(data, 0, end < 0 ? data.length : end, StandardCharsets.ISO_8859_1);
	}

	/** The text of an iTXt chunk's data, inflated if it is compressed. */
	public static String itxtText(byte[] data) throws IOException {
		int keywordEnd = indexOfZero(data, 0);
		int flags = keywordEnd + 1;
		if (keywordEnd < 0 || flags + 2 > data.length) {
			throw new IOException("damaged iTXt chunk");
		}
		int languageEnd = indexOfZero(data, flags + 2);
		int translatedEnd = languageEnd < 0 ? -1 : indexOfZero(data, languageEnd + 1);
		if (translatedEnd < 0) {
			throw new IOException("damaged iTXt chunk");
		}
		byte[] text = Arrays.copyOfRange(data, translatedEnd + 1, data.length);
		if (data[flags] == 0) {
			return new String(text, StandardCharsets.UTF_8);
		}
		if (data[flags] != 1 || data[flags + 1] != 0) {
			throw new IOException("iTXt chunk with an unknown compression");
		}
		Inflater inflater = new Inflater();
		try {
			inflater.setInput(text);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			byte[] buffer = new byte[8192];
			while (!inflater.finished()) {
				int n = inflater.inflate(buffer);
				if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
					throw new IOException("damaged compressed iTXt chunk");
				}
				out.write(buffer, 0, n);
			}
			return out.toString(StandardCharsets.UTF_8);
		} catch (DataFormatException e) {
			throw new IOException("damaged compressed iTXt chunk", e);
		} finally {
			inflater.end();
		}
	}

	private static int indexOfZero(byte[] data, int from) {
		for (int i = from; i < data.length; i++) {
			if (data[i] == 0) {
				return i;
			}
		}
		return -1;
	}

	private static int crc(byte[] bytes, int offset, int length) {
		CRC32 crc = new CRC32();
		crc.update(bytes, offset, length);
		return (int) crc.getValue();
	}
}
