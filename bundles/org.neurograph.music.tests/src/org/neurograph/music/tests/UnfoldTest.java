package org.neurograph.music.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.neurograph.music.AbcReader;
import org.neurograph.music.AbcSyntaxException;
import org.neurograph.music.Event;
import org.neurograph.music.Fraction;
import org.neurograph.music.Tune;

/** Repeats, endings and parts played out: the note letters in playing order. */
class UnfoldTest {

	private static String played(String body) throws AbcSyntaxException {
		return played("", body);
	}

	private static String played(String header, String body) throws AbcSyntaxException {
		Tune t = AbcReader.read("X:1\nT:T\nM:4/4\nL:1/4\n" + header + "K:C\n" + body + "\n").unfold();
		Fraction end = Fraction.ZERO;
		for (Event e : t.events()) {
			assertTrue(e.time().compareTo(end) >= 0 || !e.length().isPositive(), "no overlap");
			end = e.length().isPositive() ? e.end() : end;
		}
		return t.notes().stream().map(n -> name(n.pitch())).collect(Collectors.joining(" "));
	}

	private static String name(int pitch) {
		char c = "C?D?EF?G?A?B".charAt(pitch % 12);
		return String.valueOf(pitch >= 72 ? Character.toLowerCase(c) : c);
	}

	@Test
	void simpleRepeats() throws AbcSyntaxException {
		assertEquals("C D C D E F E F", played("|: C D :| E F :|"));
		assertEquals("C D C D E F E F", played("C D :| E F :|"), "a second :| repeats from the first");
		assertEquals("G C D C D E F E F", played("G |: C D :| E F :|"));
		assertEquals("C D C D E F E F", played("|: C D :: E F :|"));
		assertEquals("C D E F C D E F", played("C D || E F :|"), "without a repeat before, from the start");
		assertEquals("C D C D G A E F E F", played("C D :| G A || E F :|"), "a double bar after a repeat starts a section");
	}

	@Test
	void endings() throws AbcSyntaxException {
		assertEquals("C D E F C D G A", played("|: C D |1 E F :|2 G A |]"));
		assertEquals("C D E F C D G A", played("|: C D [1 E F :| [2 G A |]"));
		assertEquals("C D E F C D G A C D B c", played("|: C D [1 E F :| [2 G A :| [3 B c |]"));
		assertEquals("C D E F C D G A C D E F", played("|: C D [1,3 E F :| [2 G A :|"));
		assertEquals("C D C D E F", played("C D :| [2 E F |]"));
		assertEquals("C D E F G A E F B c", played("C D |: E F [1 G A :|] B c"));
	}

	@Test
	void aSectionAfterEndingsRepeatsOnItsOwn() throws AbcSyntaxException {
		// AABB: the second part has no |: and its own endings (abc2midi plays it only once, with the second ending)
		assertEquals("C D E C D F G A B G A c", played("|: C D [1 E :| [2 F || G A [1 B :| [2 c ||"));
	}

	@Test
	void tiesIntoEndings() throws AbcSyntaxException {
		Tune t = AbcReader.read("X:1\nT:T\nM:4/4\nL:1/4\nK:C\n|: C4- |[1 C2 D2 :|[2 C2 E2 |]\n").unfold();
		assertEquals(
				"0:C:3/2 3/2:D:1/2 2:C:3/2 7/2:E:1/2",
				t.notes().stream().map(n -> n.time() + ":" + name(n.pitch()) + ":" + n.length()).collect(Collectors.joining(" ")),
				"the tie goes into the ending taken on each pass");
	}

	@Test
	void partsInTheHeaderOrder() throws AbcSyntaxException {
		assertEquals("C D C D E F", played("P:AAB\n", "P:A\nC D|\nP:B\nE F|]"));
		assertEquals("E F C D E F", played("P:B(AB)\n", "P:A\nC D|\nP:B\nE F|]"));
		assertEquals("C D E F", played("P:A\nC D|\nP:B\nE F|]"), "labels alone: as written");
	}

	@Test
	void theUnfoldedTuneHasNoRepeatMarks() throws AbcSyntaxException {
		Tune t = AbcReader.read("X:1\nT:T\nP:AB\nL:1/4\nK:C\nP:A\n|: C [1 D :| [2 E |]\nP:B\nF\n").unfold();
		assertTrue(t.events().stream().noneMatch(e -> e instanceof Event.Ending || e instanceof Event.PartLabel));
		assertTrue(t.events().stream().filter(Event.BarLine.class::isInstance).map(e -> ((Event.BarLine) e).kind())
				.noneMatch(k -> k.name().startsWith("REPEAT")));
		assertTrue(t.header().field('P').isEmpty());
		assertEquals(Fraction.of(5, 4), t.duration());
	}
}
