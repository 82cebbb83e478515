package org.neurograph.runtime.onnx;

/**
 * A model file was refused: missing, not a regular file, empty, too big, not a valid ONNX protobuf, or referring to
 * external data outside its own folder. The message names the file and what was wrong.
 */
public class InvalidModelException extends OnnxException {

	private static final long serialVersionUID = 1L;

	/** An exception with a message for the user and the technical cause (may be null). */
	public InvalidModelException(String message, Throwable cause) {
		super(message, cause);
	}

	/** An exception with a message for the user. */
	public InvalidModelException(String message) {
		super(message, null);
	}
}
