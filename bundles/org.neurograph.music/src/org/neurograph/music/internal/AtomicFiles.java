package org.neurograph.music.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes files atomically: into a temporary file in the same folder, flushed to disk, then moved over the target in
 * one step, so that a crash leaves the old file or the new one, never a torn one. A failed or cancelled write
 * deletes the temporary file.
 */
public final class AtomicFiles {
	private AtomicFiles() {
	}

	/** What writes the content. */
	@FunctionalInterface
	public interface Content {
		void writeTo(OutputStream out) throws IOException;
	}

	/** Writes {@code bytes} to {@code target} atomically. */
	public static void write(Path target, byte[] bytes) throws IOException {
		write(target, out -> out.write(bytes));
	}

	/** Writes what {@code content} produces to {@code target} atomically. */
	public static void write(Path target, Content content) throws IOException {
		Path absolute = target.toAbsolutePath();
		Path dir = absolute.getParent();
		Files.createDirectories(dir);
		Path temp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
		try {
			try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
					OutputStream out = Channels.newOutputStream(channel)) {
				OutputStream buffered = new BufferedOutputStream(out, 1 << 16);
				content.writeTo(buffered);
				buffered.flush();
				channel.force(true);
			}
			try {
				Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			} catch (AtomicMoveNotSupportedException e) {
				Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
			}
		} finally {
			Files.deleteIfExists(temp);
		}
	}
}
