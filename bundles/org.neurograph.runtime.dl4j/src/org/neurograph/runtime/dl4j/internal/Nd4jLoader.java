package org.neurograph.runtime.dl4j.internal;

import java.time.Duration;
import java.util.Locale;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.factory.Nd4jBackend;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;
import org.neurograph.runtime.dl4j.RuntimeInfo;
import org.neurograph.runtime.dl4j.RuntimeUnavailableException;

/** Loads the embedded ND4J CPU backend with the product's settings. */
final class Nd4jLoader {

	static final String CACHE_DIR_PROPERTY = "org.bytedeco.javacpp.cachedir";
	static final String MAX_BYTES_PROPERTY = "org.bytedeco.javacpp.maxbytes";
	static final String MAX_PHYSICAL_BYTES_PROPERTY = "org.bytedeco.javacpp.maxphysicalbytes";

	private Nd4jLoader() {
	}

	/**
	 * Sets JavaCPP's properties (read once, when JavaCPP's classes initialise), loads the natives, checks that this
	 * CPU can run them, initialises ND4J and sets its threads. Runs with this bundle's loader as context class loader.
	 */
	static RuntimeInfo load(Nd4jSettings settings) throws Exception {
		checkPlatform();
		long t0 = System.nanoTime();
		applyJavaCppProperties(settings);
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(Nd4jLoader.class.getClassLoader());
		try {
			RuntimeActivator.pin();
			Nd4jBackend.load(); // finds the CPU backend and its properties; loads no native code
			checkCpu(NativeOpsHolder.getInstance().getDeviceNativeOps());
			String backend = Nd4j.getBackend().getClass().getName();
			Nd4jThreads.set(settings.threads());
			return new RuntimeInfo(backend, settings.threads(), Loader.getCacheDir().toPath(), Pointer.maxBytes(),
					Pointer.maxPhysicalBytes(), Duration.ofNanos(System.nanoTime() - t0));
		} finally {
			thread.setContextClassLoader(previous);
		}
	}

	/** Sets the system properties JavaCPP reads once, when its classes initialise. */
	static void applyJavaCppProperties(Nd4jSettings settings) {
		System.setProperty(CACHE_DIR_PROPERTY, settings.cacheDir().toString());
		settings.maxBytes().ifPresent(v -> System.setProperty(MAX_BYTES_PROPERTY, v));
		settings.maxPhysicalBytes().ifPresent(v -> System.setProperty(MAX_PHYSICAL_BYTES_PROPERTY, v));
	}

	private static void checkPlatform() throws RuntimeUnavailableException {
		String os = System.getProperty("os.name", "");
		String arch = System.getProperty("os.arch", "");
		if (!os.toLowerCase(Locale.ROOT).startsWith("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
			throw new RuntimeUnavailableException("The deep-learning engine (DL4J/ND4J) is unavailable: this build "
					+ "carries its native libraries for Linux on 64-bit x86 CPUs only, and this machine is " + os
					+ " on " + arch + ". Everything that does not train or run DL4J networks keeps working.");
		}
	}

	/** ND4J itself calls System.exit when the CPU lacks the instructions its binary needs: check first. */
	private static void checkCpu(NativeOps ops) throws RuntimeUnavailableException {
		if (!ops.isMinimalRequirementsMet()) {
			throw new RuntimeUnavailableException("The deep-learning engine (DL4J/ND4J) is unavailable: this CPU is "
					+ "not supported. Its native library needs " + level(ops.binaryLevel()) + " instructions and this "
					+ "CPU offers only " + level(ops.optimalLevel()) + ". Everything that does not train or run DL4J "
					+ "networks keeps working.");
		}
	}

	private static String level(int level) {
		return switch (level) {
		case 3 -> "AVX-512";
		case 2 -> "AVX/AVX2";
		default -> "generic x86-64";
		};
	}
}
