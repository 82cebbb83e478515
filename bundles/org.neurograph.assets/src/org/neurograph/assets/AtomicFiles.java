package org.neurograph.assets;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Atomic file writes: the bytes go to a hidden temporary file in the target's folder, are forced to disk, and the
 * temporary file is then moved over the target in one atomic step. Readers see the old file or the new one, never a
 * torn one; the temporary file is removed on failure. Missing parent folders are created.
 */
public final class AtomicFiles {

	/** Writes the content of a file to a stream; the stream must not be kept after {@link #write} returns. */
	@FunctionalInterface
	public interface Writer {
		void write(OutputStream out) throws IOException;
	}

	private static final int MAX_TEMP_PREFIX = 100;

	/** The names {@link #tempName} makes: a dot, the target's name (shortened), a dot, 16 hex digits, ".tmp". */
	private static final Pattern TEMP_NAME = Pattern.compile("\\..+\\.[0-9a-f]{16}\\.tmp");

	private AtomicFiles() {
	}

	/** Replaces (or creates) {@code target} with {@code data}. */
	public static void write(Path target, byte[] data) throws IOException {
		Objects.requireNonNull(data, "data");
		write(target, out -> out.write(data));
	}

	/**
	 * Replaces (or creates) {@code target} with what {@code writer} writes. If the writer throws, the old file is
	 * left intact and the exception is passed on.
	 */
	public static void write(Path target, Writer writer) throws IOException {
		Path temp = writeTemp(target, writer);
		try {
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		} catch (Throwable t) {
			deleteAfterFailure(temp, t);
			throw t;
		}
		syncFolder(temp.getParent());
	}

	/** Writes {@code text} as UTF-8. */
	public static void writeString(Path target, String text) throws IOException {
		write(target, text.getBytes(StandardCharsets.UTF_8));
	}

	/** Copies {@code source} to {@code target}, replacing it atomically. */
	public static void copy(Path source, Path target) throws IOException {
		Objects.requireNonNull(source, "source");
		write(target, out -> Files.copy(source, out));
	}

	/**
	 * Creates {@code target} atomically with what {@code writer} writes, but never replaces a file: throws
	 * {@link FileAlreadyExistsException} if {@code target} exists (also when another writer creates it first).
	 */
	public static void writeNew(Path target, Writer writer) throws IOException {
		Path temp = writeTemp(target, writer);
		try {
			publishNew(temp, target);
		} finally {
			Files.deleteIfExists(temp);
		}
		syncFolder(temp.getParent());
	}

	/** Creates {@code target} atomically with {@code data}; never replaces a file (see {@link #writeNew(Path, Writer)}). */
	public static void writeNew(Path target, byte[] data) throws IOException {
		Objects.requireNonNull(data, "data");
		writeNew(target, out -> out.write(data));
	}

	private static Path writeTemp(Path target, Writer writer) throws IOException {
		Objects.requireNonNull(writer, "writer");
		Path absolute = target.toAbsolutePath();
		Path folder = absolute.getParent();
		if (folder == null || absolute.getFileName() == null) {
			throw new IOException("Cannot write '" + target + "': it is not a file path.");
		}
		if (Files.isDirectory(absolute, LinkOption.NOFOLLOW_LINKS)) {
			throw new IOException("Cannot write '" + target + "': a folder of that name exists.");
		}
		Files.createDirectories(folder);
		Path temp = folder.resolve(tempName(absolute.getFileName().toString()));
		try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
			OutputStream out = new UnclosableStream(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16));
			writer.write(out);
			out.flush();
			channel.force(true);
		} catch (Throwable t) {
			deleteAfterFailure(temp, t);
			throw t;
		}
		return temp;
	}

	/** Publishes the temporary file under the new name: a hard link fails atomically if the name is taken. */
	private static void publishNew(Path temp, Path target) throws IOException {
		try {
			Files.createLink(target, temp);
			return;
		} catch (FileAlreadyExistsException e) {
			throw e;
		} catch (UnsupportedOperationException | FileSystemException e) {
			// this file system has no hard links: check, then rename (only a concurrent writer could slip in between)
		}
		if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
			throw new FileAlreadyExistsException(target.toString());
		}
		Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
	}

	/**
	 * Deletes the temporary files that writes into {@code folder} or its subfolders left behind when their process was
	 * killed between creating and moving them (a crash or {@code kill -9}). Call it only while no other writer works in
	 * the folder, e.g. under the lock of a training run. Symbolic links are not followed.
	 *
	 * @return how many files were deleted
	 */
	public static int deleteLeftovers(Path folder) throws IOException {
		if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
			return 0;
		}
		int deleted = 0;
		try (Stream<Path> all = Files.walk(folder)) {
			for (Path p : all.toList()) {
				if (TEMP_NAME.matcher(p.getFileName().toString()).matches()
						&& Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && Files.deleteIfExists(p)) {
					deleted++;
				}
			}
		}
		return deleted;
	}

	private static String tempName(String fileName) {
		String prefix = fileName.length() > MAX_TEMP_PREFIX ? fileName.substring(0, MAX_TEMP_PREFIX) : fileName;
		return "." + prefix + "." + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()) + ".tmp";
	}

	private static void deleteAfterFailure(Path temp, Throwable failure) {
		try {
			Files.deleteIfExists(temp);
		} catch (IOException e) {
			failure.addSuppressed(e);
		}
	}

	/** Makes the rename durable. Not every system can open a folder for syncing; the data itself is on disk already. */
	private static void syncFolder(Path folder) {
		try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
			channel.force(true);
		} catch (IOException | UnsupportedOperationException e) {
			// best effort only: see above
		}
	}

	/** Lets writers close the stream they were given without closing the channel before it is forced to disk. */
	private static final class UnclosableStream extends FilterOutputStream {
		UnclosableStream(OutputStream out) {
			super(out);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			out.write(b, off, len);
		}

		@Override
		public void close() throws IOException {
			out.flush();
		}
	}
}
