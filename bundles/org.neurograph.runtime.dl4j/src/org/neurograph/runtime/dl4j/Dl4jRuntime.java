package org.neurograph.runtime.dl4j;

import org.neurograph.runtime.dl4j.internal.Nd4jBootstrap;

/**
 * The entry point to DL4J and ND4J. Call {@link #start()} before touching any ND4J or DL4J class (typically at the
 * beginning of a background job); it starts ND4J's native backend on the first call and returns at once afterwards.
 * Nothing starts ND4J when the bundle starts.
 * <p>
 * {@code start()} works from any thread, whatever its context class loader (null included): ND4J finds its
 * backend through this bundle's class loader, and plugins that define their own layers or activations make them
 * visible by declaring {@code Eclipse-RegisterBuddy: org.neurograph.runtime.dl4j}.
 * <p>
 * Settings ({@link Dl4jPreferences}) are applied before JavaCPP loads: thread count, JavaCPP's cache folder (the
 * product's own, not {@code ~/.javacpp}) and caps on off-heap memory. If the natives cannot load, {@code start()}
 * throws {@link RuntimeUnavailableException} with a message for the user, remembers the failure and throws it
 * again on every later call; it never throws an {@link Error}.
 */
public final class Dl4jRuntime {

	private Dl4jRuntime() {
	}

	/**
	 * Starts ND4J once per process (thread-safe; concurrent callers wait for the first start) and returns how it was
	 * started. The first call may take seconds (the very first on a machine unpacks about 400 MB); later calls
	 * return at once.
	 *
	 * @throws RuntimeUnavailableException if ND4J cannot run here; the message is for the user
	 */
	public static RuntimeInfo start() throws RuntimeUnavailableException {
		return Nd4jBootstrap.shared().start();
	}

	/** True once ND4J has started successfully in this process; never blocks and never starts anything. */
	public static boolean isStarted() {
		return Nd4jBootstrap.shared().isStarted();
	}
}
