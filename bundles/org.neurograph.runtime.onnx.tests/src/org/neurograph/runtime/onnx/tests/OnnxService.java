package org.neurograph.runtime.onnx.tests;

import org.neurograph.runtime.onnx.OnnxRuntime;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** The OnnxRuntime service as a test sees it: tracked while the test runs, released (and deactivated) after. */
final class OnnxService implements AutoCloseable {

	private final ServiceTracker<OnnxRuntime, OnnxRuntime> tracker;

	OnnxService() {
		BundleContext context = FrameworkUtil.getBundle(OnnxService.class).getBundleContext();
		tracker = new ServiceTracker<>(context, OnnxRuntime.class, null);
		tracker.open();
	}

	/** The service; fails if it does not appear (Declarative Services registers it when the bundle starts). */
	OnnxRuntime get() throws InterruptedException {
		OnnxRuntime runtime = tracker.waitForService(60_000);
		if (runtime == null) {
			throw new AssertionError("the OnnxRuntime service was not registered");
		}
		return runtime;
	}

	@Override
	public void close() {
		tracker.close();
	}
}
