package org.neurograph.runtime.dl4j.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neurograph.runtime.dl4j.Dl4jPreferences;
import org.neurograph.runtime.dl4j.RuntimeUnavailableException;
import org.neurograph.runtime.dl4j.internal.Nd4jSettings;
import org.neurograph.runtime.dl4j.internal.PreferenceLookup;

/** Settings come from Eclipse preferences (a test node, so the real runtime's node stays untouched). */
class Nd4jSettingsTest {

	private static final String NODE = "org.neurograph.runtime.dl4j.tests.settings";
	private final IEclipsePreferences preferences = InstanceScope.INSTANCE.getNode(NODE);
	private final PreferenceLookup lookup = new PreferenceLookup(NODE);

	@AfterEach
	void clear() throws Exception {
		preferences.clear();
	}

	@Test
	void defaultsWhenNothingIsSet() throws Exception {
		Nd4jSettings settings = Nd4jSettings.read(lookup);
		assertEquals(Dl4jPreferences.DEFAULT_THREADS, settings.threads());
		assertEquals(Optional.empty(), settings.maxBytes());
		if (System.getProperty("org.bytedeco.javacpp.maxphysicalbytes") == null) {
			assertEquals(Optional.empty(), settings.maxPhysicalBytes());
		}
		assertTrue(settings.cacheDir().isAbsolute());
	}

	@Test
	void readsThreadsMemoryCapsAndCacheFolderFromTheInstanceScope() throws Exception {
		preferences.put(Dl4jPreferences.THREADS, "2");
		preferences.put(Dl4jPreferences.MAX_BYTES, "3g");
		preferences.put(Dl4jPreferences.CACHE_DIR, "/tmp/neurograph-cache");
		Nd4jSettings settings = Nd4jSettings.read(lookup);
		assertEquals(2, settings.threads());
		assertEquals(Optional.of("3g"), settings.maxBytes());
		if (System.getProperty("org.bytedeco.javacpp.cachedir") == null) {
			assertEquals(Path.of("/tmp/neurograph-cache"), settings.cacheDir());
		}
	}

	@Test
	void aMalformedValueIsReportedWithItsKeyAndAGoodExample() {
		preferences.put(Dl4jPreferences.THREADS, "many");
		RuntimeUnavailableException threads = assertThrows(RuntimeUnavailableException.class,
				() -> Nd4jSettings.read(lookup));
		assertTrue(threads.getMessage().contains("'threads'"), threads.getMessage());
		assertTrue(threads.getMessage().contains("'many'"), threads.getMessage());
		assertTrue(threads.getMessage().contains("a whole number from 1"), threads.getMessage());

		preferences.put(Dl4jPreferences.THREADS, "0");
		assertThrows(RuntimeUnavailableException.class, () -> Nd4jSettings.read(lookup));

		preferences.put(Dl4jPreferences.THREADS, "1");
		preferences.put(Dl4jPreferences.MAX_BYTES, "lots");
		RuntimeUnavailableException size = assertThrows(RuntimeUnavailableException.class,
				() -> Nd4jSettings.read(lookup));
		assertTrue(size.getMessage().contains("'maxBytes'"), size.getMessage());
		assertTrue(size.getMessage().contains("4g, 512m or 50%"), size.getMessage());
	}
}
