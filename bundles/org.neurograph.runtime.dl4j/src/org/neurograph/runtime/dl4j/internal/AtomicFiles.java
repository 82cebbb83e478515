package org.neurograph.runtime.dl4j.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Writes a file atomically: into a temporary file in the same folder, forced to disk, then moved into place. */
public final class AtomicFiles {

	/** Fills a temporary file. */
	@FunctionalInterface
	public interface Writer {
		/** Writes the whole content to {@code tmp}, which exists and is empty. */
		void write(Path tmp) throws IOException;
	}

	private AtomicFiles() {
	}

	/**
	 * Writes {@code target} with {@code writer}: readers see either the old file or the complete new one, never a
	 * part; on failure the old file is untouched and the temporary file is gone.
	 */
	public static void write(Path target, Writer writer) throws IOException {
		Path dir = target.toAbsolutePath().getParent();
		Files.createDirectories(dir);
		Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
		try {
			writer.write(tmp);
			try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
				channel.force(true);
			}
			try {
				Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			} catch (AtomicMoveNotSupportedException e) {
				throw new IOException("cannot replace " + target + " atomically on this file system", e);
			}
		} finally {
			Files.deleteIfExists(tmp);
		}
	}
}
