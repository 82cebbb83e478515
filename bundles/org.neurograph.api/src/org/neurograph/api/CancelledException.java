package org.neurograph.api;

/** Thrown by a generator or trainer that stopped because {@link Progress#isCancelled()} became true. */
public class CancelledException extends GenerationException {
	private static final long serialVersionUID = 1L;

	public CancelledException() {
		super("Cancelled.");
	}
}
