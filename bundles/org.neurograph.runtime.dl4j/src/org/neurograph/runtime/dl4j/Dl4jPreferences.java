package org.neurograph.runtime.dl4j;

/**
 * The preference keys of the DL4J runtime, in the Eclipse preference node {@link #QUALIFIER}. Values are looked up
 * in the instance scope, then the configuration scope, then the default scope (e.g. {@code plugin_customization.ini}),
 * and are read once, when ND4J starts: a change takes effect at the next start of the application.
 */
public final class Dl4jPreferences {

	/** The preference node: the bundle's symbolic name. */
	public static final String QUALIFIER = "org.neurograph.runtime.dl4j";

	/** OpenMP and BLAS threads for ND4J (an integer from 1 to 256). */
	public static final String THREADS = "threads";

	/**
	 * Default for {@link #THREADS}: one thread. On the 2-core machines measured, one thread trains the product's
	 * small networks about three times faster than two (per-operation overhead and oversubscription dominate).
	 */
	public static final int DEFAULT_THREADS = 1;

	/**
	 * Cap on the off-heap memory JavaCPP allocates ({@code org.bytedeco.javacpp.maxbytes}): a size such as
	 * {@code 4g}, {@code 512m} or {@code 50%} (of the maximum heap). Unset: JavaCPP's default, the maximum heap size.
	 */
	public static final String MAX_BYTES = "maxBytes";

	/**
	 * Cap on the resident memory of the whole process that JavaCPP allows before it refuses to allocate
	 * ({@code org.bytedeco.javacpp.maxphysicalbytes}); same syntax as {@link #MAX_BYTES}. Unset: JavaCPP's default.
	 */
	public static final String MAX_PHYSICAL_BYTES = "maxPhysicalBytes";

	/**
	 * Folder where JavaCPP unpacks ND4J's native libraries (about 400 MB). Unset:
	 * {@code ~/.neurograph/javacpp/<nd4j version>}.
	 */
	public static final String CACHE_DIR = "cacheDir";

	private Dl4jPreferences() {
	}
}
