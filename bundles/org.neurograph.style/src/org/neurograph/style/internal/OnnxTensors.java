package org.neurograph.style.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import onnx.Onnx.TensorProto;

/** Reading the values of ONNX tensors. */
public final class OnnxTensors {

	private OnnxTensors() {
	}

	/** The values of a float tensor (raw little-endian data or the float list); empty for other types. */
	public static float[] floats(TensorProto tensor) {
		if (tensor.getDataType() != TensorProto.DataType.FLOAT_VALUE) {
			return new float[0];
		}
		if (!tensor.getRawData().isEmpty()) {
			ByteBuffer raw = tensor.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
			float[] values = new float[raw.remaining() / Float.BYTES];
			raw.asFloatBuffer().get(values);
			return values;
		}
		float[] values = new float[tensor.getFloatDataCount()];
		for (int i = 0; i < values.length; i++) {
			values[i] = tensor.getFloatData(i);
		}
		return values;
	}
}
