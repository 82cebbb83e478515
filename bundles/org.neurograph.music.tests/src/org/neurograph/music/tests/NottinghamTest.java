package org.neurograph.music.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.neurograph.music.AbcReader;
import org.neurograph.music.AbcSyntaxException;
import org.neurograph.music.AbcWriter;
import org.neurograph.music.Tune;
import org.neurograph.music.TuneBook;

/** Every tune of the Nottingham Music Database (../shared/data/abc) is read, written and read back unchanged. */
class NottinghamTest {

	@Test
	void everyTuneIsReadExceptTheOneWithAnUnclosedChord() throws IOException {
		int tunes = 0;
		List<String> errors = new ArrayList<>();
		for (Path file : SharedData.abcFiles()) {
			TuneBook book = AbcReader.readBook(file);
			tunes += book.tunes().size();
			book.errors().forEach(e -> errors.add(file.getFileName() + ": " + e.getMessage()));
		}
		// jigs.abc line 2236 has "[e2c2(3A/2B/2c/2|": the chord is never closed (abc2midi reads on into the next line)
		assertEquals(List.of("jigs.abc: Tune 153 (Joy of the Dance), line 2236, column 51: unexpected '(' in the chord"
				+ " that starts at column 46; expected a note or ']' to close the chord."), errors);
		assertEquals(1033, tunes);
	}

	@Test
	void writingAndReadingBackGivesTheSameTunes() throws IOException, AbcSyntaxException {
		int checked = 0;
		for (Path file : SharedData.abcFiles()) {
			for (Tune t : AbcReader.readBook(file).tunes()) {
				String abc = AbcWriter.write(t);
				Tune back = AbcReader.read(abc);
				assertEquals(t.header(), back.header(), () -> file.getFileName() + " tune " + t.header().number() + ":\n" + abc);
				assertEquals(t.events(), back.events(), () -> file.getFileName() + " tune " + t.header().number() + ":\n" + abc);
				checked++;
			}
		}
		assertEquals(1033, checked);
	}

	@Test
	void aCollectionWrittenAsOneTextReadsBackWhole() throws IOException {
		List<Tune> all = new ArrayList<>();
		for (Path file : SharedData.abcFiles()) {
			all.addAll(AbcReader.readBook(file).tunes());
		}
		TuneBook back = AbcReader.readBook(AbcWriter.write(all));
		assertTrue(back.errors().isEmpty(), () -> back.errors().toString());
		assertEquals(all, back.tunes());
	}
}
