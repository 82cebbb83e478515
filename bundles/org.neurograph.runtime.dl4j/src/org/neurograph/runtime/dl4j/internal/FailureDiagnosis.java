package org.neurograph.runtime.dl4j.internal;

import java.nio.file.Path;
import java.util.Locale;

import org.neurograph.runtime.dl4j.RuntimeUnavailableException;

/** Turns whatever ND4J's start threw (errors included) into one message for the user that names the cause. */
public final class FailureDiagnosis {

	private static final String PREFIX = "The deep-learning engine (DL4J/ND4J) is unavailable: ";
	private static final String SUFFIX = " Features that train or run DL4J networks are disabled until Neurograph "
			+ "restarts; everything else keeps working.";

	private FailureDiagnosis() {
	}

	/** The user's message for {@code failure}, which happened while starting ND4J from {@code cacheDir}. */
	public static RuntimeUnavailableException explain(Throwable failure, Path cacheDir) {
		if (failure instanceof RuntimeUnavailableException known) {
			return known;
		}
		return new RuntimeUnavailableException(PREFIX + cause(failure, cacheDir) + SUFFIX, failure);
	}

	private static String cause(Throwable failure, Path cacheDir) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			String message = String.valueOf(t.getMessage());
			String lower = message.toLowerCase(Locale.ROOT);
			if (lower.contains("no space left on device") || lower.contains("disk quota exceeded")) {
				return "there is no disk space left for its native libraries in " + cacheDir
						+ ". Free some space there (the first start needs about 400 MB).";
			}
			if (t instanceof UnsatisfiedLinkError) {
				return "a native library could not be loaded (" + message + "). The installation may be damaged "
						+ "or the machine lacks a system library; reinstall Neurograph, or delete " + cacheDir
						+ " so that the libraries are unpacked again.";
			}
			if (t.getClass().getSimpleName().equals("NoAvailableBackendException")) {
				return "no ND4J backend was found in the runtime bundle (" + message + "). The installation is "
						+ "incomplete; reinstall Neurograph.";
			}
			if (lower.contains("could not create the cache")) {
				return "its folder for native libraries, " + cacheDir + ", cannot be created or written.";
			}
			if (t instanceof OutOfMemoryError) {
				return "there was not enough memory to start it (" + message + "). Close other work or give "
						+ "Neurograph more memory (-Xmx).";
			}
		}
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return "it failed while starting (" + root.getClass().getName() + ": " + root.getMessage() + ").";
	}
}
