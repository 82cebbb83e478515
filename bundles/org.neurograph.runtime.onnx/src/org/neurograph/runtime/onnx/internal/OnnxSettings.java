package org.neurograph.runtime.onnx.internal;

import java.util.Optional;

import org.neurograph.runtime.onnx.OnnxPreferences;
import org.neurograph.runtime.onnx.OnnxUnavailableException;

/**
 * The settings models are loaded with, from {@link OnnxPreferences}.
 *
 * @param intraOpThreads threads per operator (at least 1)
 * @param maxModelBytes  the largest model file accepted
 */
public record OnnxSettings(int intraOpThreads, long maxModelBytes) {

	private static final int MAX_THREADS = 256;
	private static final int MAX_MEGABYTES = 2047;

	/** Reads the settings; a malformed value is reported with its key and the values allowed. */
	public static OnnxSettings read(PreferenceLookup preferences) throws OnnxUnavailableException {
		int threads = integer(preferences, OnnxPreferences.INTRA_OP_THREADS, OnnxPreferences.DEFAULT_INTRA_OP_THREADS,
				0, MAX_THREADS);
		int megabytes = integer(preferences, OnnxPreferences.MAX_MODEL_MEGABYTES,
				OnnxPreferences.DEFAULT_MAX_MODEL_MEGABYTES, 1, MAX_MEGABYTES);
		return new OnnxSettings(threads == 0 ? Runtime.getRuntime().availableProcessors() : threads,
				(long) megabytes << 20);
	}

	private static int integer(PreferenceLookup preferences, String key, int fallback, int min, int max)
			throws OnnxUnavailableException {
		Optional<String> value = preferences.get(key);
		if (value.isEmpty()) {
			return fallback;
		}
		try {
			int n = Integer.parseInt(value.get());
			if (n >= min && n <= max) {
				return n;
			}
		} catch (NumberFormatException e) {
			// reported below
		}
		throw new OnnxUnavailableException("ONNX models cannot be loaded: the preference '" + key + "' of "
				+ OnnxPreferences.QUALIFIER + " is '" + value.get() + "', which is not a whole number from " + min
				+ " to " + max + ". Correct or remove it, then try again.", null);
	}
}
