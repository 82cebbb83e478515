package org.neurograph.runtime.dl4j.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurograph.runtime.dl4j.RuntimeInfo;
import org.neurograph.runtime.dl4j.RuntimeUnavailableException;
import org.neurograph.runtime.dl4j.internal.Nd4jBootstrap;
import org.neurograph.runtime.dl4j.internal.Nd4jSettings;

/** The start-up logic with stand-in loaders: failures become one clear, remembered message and never an Error. */
class Nd4jBootstrapTest {

	@TempDir
	Path dir;

	private Nd4jSettings settings() {
		return new Nd4jSettings(1, Optional.empty(), Optional.empty(), dir.resolve("cache"));
	}

	private static RuntimeInfo info(Nd4jSettings s) {
		return new RuntimeInfo("stand-in", s.threads(), s.cacheDir(), 0, 0, Duration.ZERO);
	}

	@Test
	void aMissingNativeLibraryBecomesAClearMessageThatIsRememberedAndNoErrorEscapes() {
		AtomicInteger loads = new AtomicInteger();
		Nd4jBootstrap bootstrap = new Nd4jBootstrap(this::settings, s -> {
			loads.incrementAndGet();
			throw new UnsatisfiedLinkError("no jnind4jcpu in java.library.path");
		}, 0);

		RuntimeUnavailableException first = assertThrows(RuntimeUnavailableException.class, bootstrap::start);
		assertTrue(first.getMessage().contains("a native library could not be loaded"), first.getMessage());
		assertTrue(first.getMessage().contains("no jnind4jcpu in java.library.path"), first.getMessage());
		assertTrue(first.getMessage().contains("everything else keeps working"), first.getMessage());

		RuntimeUnavailableException again = assertThrows(RuntimeUnavailableException.class, bootstrap::start);
		assertEquals(first.getMessage(), again.getMessage());
		assertEquals(1, loads.get(), "a failed load is not retried: ND4J's classes stay broken after it");
		assertTrue(!bootstrap.isStarted());
	}

	@Test
	void aFullDiskWhileUnpackingIsNamedAsSuch() {
		Nd4jBootstrap bootstrap = new Nd4jBootstrap(this::settings, s -> {
			throw new ExceptionInInitializerError(new IOException("No space left on device"));
		}, 0);
		RuntimeUnavailableException e = assertThrows(RuntimeUnavailableException.class, bootstrap::start);
		assertTrue(e.getMessage().contains("no disk space left"), e.getMessage());
		assertTrue(e.getMessage().contains(dir.resolve("cache").toString()), e.getMessage());
	}

	@Test
	void tooLittleFreeSpaceIsFoundBeforeLoadingAndIsNotRemembered() throws Exception {
		AtomicInteger loads = new AtomicInteger();
		Nd4jBootstrap needsTooMuch = new Nd4jBootstrap(this::settings, s -> {
			loads.incrementAndGet();
			return info(s);
		}, Long.MAX_VALUE);
		RuntimeUnavailableException e = assertThrows(RuntimeUnavailableException.class, needsTooMuch::start);
		assertTrue(e.getMessage().contains("not enough disk space"), e.getMessage());
		assertEquals(0, loads.get());
	}

	@Test
	void anUnwritableCacheFolderIsNamed() throws Exception {
		Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
		Nd4jSettings settings = new Nd4jSettings(1, Optional.empty(), Optional.empty(), file.resolve("cache"));
		Nd4jBootstrap bootstrap = new Nd4jBootstrap(() -> settings, Nd4jBootstrapTest::info, 0);
		RuntimeUnavailableException e = assertThrows(RuntimeUnavailableException.class, bootstrap::start);
		assertTrue(e.getMessage().contains("cannot create its folder"), e.getMessage());
		assertTrue(e.getMessage().contains(file.resolve("cache").toString()), e.getMessage());
	}

	@Test
	void aBadSettingIsReportedAndCanBeFixedWithoutRestarting() throws Exception {
		AtomicInteger reads = new AtomicInteger();
		Nd4jBootstrap bootstrap = new Nd4jBootstrap(() -> {
			if (reads.incrementAndGet() == 1) {
				throw new RuntimeUnavailableException("bad setting");
			}
			return settings();
		}, Nd4jBootstrapTest::info, 0);
		assertThrows(RuntimeUnavailableException.class, bootstrap::start);
		RuntimeInfo info = bootstrap.start();
		assertSame(info, bootstrap.start());
		assertEquals(2, reads.get(), "settings are not read again once started");
		assertTrue(bootstrap.isStarted());
	}

	@Test
	void aSuccessfulStartMarksTheCacheSoLaterStartsSkipTheSpaceCheck() throws Exception {
		new Nd4jBootstrap(this::settings, Nd4jBootstrapTest::info, 0).start();
		// a second process (a new bootstrap) needing more space than any disk has still starts: the cache is filled
		new Nd4jBootstrap(this::settings, Nd4jBootstrapTest::info, Long.MAX_VALUE).start();
	}
}
