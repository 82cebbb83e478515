package org.neurograph.runtime.dl4j.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;
import org.nd4j.common.config.ND4JClassLoading;
import org.nd4j.linalg.factory.Nd4j;
import org.neurograph.runtime.dl4j.Dl4jPreferences;
import org.neurograph.runtime.dl4j.Dl4jRuntime;
import org.neurograph.runtime.dl4j.RuntimeInfo;
import org.neurograph.runtime.dl4j.internal.Nd4jThreads;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.BundleWiring;

class Dl4jRuntimeTest {

	@Test
	void startsFromAThreadWithoutContextClassLoaderWithTheProductsSettings() throws Exception {
		RuntimeInfo info = NullTccl.startNd4j();

		Bundle runtime = FrameworkUtil.getBundle(Dl4jRuntime.class);
		assertEquals("org.neurograph.runtime.dl4j", runtime.getSymbolicName());
		assertEquals(Bundle.ACTIVE, runtime.getState());
		assertSame(runtime.adapt(BundleWiring.class).getClassLoader(), ND4JClassLoading.getNd4jClassloader(),
				"ND4J must look classes up through the runtime bundle, not through a thread's context loader");
		assertTrue(Dl4jRuntime.isStarted());
		assertEquals("org.nd4j.linalg.cpu.nativecpu.CpuBackend", info.backend());
		assertEquals(Nd4j.getBackend().getClass().getName(), info.backend());

		assertEquals(Dl4jPreferences.DEFAULT_THREADS, info.threads());
		assertEquals(info.threads(), Nd4jThreads.get());
		assertEquals(info.threads(), Nd4j.getEnvironment().maxMasterThreads());
		assertEquals(Loader.getCacheDir().toPath(), info.cacheDir());
		Path expected = Path.of(System.getProperty("user.home"), ".neurograph", "javacpp", "1.0.0-M2.1");
		assertEquals(expected.toRealPath(), info.cacheDir().toRealPath(), "JavaCPP's cache must be the product's own");
		assertEquals(Pointer.maxBytes(), info.maxBytes());
		assertEquals(Pointer.maxPhysicalBytes(), info.maxPhysicalBytes());
		assertTrue(info.maxBytes() > 0);
		assertFalse(info.startTime().isNegative());
		System.out.printf("[dl4j] ND4J started in %d ms, %s%n", info.startTime().toMillis(), info);
	}

	@Test
	void startIsIdempotentAndSafeFromManyThreads() throws Exception {
		RuntimeInfo first = NullTccl.startNd4j();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Callable<RuntimeInfo>> calls = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				calls.add(Dl4jRuntime::start);
			}
			for (Future<RuntimeInfo> f : pool.invokeAll(calls)) {
				assertSame(first, f.get());
			}
		} finally {
			pool.shutdownNow();
		}
		assertSame(first, Dl4jRuntime.start());
	}
}
