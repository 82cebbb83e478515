package org.neurograph.runtime.onnx.internal;

import java.nio.charset.StandardCharsets;

/**
 * Reads the protobuf wire format strictly: every tag, length and value must lie inside its message. Used to walk an
 * ONNX model before ONNX Runtime parses it (for external-data references) and to reject damaged files clearly.
 */
final class ProtoReader {

	static final int VARINT = 0;
	static final int FIXED64 = 1;
	static final int LENGTH_DELIMITED = 2;
	static final int FIXED32 = 5;

	/** The wire format is broken at some position. */
	static final class MalformedException extends Exception {
		private static final long serialVersionUID = 1L;

		MalformedException(String message) {
			super(message);
		}
	}

	private final byte[] bytes;
	private final int end;
	private int pos;
	private int tag;

	ProtoReader(byte[] bytes) {
		this(bytes, 0, bytes.length);
	}

	private ProtoReader(byte[] bytes, int start, int end) {
		this.bytes = bytes;
		this.pos = start;
		this.end = end;
	}

	/** Reads the next field's tag; false at the end of the message. */
	boolean next() throws MalformedException {
		if (pos >= end) {
			return false;
		}
		long t = varint();
		if (t >>> 3 == 0 || t >>> 3 > 0x1FFF_FFFF) {
			throw new MalformedException("field number " + (t >>> 3) + " at byte " + pos);
		}
		tag = (int) t;
		int wire = wireType();
		if (wire != VARINT && wire != FIXED64 && wire != LENGTH_DELIMITED && wire != FIXED32) {
			throw new MalformedException("unknown wire type " + wire + " at byte " + pos);
		}
		return true;
	}

	int field() {
		return tag >>> 3;
	}

	int wireType() {
		return tag & 7;
	}

	/** The current field as a nested message. */
	ProtoReader message() throws MalformedException {
		int length = length();
		ProtoReader nested = new ProtoReader(bytes, pos, pos + length);
		pos += length;
		return nested;
	}

	/** The current field as a UTF-8 string. */
	String string() throws MalformedException {
		int length = length();
		String s = new String(bytes, pos, length, StandardCharsets.UTF_8);
		pos += length;
		return s;
	}

	/** The current field as an integer (varint). */
	long integer() throws MalformedException {
		expect(VARINT);
		return varint();
	}

	/** Skips the current field. */
	void skip() throws MalformedException {
		switch (wireType()) {
		case VARINT -> varint();
		case FIXED64 -> advance(8);
		case FIXED32 -> advance(4);
		default -> advance(length());
		}
	}

	private int length() throws MalformedException {
		expect(LENGTH_DELIMITED);
		long length = varint();
		if (length < 0 || length > end - pos) {
			throw new MalformedException("a field of " + length + " bytes at byte " + pos + " runs past the end of "
					+ "its message (byte " + end + ")");
		}
		return (int) length;
	}

	private void expect(int wire) throws MalformedException {
		if (wireType() != wire) {
			throw new MalformedException("field " + field() + " has wire type " + wireType() + " at byte " + pos
					+ ", expected " + wire);
		}
	}

	private void advance(int n) throws MalformedException {
		if (n > end - pos) {
			throw new MalformedException("a value at byte " + pos + " runs past the end of its message (byte "
					+ end + ")");
		}
		pos += n;
	}

	private long varint() throws MalformedException {
		long value = 0;
		for (int shift = 0; shift < 64; shift += 7) {
			if (pos >= end) {
				throw new MalformedException("the data ends inside a number at byte " + pos);
			}
			byte b = bytes[pos++];
			value |= (long) (b & 0x7F) << shift;
			if (b >= 0) {
				return value;
			}
		}
		throw new MalformedException("a number longer than 10 bytes at byte " + pos);
	}
}
