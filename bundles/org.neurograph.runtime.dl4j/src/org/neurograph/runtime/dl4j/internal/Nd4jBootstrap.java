package org.neurograph.runtime.dl4j.internal;

import org.neurograph.runtime.dl4j.Dl4jPreferences;
import org.neurograph.runtime.dl4j.RuntimeInfo;
import org.neurograph.runtime.dl4j.RuntimeUnavailableException;

/**
 * Starts ND4J at most once: reads the settings, prepares the cache folder, loads the natives, and remembers the
 * outcome. A failure to load is remembered and reported again on every call (ND4J's classes stay broken after a
 * failed initialisation); a bad setting or a full disk found before loading is not, so the user can fix it and retry.
 */
public final class Nd4jBootstrap {

	/** Reads the settings. */
	@FunctionalInterface
	public interface SettingsSource {
		/** The settings to start with. */
		Nd4jSettings read() throws RuntimeUnavailableException;
	}

	/** Loads and initialises ND4J. */
	@FunctionalInterface
	public interface Loader {
		/** Starts ND4J with {@code settings}; may throw anything, errors included. */
		RuntimeInfo load(Nd4jSettings settings) throws Exception;
	}

	private static final Nd4jBootstrap SHARED = new Nd4jBootstrap(
			() -> Nd4jSettings.read(new PreferenceLookup(Dl4jPreferences.QUALIFIER)), Nd4jLoader::load,
			CacheDirectory.FIRST_START_BYTES);

	private final SettingsSource settings;
	private final Loader loader;
	private final long firstStartBytes;
	private volatile RuntimeInfo info;
	private RuntimeUnavailableException failure;

	/** A bootstrap with its own state; {@link #shared()} is the one that starts the real ND4J. */
	public Nd4jBootstrap(SettingsSource settings, Loader loader, long firstStartBytes) {
		this.settings = settings;
		this.loader = loader;
		this.firstStartBytes = firstStartBytes;
	}

	/** The process-wide bootstrap of the embedded ND4J. */
	public static Nd4jBootstrap shared() {
		return SHARED;
	}

	/** Starts ND4J unless it has started (returns how) or failed to (throws the remembered failure). */
	public synchronized RuntimeInfo start() throws RuntimeUnavailableException {
		if (info != null) {
			return info;
		}
		if (failure != null) {
			throw new RuntimeUnavailableException(failure.getMessage(), failure);
		}
		Nd4jSettings current = settings.read();
		CacheDirectory cache = new CacheDirectory(current.cacheDir(), firstStartBytes);
		cache.prepare();
		try {
			info = loader.load(current);
		} catch (Throwable t) { // loading natives throws Errors (UnsatisfiedLinkError...): none escapes
			failure = FailureDiagnosis.explain(t, current.cacheDir());
			throw failure;
		}
		cache.markReady();
		return info;
	}

	/**
	 * Applies JavaCPP's settings (cache folder, memory caps) without starting anything, so that they hold even if a
	 * plugin touches ND4J before calling {@link #start()}. Called when the bundle activates, before any ND4J class
	 * initialises. A malformed setting is left for {@code start()} to report.
	 */
	public void applyEarly() {
		try {
			Nd4jLoader.applyJavaCppProperties(settings.read());
		} catch (RuntimeUnavailableException e) {
			// start() reads the settings again and reports the problem to whoever asks for ND4J
		}
	}

	/** True once {@link #start()} has succeeded. */
	public boolean isStarted() {
		return info != null;
	}
}
