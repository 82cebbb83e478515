package org.neurograph.music.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurograph.music.AbcReader;
import org.neurograph.music.AbcSyntaxException;
import org.neurograph.music.AbcWriter;
import org.neurograph.music.Event;
import org.neurograph.music.Fraction;
import org.neurograph.music.Key;
import org.neurograph.music.Meter;
import org.neurograph.music.Tune;
import org.neurograph.music.TuneBuilder;
import org.neurograph.music.TuneHeader;

class AbcWriterTest {

	private static Tune roundTrip(Tune t) throws AbcSyntaxException {
		Tune back = AbcReader.read(AbcWriter.write(t));
		assertEquals(t.events(), back.events(), () -> "events differ after writing:\n" + AbcWriter.write(t));
		assertEquals(t.header(), back.header());
		return back;
	}

	@Test
	void writesAHeaderAndBarsGroupedByBeats() throws AbcSyntaxException {
		Tune t = AbcReader.read("X:3\nT:Jig\nS:Trad\nM:6/8\nL:1/8\nQ:3/8=110\nR:jig\nK:D\n\"D\"dAF DFA|\"G\"B3 B2A|]\n");
		assertEquals("X:3\nT:Jig\nS:Trad\nM:6/8\nL:1/8\nQ:3/8=110\nR:jig\nK:D\n\"D\"dAF DFA| \"G\"B3 B2A|]\n", AbcWriter.write(t));
		roundTrip(t);
	}

	@Test
	void accidentalsOnlyWhereNeeded() throws AbcSyntaxException {
		Tune t = AbcReader.read("X:1\nT:A\nM:4/4\nL:1/8\nK:G\nF=FF^F|f_BB=B|\n");
		assertEquals("F=F F^F| f_B B=B|", AbcWriter.write(t).lines().reduce((a, b) -> b).orElseThrow());
		roundTrip(t);
	}

	@Test
	void notesAcrossBarLinesAreSplitAndTied() throws AbcSyntaxException {
		Tune t = new TuneBuilder().note(73, Fraction.of(1, 2)).bar(Event.BarLine.Kind.SINGLE).chordSymbol("A")
				.note(73, Fraction.of(1, 4)).build(TuneHeader.of(1, "Tie", Meter.of(2, 4), Key.parse("C")));
		// a note built across the bar line: 3/4 long starting at 1/4 with the bar line at 1/2
		Tune across = new Tune(t.header(), List.of(new Event.Note(Fraction.ZERO, Fraction.of(1, 4), 69),
				new Event.Note(Fraction.of(1, 4), Fraction.of(3, 4), 73), new Event.BarLine(Fraction.of(1, 2), Event.BarLine.Kind.SINGLE),
				new Event.ChordSymbol(Fraction.of(1, 2), "D7"), new Event.BarLine(Fraction.ONE, Event.BarLine.Kind.FINAL)));
		String abc = AbcWriter.write(across);
		assertTrue(abc.endsWith("A4 ^c4-| \"D7\"c8|]\n"), abc);
		roundTrip(across);
		roundTrip(t);
	}

	@Test
	void tupletsAndTiesIntoTuplets() throws AbcSyntaxException {
		Tune t = AbcReader.read("X:1\nT:T\nM:2/4\nL:1/8\nK:C\n(3ABc d2|d2- (3dcB|(5ABcde (3:2:2A2B|\n");
		String abc = AbcWriter.write(t);
		assertTrue(abc.contains("(3ABc d2"), abc);
		assertTrue(abc.contains("d2- (3dcB"), abc);
		assertTrue(abc.contains("(5ABcde"), abc);
		roundTrip(t);
	}

	@Test
	void chordsRestsRepeatsAndChanges() throws AbcSyntaxException {
		Tune t = AbcReader.read("X:1\nT:T\nM:4/4\nL:1/8\nK:Bb\n|:\"Bb\"[DFB]2 z2 B2 _e2|[1 d8:|[2 d4 z4||\nK:G\nM:3/4\nP:B\nQ:1/4=80\n"
				+ "G6|[M:4/4] z8|]\n");
		roundTrip(t);
		String abc = AbcWriter.write(t);
		assertTrue(abc.contains("\nK:G\nM:3/4\nP:B\nQ:1/4=80\n"), abc);
	}

	@Test
	void aNoteAloneBeforeARepeatDoesNotBecomeAField() throws AbcSyntaxException {
		Tune t = AbcReader.read("X:1\nT:T\nM:1/4\nL:1/4\nK:C\nC|D|E|F|G:|\n");
		String abc = AbcWriter.write(t);
		assertTrue(abc.contains("\nG :|"), abc);
		roundTrip(t);
	}

	@Test
	void writesCollectionsAtomically(@TempDir Path dir) throws Exception {
		Tune a = AbcReader.read("X:1\nT:A\nK:C\nCDE\n");
		Tune b = AbcReader.read("X:2\nT:B\nK:G\nGAB\n");
		Path file = dir.resolve("tunes.abc");
		Files.writeString(file, "old");
		AbcWriter.write(List.of(a, b), file);
		String text = Files.readString(file, StandardCharsets.UTF_8);
		assertEquals(List.of(a, b), AbcReader.readBook(text).tunes());
		try (var files = Files.list(dir)) {
			assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
		}
	}
}
