package org.neurograph.runtime.onnx.internal;

import java.time.Duration;

import org.neurograph.runtime.onnx.OnnxUnavailableException;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtLoggingLevel;

/**
 * The process's ONNX Runtime environment, created on first use (that loads the native library through the bundle's
 * {@code Bundle-NativeCode}). A failure to load is remembered: the JNI classes cannot be initialised twice.
 */
public final class OrtEnvironments {

	private static OrtEnvironment environment;
	private static Duration startTime;
	private static OnnxUnavailableException failure;

	private OrtEnvironments() {
	}

	/** The environment, started if needed. */
	public static synchronized OrtEnvironment get() throws OnnxUnavailableException {
		if (environment != null) {
			return environment;
		}
		if (failure != null) {
			throw new OnnxUnavailableException(failure.getMessage(), failure);
		}
		long t0 = System.nanoTime();
		try {
			environment = OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_WARNING, "neurograph");
		} catch (Throwable t) { // UnsatisfiedLinkError, ExceptionInInitializerError...: none escapes
			failure = new OnnxUnavailableException("ONNX Runtime is unavailable: its native library could not be "
					+ "loaded (" + t + "). This build carries it for Linux on 64-bit x86 CPUs; reinstalling Neurograph "
					+ "may help. Features that run ONNX models are disabled until Neurograph restarts; everything else "
					+ "keeps working.", t);
			throw failure;
		}
		startTime = Duration.ofNanos(System.nanoTime() - t0);
		return environment;
	}

	/** How long the first {@link #get()} took (loading the natives), or null before it. */
	public static synchronized Duration startTime() {
		return startTime;
	}
}
