package org.neurograph.cli.internal;

/** The command line was wrong: the message says what and how to fix it (exit code 2). */
final class UsageException extends Exception {
	private static final long serialVersionUID = 1L;

	UsageException(String message) {
		super(message);
	}
}
