package org.neurograph.music.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.neurograph.music.AbcReader;
import org.neurograph.music.Event.Note;
import org.neurograph.music.ui.internal.TuneFile;

/**
 * The tune editor's link from notes to ABC characters on the whole Nottingham Music Database: every tune the reader
 * reads is matched to its own lines, every note to its characters (checked against the note's letter), and every
 * played note (repeats played out) to the written note it repeats.
 */
class NottinghamSourceMapTest {
	private static final int[] NATURAL = { 9, 11, 0, 2, 4, 5, 7 }; // A B C D E F G

	@Test
	void everyNoteOfEveryTuneIsFoundInItsText() throws Exception {
		int tunes = 0;
		int notes = 0;
		for (Path file : abcFiles()) {
			TuneFile read = TuneFile.read(file);
			assertTrue(read.readable(), file + ": " + read.problem());
			assertEquals(AbcReader.readBook(file).tunes().size(), read.tunes().size(), file.toString());
			for (TuneFile.Entry e : read.tunes()) {
				String where = file.getFileName() + ", tune " + e.label();
				tunes++;
				assertTrue(e.abc().matches("(?s)X: *" + e.tune().written().header().number() + "\\b.*"), where + ": its own lines");
				assertNotNull(e.ranges(), where + ": the notes were not all found in the text");
				List<Note> written = e.tune().written().notes();
				for (int i = 0; i < written.size(); i++) {
					int[] r = e.ranges().get(i);
					String text = e.abc().substring(r[0], r[1]);
					Note n = written.get(i);
					if (text.startsWith("[")) {
						continue; // a chord (also [e2e2], a chord of one pitch)
					}
					assertTrue(!n.isChord(), where + ": a chord at '" + text + "'");
					char letter = Character.toUpperCase(text.replaceFirst("^[\\^_=]+", "").charAt(0));
					assertTrue("ABCDEFG".indexOf(letter) >= 0, where + ": '" + text + "' is not a note");
					int fromLetter = Math.floorMod(n.pitch() - NATURAL[letter - 'A'], 12);
					assertTrue(fromLetter <= 2 || fromLetter >= 10, where + ": '" + text + "' is not pitch " + n.pitch());
					notes++;
				}
				for (int i = 0; i < e.tune().notes().size(); i++) {
					int w = e.tune().writtenIndex(i);
					assertTrue(w >= 0, where + ": played note " + i + " has no written note");
					assertEquals(written.get(w).pitches(), e.tune().notes().get(i).pitches(), where + ", played note " + i);
				}
			}
		}
		assertTrue(tunes > 1000, "tunes: " + tunes);
		assertTrue(notes > 100_000, "notes: " + notes);
	}

	private static List<Path> abcFiles() throws Exception {
		String root = System.getProperty("neurograph.shared.data");
		if (root == null) {
			fail("The system property neurograph.shared.data is not set; run the tests through Maven.");
		}
		Path abc = Path.of(root, "abc").normalize();
		if (!Files.isDirectory(abc)) {
			fail("The Nottingham Music Database is missing: expected " + abc + " (the shared data beside the repository).");
		}
		try (Stream<Path> files = Files.list(abc)) {
			List<Path> list = files.filter(f -> f.toString().endsWith(".abc")).sorted().toList();
			assertEquals(14, list.size(), "the 14 files of the Nottingham Music Database in " + abc);
			return list;
		}
	}
}
