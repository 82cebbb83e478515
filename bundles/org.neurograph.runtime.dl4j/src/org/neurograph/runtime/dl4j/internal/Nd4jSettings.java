package org.neurograph.runtime.dl4j.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

import org.neurograph.runtime.dl4j.Dl4jPreferences;
import org.neurograph.runtime.dl4j.RuntimeUnavailableException;

/**
 * The settings ND4J starts with, read from {@link Dl4jPreferences}.
 *
 * @param threads          OpenMP/BLAS threads
 * @param maxBytes         JavaCPP size syntax, empty for JavaCPP's default
 * @param maxPhysicalBytes JavaCPP size syntax, empty for JavaCPP's default
 * @param cacheDir         JavaCPP's cache folder
 */
public record Nd4jSettings(int threads, Optional<String> maxBytes, Optional<String> maxPhysicalBytes, Path cacheDir) {

	/** The sizes JavaCPP's {@code Pointer.parseBytes} accepts. */
	private static final Pattern SIZE = Pattern.compile("\\d{1,18}\\s*(%|[kKmMgGtT][bB]?)?");
	private static final int MAX_THREADS = 256;

	/**
	 * Reads the settings; a malformed value is reported with the key, the value and an example of a good one.
	 * JavaCPP's own system properties, when given on the command line, win over the preferences.
	 */
	public static Nd4jSettings read(PreferenceLookup preferences) throws RuntimeUnavailableException {
		int threads = Dl4jPreferences.DEFAULT_THREADS;
		Optional<String> threadValue = preferences.get(Dl4jPreferences.THREADS);
		if (threadValue.isPresent()) {
			threads = parseThreads(threadValue.get());
		}
		Optional<String> maxBytes = size(preferences, Dl4jPreferences.MAX_BYTES, Nd4jLoader.MAX_BYTES_PROPERTY);
		Optional<String> maxPhysicalBytes = size(preferences, Dl4jPreferences.MAX_PHYSICAL_BYTES,
				Nd4jLoader.MAX_PHYSICAL_BYTES_PROPERTY);
		Optional<String> dir = systemProperty(Nd4jLoader.CACHE_DIR_PROPERTY)
				.or(() -> preferences.get(Dl4jPreferences.CACHE_DIR));
		Path cacheDir;
		try {
			cacheDir = dir.isPresent() ? Path.of(dir.get()).toAbsolutePath()
					: Path.of(System.getProperty("user.home"), ".neurograph", "javacpp", nd4jVersion());
		} catch (InvalidPathException e) {
			throw bad(Dl4jPreferences.CACHE_DIR, dir.orElse(""), "a folder such as /home/me/.neurograph/javacpp");
		}
		return new Nd4jSettings(threads, maxBytes, maxPhysicalBytes, cacheDir);
	}

	private static int parseThreads(String value) throws RuntimeUnavailableException {
		try {
			int n = Integer.parseInt(value);
			if (n >= 1 && n <= MAX_THREADS) {
				return n;
			}
		} catch (NumberFormatException e) {
			// reported below
		}
		throw bad(Dl4jPreferences.THREADS, value, "a whole number from 1 to " + MAX_THREADS);
	}

	private static Optional<String> size(PreferenceLookup preferences, String key, String property)
			throws RuntimeUnavailableException {
		Optional<String> value = systemProperty(property);
		if (value.isPresent()) {
			return value;
		}
		value = preferences.get(key);
		if (value.isPresent() && !SIZE.matcher(value.get()).matches()) {
			throw bad(key, value.get(), "a size such as 4g, 512m or 50%");
		}
		return value;
	}

	private static Optional<String> systemProperty(String name) {
		return Optional.ofNullable(System.getProperty(name)).map(String::trim).filter(v -> !v.isEmpty());
	}

	private static RuntimeUnavailableException bad(String key, String value, String expected) {
		return new RuntimeUnavailableException("The deep-learning engine did not start: the preference '" + key
				+ "' of " + Dl4jPreferences.QUALIFIER + " is '" + value + "', which is not " + expected
				+ ". Correct or remove it, then try again.");
	}

	/** The version of the embedded ND4J (names the cache folder, so that two versions never share one). */
	public static String nd4jVersion() {
		try (InputStream in = Nd4jSettings.class
				.getResourceAsStream("/META-INF/maven/org.nd4j/nd4j-native/pom.properties")) {
			if (in != null) {
				Properties properties = new Properties();
				properties.load(in);
				return properties.getProperty("version", "unknown");
			}
		} catch (IOException e) {
			// fall through
		}
		return "unknown";
	}
}
