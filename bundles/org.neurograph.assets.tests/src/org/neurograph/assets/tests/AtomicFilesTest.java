package org.neurograph.assets.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurograph.assets.AtomicFiles;

class AtomicFilesTest {
	@TempDir
	Path dir;

	private List<String> names() throws IOException {
		try (Stream<Path> files = Files.list(dir)) {
			return files.map(p -> p.getFileName().toString()).sorted().toList();
		}
	}

	@Test
	void leftoversOfAKilledWriterAreDeletedAndNothingElse() throws Exception {
		AtomicFiles.writeString(dir.resolve("run.json"), "{}");
		Path sub = Files.createDirectories(dir.resolve("checkpoints"));
		Files.writeString(dir.resolve(".run.json.5924511278e6bb2f.tmp"), "{\"half");
		Files.writeString(sub.resolve(".step-10.ckpt.00000000000000ff.tmp"), "half");
		Files.writeString(dir.resolve(".lock"), "");
		Files.writeString(dir.resolve("notes.tmp"), "mine");

		assertEquals(2, AtomicFiles.deleteLeftovers(dir));
		assertEquals(List.of(".lock", "checkpoints", "notes.tmp", "run.json"), names());
		try (Stream<Path> files = Files.list(sub)) {
			assertEquals(0, files.count());
		}
		assertEquals(0, AtomicFiles.deleteLeftovers(dir.resolve("missing")));
	}

	@Test
	void aWriterThatFailsHalfWayLeavesTheOldFileIntactAndNoTemporaryFile() throws Exception {
		Path target = dir.resolve("model.json");
		AtomicFiles.writeString(target, "old content");
		IOException failure = new IOException("disk on fire");
		IOException thrown = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
			out.write("new content, half of it".getBytes(StandardCharsets.UTF_8));
			out.flush();
			throw failure;
		}));
		assertSame(failure, thrown);
		assertEquals("old content", Files.readString(target));
		assertEquals(List.of("model.json"), names());
	}

	@Test
	void aNewFileThatFailsLeavesNothing() throws Exception {
		Path target = dir.resolve("sub").resolve("new.bin");
		assertThrows(IllegalStateException.class, () -> AtomicFiles.write(target, out -> {
			out.write(new byte[100_000]);
			throw new IllegalStateException("generator bug");
		}));
		assertFalse(Files.exists(target));
		try (Stream<Path> files = Files.list(dir.resolve("sub"))) {
			assertEquals(0, files.count());
		}
	}

	@Test
	void writesReplaceCopyAndMakeMissingFolders() throws Exception {
		Path target = dir.resolve("a").resolve("b").resolve("data.bin");
		byte[] first = { 1, 2, 3 };
		AtomicFiles.write(target, first);
		assertArrayEquals(first, Files.readAllBytes(target));
		AtomicFiles.write(target, out -> {
			out.write(new byte[] { 9, 8 });
			out.close(); // a writer may close the stream it was given
		});
		assertArrayEquals(new byte[] { 9, 8 }, Files.readAllBytes(target));
		AtomicFiles.writeString(target, "grüße ✓");
		assertEquals("grüße ✓", Files.readString(target, StandardCharsets.UTF_8));
		Path copy = dir.resolve("copy.txt");
		AtomicFiles.copy(target, copy);
		assertArrayEquals(Files.readAllBytes(target), Files.readAllBytes(copy));
		assertEquals(List.of("a", "copy.txt"), names());
	}

	@Test
	void writeNewNeverReplacesAFile() throws Exception {
		Path target = dir.resolve("work.png");
		AtomicFiles.writeNew(target, new byte[] { 1 });
		assertThrows(FileAlreadyExistsException.class, () -> AtomicFiles.writeNew(target, new byte[] { 2 }));
		assertArrayEquals(new byte[] { 1 }, Files.readAllBytes(target));
		assertEquals(List.of("work.png"), names());
	}

	@Test
	void aFolderIsNeverReplaced() throws Exception {
		Path folder = Files.createDirectory(dir.resolve("datasets"));
		IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeString(folder, "x"));
		assertTrue(e.getMessage().contains("a folder of that name exists"), e.getMessage());
		assertTrue(Files.isDirectory(folder));
	}
}
