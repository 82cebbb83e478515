package org.neurograph.runtime.onnx;

/** Running a model failed: inputs that do not fit its signature, a closed model, or an error inside ONNX Runtime. */
public class InferenceException extends OnnxException {

	private static final long serialVersionUID = 1L;

	/** An exception with a message for the user and the technical cause (may be null). */
	public InferenceException(String message, Throwable cause) {
		super(message, cause);
	}

	/** An exception with a message for the user. */
	public InferenceException(String message) {
		super(message, null);
	}
}
