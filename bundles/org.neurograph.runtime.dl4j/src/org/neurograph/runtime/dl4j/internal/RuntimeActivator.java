package org.neurograph.runtime.dl4j.internal;

import org.deeplearning4j.config.DL4JClassLoading;
import org.nd4j.common.config.ND4JClassLoading;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Prepares ND4J without starting it. ND4J captures the context class loader of whichever thread first touches it and
 * finds its backend through it; a worker thread's (null, or the application loader) breaks ND4J for the life of the
 * process. This bundle is lazily activated, so the framework runs this activator before any class of the bundle,
 * ND4J's included, is initialised: it points ND4J's and DL4J's class lookups at this bundle's class loader (which,
 * through the bundle's buddy policy, also sees the classes of plugins registered as buddies: custom layers and
 * activations in model configurations) and applies JavaCPP's settings, which JavaCPP reads once. ND4J itself starts
 * only in {@code Dl4jRuntime.start()}.
 */
public final class RuntimeActivator implements BundleActivator {

	@Override
	public void start(BundleContext context) {
		pin();
		Nd4jBootstrap.shared().applyEarly();
	}

	@Override
	public void stop(BundleContext context) {
		// nothing to undo: ND4J cannot be unloaded
	}

	/** Makes this bundle's class loader ND4J's and DL4J's. Idempotent. */
	public static void pin() {
		ND4JClassLoading.setNd4jClassloaderFromClass(RuntimeActivator.class);
		DL4JClassLoading.setDl4jClassloaderFromClass(RuntimeActivator.class);
	}
}
