package org.neurograph.runtime.dl4j;

import java.io.IOException;

/**
 * A model file was refused because it holds content that could run code while it is read: serialized Java
 * objects or class names outside the allow-list of {@link SafeModelSerializer}. The message names the file, the
 * entry and the class.
 */
public class UnsafeModelException extends IOException {

	private static final long serialVersionUID = 1L;

	/** An exception with a message for the user. */
	public UnsafeModelException(String message) {
		super(message);
	}
}
