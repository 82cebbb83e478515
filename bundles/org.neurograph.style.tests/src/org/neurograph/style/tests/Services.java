package org.neurograph.style.tests;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** Looks up OSGi services registered by Declarative Services, failing clearly when one does not appear. */
final class Services {

	private Services() {
	}

	/** The service of {@code type}, waiting up to a minute for it. */
	static <T> T get(Class<T> type) throws InterruptedException {
		BundleContext context = FrameworkUtil.getBundle(Services.class).getBundleContext();
		ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
		tracker.open();
		T service = tracker.waitForService(60_000);
		if (service == null) {
			throw new AssertionError("the service " + type.getName() + " was not registered");
		}
		return service;
	}

	/** The registered service of {@code type} whose {@code toString()}-independent test {@code match} passes. */
	static <T> T find(Class<T> type, java.util.function.Predicate<T> match) throws InterruptedException {
		get(type);
		BundleContext context = FrameworkUtil.getBundle(Services.class).getBundleContext();
		try {
			for (var ref : context.getServiceReferences(type, null)) {
				T service = context.getService(ref);
				if (match.test(service)) {
					return service;
				}
			}
		} catch (org.osgi.framework.InvalidSyntaxException e) {
			throw new AssertionError(e);
		}
		throw new AssertionError("no " + type.getSimpleName() + " service matches");
	}
}
