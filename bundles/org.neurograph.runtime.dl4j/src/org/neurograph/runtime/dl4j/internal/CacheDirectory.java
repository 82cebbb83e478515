package org.neurograph.runtime.dl4j.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.neurograph.runtime.dl4j.Dl4jPreferences;
import org.neurograph.runtime.dl4j.RuntimeUnavailableException;

/**
 * JavaCPP's cache folder: created before JavaCPP loads, checked for room before the first start fills it, and
 * marked once ND4J has started from it (so that later starts skip the space check).
 */
public final class CacheDirectory {

	/** Room the first start needs: ND4J's and OpenBLAS's libraries unpack to about 400 MB. */
	public static final long FIRST_START_BYTES = 512L << 20;

	private static final String READY_MARKER = ".neurograph-ready";

	private final Path dir;
	private final long firstStartBytes;

	/** The cache folder {@code dir}, needing {@code firstStartBytes} free before it has been filled once. */
	public CacheDirectory(Path dir, long firstStartBytes) {
		this.dir = dir;
		this.firstStartBytes = firstStartBytes;
	}

	/** Creates the folder and checks that it is writable and, unless already filled, has room. */
	public void prepare() throws RuntimeUnavailableException {
		try {
			Files.createDirectories(dir);
		} catch (IOException | SecurityException e) {
			throw new RuntimeUnavailableException("The deep-learning engine did not start: it cannot create its folder "
					+ "for native libraries, " + dir + " (" + describe(e) + "). Set the preference '"
					+ Dl4jPreferences.CACHE_DIR + "' of " + Dl4jPreferences.QUALIFIER + " to a writable folder.", e);
		}
		if (!Files.isWritable(dir)) {
			throw new RuntimeUnavailableException("The deep-learning engine did not start: its folder for native "
					+ "libraries, " + dir + ", is not writable. Make it writable or set the preference '"
					+ Dl4jPreferences.CACHE_DIR + "' of " + Dl4jPreferences.QUALIFIER + " to another folder.");
		}
		if (isReady()) {
			return;
		}
		long free = freeBytes();
		if (free < firstStartBytes) {
			throw new RuntimeUnavailableException("The deep-learning engine did not start: there is not enough disk "
					+ "space in " + dir + " (" + (free >> 20) + " MB free; its first start unpacks about "
					+ (FIRST_START_BYTES >> 20) + " MB of native libraries). Free some space, or set the preference '"
					+ Dl4jPreferences.CACHE_DIR + "' of " + Dl4jPreferences.QUALIFIER
					+ " to a folder on another disk.");
		}
	}

	/** Records that ND4J started from this folder. A failure to write the marker only costs a space check later. */
	public void markReady() {
		try {
			AtomicFiles.write(dir.resolve(READY_MARKER), tmp -> Files.writeString(tmp, "ND4J started from here\n"));
		} catch (IOException e) {
			// harmless: the next start checks the free space again
		}
	}

	boolean isReady() {
		return Files.isRegularFile(dir.resolve(READY_MARKER));
	}

	private long freeBytes() throws RuntimeUnavailableException {
		try {
			return Files.getFileStore(dir).getUsableSpace();
		} catch (IOException e) {
			throw new RuntimeUnavailableException("The deep-learning engine did not start: it cannot tell how much "
					+ "space is free in " + dir + " (" + describe(e) + ").", e);
		}
	}

	static String describe(Exception e) {
		String message = e.getMessage();
		String kind = e.getClass().getSimpleName();
		return message == null ? kind : kind + ": " + message;
	}
}
