package org.neurograph.api.training;

/**
 * Training that cannot go on: bad data, a diverging loss, a broken checkpoint. The message is shown to the user as it
 * is and says what to do.
 */
public class TrainingException extends Exception {
	private static final long serialVersionUID = 1L;

	public TrainingException(String message) {
		super(message);
	}

	public TrainingException(String message, Throwable cause) {
		super(message, cause);
	}
}
