package org.neurograph.runtime.dl4j.tests;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import org.neurograph.runtime.dl4j.Dl4jRuntime;
import org.neurograph.runtime.dl4j.RuntimeInfo;

/** Runs work on a fresh thread whose context class loader is null, like a plain worker thread of the workbench. */
final class NullTccl {

	private NullTccl() {
	}

	/** Calls {@code task} on a new thread with a null context class loader and returns its result or rethrows. */
	static <T> T call(Callable<T> task) throws Exception {
		AtomicReference<T> result = new AtomicReference<>();
		AtomicReference<Throwable> error = new AtomicReference<>();
		Thread thread = new Thread(() -> {
			try {
				if (Thread.currentThread().getContextClassLoader() != null) {
					throw new IllegalStateException("the context class loader should be null");
				}
				result.set(task.call());
			} catch (Throwable t) {
				error.set(t);
			}
		}, "null-tccl-worker");
		thread.setContextClassLoader(null);
		thread.start();
		thread.join();
		Throwable t = error.get();
		if (t instanceof Exception e) {
			throw e;
		}
		if (t instanceof Error e) {
			throw e;
		}
		return result.get();
	}

	/** Starts ND4J from a null-context-class-loader thread (whichever test comes first really starts it). */
	static RuntimeInfo startNd4j() throws Exception {
		return call(Dl4jRuntime::start);
	}
}
