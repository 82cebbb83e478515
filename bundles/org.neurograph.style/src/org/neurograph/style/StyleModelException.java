package org.neurograph.style;

/** A style model was refused or could not be run; the message says what was wrong and what to do. */
public class StyleModelException extends Exception {

	private static final long serialVersionUID = 1L;

	/** An exception with a message for the user. */
	public StyleModelException(String message) {
		super(message);
	}

	/** An exception with a message for the user and the technical cause. */
	public StyleModelException(String message, Throwable cause) {
		super(message, cause);
	}
}
