package org.neurograph.poetry.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurograph.poetry.TextCorpus;

/** Reading text corpora: folders, fortune files, and clear messages for bad ones. */
class CorpusTest {

	@Test
	void readsFoldersAndFortuneFiles(@TempDir Path dir) throws IOException {
		Files.writeString(dir.resolve("a.txt"), "First file.\r\nSecond line.\n");
		Files.createDirectories(dir.resolve("sub"));
		Files.writeString(dir.resolve("sub/poems"), "Roses are red.\n%\nViolets are blue.\nSo are you.\n%\n");
		Files.writeString(dir.resolve("sub/poems.dat"), "binary index");
		Files.writeString(dir.resolve("dataset.json"), "{}");
		TextCorpus corpus = TextCorpus.read(dir);
		assertEquals(2, corpus.files());
		assertEquals("First file.\nSecond line.\n\nRoses are red.\n\nViolets are blue.\nSo are you.", corpus.text());
	}

	@Test
	void nonUtf8FilesAreNamedWithTheBadByte(@TempDir Path dir) throws IOException {
		Files.writeString(dir.resolve("good.txt"), "fine");
		Files.write(dir.resolve("latin1.txt"), "caf\u00e9 au lait".getBytes(StandardCharsets.ISO_8859_1));
		IOException e = assertThrows(IOException.class, () -> TextCorpus.read(dir));
		assertTrue(e.getMessage().contains("latin1.txt is not UTF-8 text (byte 0xE9 at offset 3)"), e.getMessage());
		assertTrue(e.getMessage().contains("iconv"), e.getMessage());
	}

	@Test
	void anEmptyCorpusSaysSo(@TempDir Path dir) throws IOException {
		IOException none = assertThrows(IOException.class, () -> TextCorpus.read(dir));
		assertTrue(none.getMessage().contains("holds no text files"), none.getMessage());
		Files.writeString(dir.resolve("blank.txt"), "  \n%\n\n");
		IOException blank = assertThrows(IOException.class, () -> TextCorpus.read(dir));
		assertTrue(blank.getMessage().contains("holds no text (1 empty files)"), blank.getMessage());
	}
}
