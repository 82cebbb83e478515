package org.neurograph.gan.internal;

import org.neurograph.runtime.onnx.OnnxRuntime;
import org.neurograph.runtime.onnx.OnnxUnavailableException;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The {@link OnnxRuntime} service for code that is not itself a component ({@code GanModel.load} is a static
 * method the UI calls): tracked from this bundle's context, kept while the bundle runs, so that its session cache
 * outlives each call.
 */
public final class OnnxService {
	private static final long WAIT_MILLIS = 10_000;
	private static ServiceTracker<OnnxRuntime, OnnxRuntime> tracker;
	private static BundleContext trackerContext;

	private OnnxService() {
	}

	/**
	 * The ONNX runtime service.
	 *
	 * @throws OnnxUnavailableException if this code does not run in an OSGi framework or the service does not appear
	 */
	public static OnnxRuntime get() throws OnnxUnavailableException {
		ServiceTracker<OnnxRuntime, OnnxRuntime> t = tracker();
		OnnxRuntime service = t.getService();
		if (service == null) {
			try {
				service = t.waitForService(WAIT_MILLIS);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		if (service == null) {
			throw new OnnxUnavailableException("The ONNX runtime service is not available (is the bundle "
					+ "org.neurograph.runtime.onnx installed and started?). Choose the DL4J engine instead.", null);
		}
		return service;
	}

	private static synchronized ServiceTracker<OnnxRuntime, OnnxRuntime> tracker() throws OnnxUnavailableException {
		Bundle bundle = FrameworkUtil.getBundle(OnnxService.class);
		BundleContext context = bundle == null ? null : bundle.getBundleContext();
		if (context == null) {
			throw new OnnxUnavailableException("The ONNX runtime is reached through OSGi, and the image GAN bundle "
					+ "is not running in an OSGi framework. Choose the DL4J engine instead.", null);
		}
		if (tracker == null || trackerContext != context) { // first use, or the bundle was restarted
			ServiceTracker<OnnxRuntime, OnnxRuntime> t = new ServiceTracker<>(context, OnnxRuntime.class, null);
			t.open();
			tracker = t;
			trackerContext = context;
		}
		return tracker;
	}
}
