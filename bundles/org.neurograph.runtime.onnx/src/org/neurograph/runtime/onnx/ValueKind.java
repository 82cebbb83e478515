package org.neurograph.runtime.onnx;

/** What an input or output of an ONNX model holds. */
public enum ValueKind {
	TENSOR, SEQUENCE, MAP,
	/** Anything else (optional or sparse values). */
	OTHER
}
