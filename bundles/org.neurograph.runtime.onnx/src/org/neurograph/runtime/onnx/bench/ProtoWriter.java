package org.neurograph.runtime.onnx.bench;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Writes protobuf messages in the wire format: enough to build small ONNX models in code. */
final class ProtoWriter {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	ProtoWriter integer(int field, long value) {
		tag(field, 0);
		varint(value);
		return this;
	}

	ProtoWriter float32(int field, float value) {
		tag(field, 5);
		out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(value).array());
		return this;
	}

	ProtoWriter string(int field, String value) {
		return bytes(field, value.getBytes(StandardCharsets.UTF_8));
	}

	ProtoWriter message(int field, ProtoWriter message) {
		return bytes(field, message.toByteArray());
	}

	ProtoWriter bytes(int field, byte[] value) {
		tag(field, 2);
		varint(value.length);
		out.writeBytes(value);
		return this;
	}

	byte[] toByteArray() {
		return out.toByteArray();
	}

	private void tag(int field, int wireType) {
		varint((long) field << 3 | wireType);
	}

	private void varint(long value) {
		long v = value;
		while ((v & ~0x7FL) != 0) {
			out.write((int) (v & 0x7F) | 0x80);
			v >>>= 7;
		}
		out.write((int) v);
	}
}
