package org.neurograph.training.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The operating-system lock on a run's {@code run.lock} (an empty file, never written), held while a process trains
 * the run, so that two processes never train one run at once; the system releases it when the process dies. Within
 * this process the held runs are remembered, and a held lock file is never opened a second time (closing any channel
 * of a file drops every lock the process holds on it).
 */
public final class RunLock implements AutoCloseable {
	/** The file name inside a run folder. */
	public static final String FILE = "run.lock";
	private static final Set<Path> HELD = new HashSet<>();

	private final Path file;
	private final FileChannel channel;
	private final FileLock lock;

	private RunLock(Path file, FileChannel channel, FileLock lock) {
		this.file = file;
		this.channel = channel;
		this.lock = lock;
	}

	/** Takes the lock of {@code runDir}; empty if another process, or another run in this one, holds it. */
	public static synchronized Optional<RunLock> tryAcquire(Path runDir) throws IOException {
		Path file = runDir.resolve(FILE).toAbsolutePath().normalize();
		if (HELD.contains(file)) {
			return Optional.empty();
		}
		FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
		FileLock lock;
		try {
			lock = channel.tryLock();
		} catch (IOException | RuntimeException e) {
			channel.close();
			throw e;
		}
		if (lock == null) {
			channel.close();
			return Optional.empty();
		}
		HELD.add(file);
		return Optional.of(new RunLock(file, channel, lock));
	}

	/** True if a run of this process holds the lock of {@code runDir}. */
	public static synchronized boolean heldHere(Path runDir) {
		return HELD.contains(runDir.resolve(FILE).toAbsolutePath().normalize());
	}

	@Override
	public void close() throws IOException {
		synchronized (RunLock.class) {
			try {
				lock.release();
			} finally {
				channel.close();
				HELD.remove(file);
			}
		}
	}
}
