package org.neurograph.runtime.dl4j;

/**
 * ND4J's native backend cannot run in this process. The message says why (unsupported CPU, a missing or damaged
 * native library, no disk space for unpacking it, a bad setting) and what to do; it is written for the user. Only
 * features that need DL4J are affected; the rest of the workbench keeps working.
 */
public class RuntimeUnavailableException extends Exception {

	private static final long serialVersionUID = 1L;

	/** An exception with a message for the user and the technical cause (may be null). */
	public RuntimeUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

	/** An exception with a message for the user. */
	public RuntimeUnavailableException(String message) {
		super(message);
	}
}
