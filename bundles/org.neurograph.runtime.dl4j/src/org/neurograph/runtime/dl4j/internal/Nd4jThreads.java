package org.neurograph.runtime.dl4j.internal;

import org.nd4j.linalg.factory.Nd4j;

/** ND4J's thread counts, set through its Java API (environment variables cannot be set per plugin). */
public final class Nd4jThreads {

	private Nd4jThreads() {
	}

	/** Uses {@code threads} OpenMP threads for ND4J's own ops and for BLAS. ND4J must have started. */
	public static void set(int threads) {
		Nd4j.getEnvironment().setMaxThreads(threads);
		Nd4j.getEnvironment().setMaxMasterThreads(threads);
		Nd4j.factory().blas().setMaxThreads(threads);
	}

	/** The BLAS thread count ND4J uses now. */
	public static int get() {
		return Nd4j.factory().blas().getMaxThreads();
	}
}
