package org.neurograph.assets.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads big-endian values from a stream through its own buffer, so that scanning a large file byte by byte stays
 * fast. Every read past the end throws {@link EOFException}.
 */
final class ByteReader implements AutoCloseable {
	private final InputStream in;
	private final byte[] buffer = new byte[1 << 16];
	private int position;
	private int limit;

	/** A reader of {@code in} with the first block already buffered (for {@link #peek(int)}). */
	ByteReader(InputStream in) throws IOException {
		this.in = in;
		fill();
	}

	/** Up to {@code n} (at most 64 KiB) bytes from the start of the stream, without consuming them. */
	byte[] peek(int n) {
		return Arrays.copyOfRange(buffer, position, Math.min(limit, position + n));
	}

	int u8() throws IOException {
		if (position == limit && !fill()) {
			throw new EOFException();
		}
		return buffer[position++] & 0xff;
	}

	int u16() throws IOException {
		return u8() << 8 | u8();
	}

	long u32() throws IOException {
		return (long) u16() << 16 | u16();
	}

	/** The next {@code n} bytes. */
	byte[] bytes(int n) throws IOException {
		byte[] out = new byte[n];
		for (int i = 0; i < n; i++) {
			out[i] = (byte) u8();
		}
		return out;
	}

	void skip(long n) throws IOException {
		int buffered = (int) Math.min(n, limit - position);
		position += buffered;
		if (n > buffered) {
			in.skipNBytes(n - buffered);
		}
	}

	/** Skips up to and including the next byte equal to {@code value}. */
	void skipPast(int value) throws IOException {
		byte b = (byte) value;
		while (true) {
			for (int i = position; i < limit; i++) {
				if (buffer[i] == b) {
					position = i + 1;
					return;
				}
			}
			position = limit;
			if (!fill()) {
				throw new EOFException();
			}
		}
	}

	private boolean fill() throws IOException {
		position = 0;
		limit = in.readNBytes(buffer, 0, buffer.length);
		return limit > 0;
	}

	@Override
	public void close() throws IOException {
		in.close();
	}
}
