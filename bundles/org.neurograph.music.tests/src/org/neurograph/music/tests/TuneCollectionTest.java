package org.neurograph.music.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurograph.music.AbcReader;
import org.neurograph.music.Event;
import org.neurograph.music.MidiExport;
import org.neurograph.music.MidiOptions;
import org.neurograph.music.Tune;
import org.neurograph.music.TuneCollection;
import org.neurograph.music.TuneTokens;

/** A tune collection's ABC and MIDI files are read; MIDI files are converted to tunes that tokenise like ABC ones. */
class TuneCollectionTest {

	private static final String JIG = "X:1\nT:Jig\nM:6/8\nL:1/8\nK:D\nA|d2f a2f|g2e c2A|d2f a2f|e3 d2|]\n";

	@Test
	void abcAndMidiFilesAreReadAndTheMidiTuneTokenisesLikeItsAbc(@TempDir Path dir) throws Exception {
		Path folder = Files.createDirectories(dir.resolve("tunes"));
		Tune jig = AbcReader.read(JIG);
		Files.writeString(folder.resolve("a.abc"), JIG + "\nX:2\nT:Broken\nM:4/4\nK:G\n[GB|\n");
		MidiExport.write(jig, folder.resolve("b.mid"), MidiOptions.DEFAULT);
		Files.writeString(folder.resolve("notes.txt"), "not a tune");
		TuneCollection c = TuneCollection.read(folder);
		assertEquals(2, c.files());
		assertEquals(2, c.tunes().size());
		assertEquals(1, c.skipped().size());
		assertTrue(c.skipped().get(0).startsWith("a.abc: "), c.skipped().toString());
		Tune fromMidi = c.tunes().get(1);
		List<String> abcTokens = TuneTokens.encode(jig, 0);
		List<String> midiTokens = TuneTokens.encode(fromMidi, 0);
		assertEquals(abcTokens.subList(0, 2), midiTokens.subList(0, 2), "meter and key come from the MIDI file");
		assertEquals(jig.notes().stream().map(Event.Note::pitch).toList(),
				fromMidi.notes().stream().map(Event.Note::pitch).toList());
		assertTrue(midiTokens.contains("d2") && midiTokens.contains("e3"), midiTokens.toString());
	}

	@Test
	void aCollectionWithoutTunesIsExplained(@TempDir Path dir) throws Exception {
		Path folder = Files.createDirectories(dir.resolve("empty"));
		Files.writeString(folder.resolve("readme.txt"), "nothing");
		IOException e = assertThrows(IOException.class, () -> TuneCollection.read(folder));
		assertEquals("The tune collection empty holds no tunes that can be read: it has no .abc, .mid or .midi files.",
				e.getMessage());
		IOException missing = assertThrows(IOException.class, () -> TuneCollection.read(dir.resolve("nowhere")));
		assertTrue(missing.getMessage().startsWith("There is no tune collection at "), missing.getMessage());
	}
}
