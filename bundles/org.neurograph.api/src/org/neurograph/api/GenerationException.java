package org.neurograph.api;

/**
 * A generation that could not be done. The message is shown to the user as it is: it says what was wrong and,
 * where it can, what to do about it (e.g. "The model file 'x.onnx' is truncated: import it again.").
 */
public class GenerationException extends Exception {
	private static final long serialVersionUID = 1L;

	/** @param message what went wrong and what to do, in the user's terms */
	public GenerationException(String message) {
		super(message);
	}

	/** @param message what went wrong and what to do; {@code cause} is logged, not shown */
	public GenerationException(String message, Throwable cause) {
		super(message, cause);
	}
}
