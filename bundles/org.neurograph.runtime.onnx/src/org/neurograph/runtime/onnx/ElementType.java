package org.neurograph.runtime.onnx;

/** The element type of a tensor in an ONNX model. */
public enum ElementType {
	FLOAT, FLOAT16, BFLOAT16, DOUBLE, INT8, UINT8, INT16, UINT16, INT32, UINT32, INT64, UINT64, BOOL, STRING,
	/** Any other type (complex, 8-bit floats, or unknown). */
	OTHER
}
