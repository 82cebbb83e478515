package org.neurograph.runtime.onnx;

/**
 * The preference keys of the ONNX runtime, in the Eclipse preference node {@link #QUALIFIER}. Values are looked up in
 * the instance scope, then the configuration scope, then the default scope, each time a model is loaded: a change
 * applies to models loaded afterwards.
 */
public final class OnnxPreferences {

	/** The preference node: the bundle's symbolic name. */
	public static final String QUALIFIER = "org.neurograph.runtime.onnx";

	/** Threads ONNX Runtime uses inside one operator (an integer from 0 to 256; 0: one per available processor). */
	public static final String INTRA_OP_THREADS = "intraOpThreads";

	/**
	 * Default for {@link #INTRA_OP_THREADS}: one per available processor. On the 2-core machines measured, two
	 * threads run a convolutional network about 1.3 times faster than one.
	 */
	public static final int DEFAULT_INTRA_OP_THREADS = 0;

	/** The largest model file accepted, in megabytes (1 to 2047: a protobuf file cannot exceed 2 GB). */
	public static final String MAX_MODEL_MEGABYTES = "maxModelMegabytes";

	/** Default for {@link #MAX_MODEL_MEGABYTES}. */
	public static final int DEFAULT_MAX_MODEL_MEGABYTES = 1024;

	private OnnxPreferences() {
	}
}
