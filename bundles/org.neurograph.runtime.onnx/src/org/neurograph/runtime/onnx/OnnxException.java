package org.neurograph.runtime.onnx;

/** Something went wrong with an ONNX model; the message is written for the user. */
public class OnnxException extends Exception {

	private static final long serialVersionUID = 1L;

	/** An exception with a message for the user and the technical cause (may be null). */
	public OnnxException(String message, Throwable cause) {
		super(message, cause);
	}
}
