package org.neurograph.runtime.onnx;

/**
 * ONNX Runtime cannot run in this process (its native library does not load here, or a setting is malformed). Only
 * features that run ONNX models are affected.
 */
public class OnnxUnavailableException extends OnnxException {

	private static final long serialVersionUID = 1L;

	/** An exception with a message for the user and the technical cause (may be null). */
	public OnnxUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}
}
