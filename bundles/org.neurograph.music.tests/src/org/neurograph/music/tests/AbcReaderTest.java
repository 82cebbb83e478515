package org.neurograph.music.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.neurograph.music.AbcReader;
import org.neurograph.music.AbcSyntaxException;
import org.neurograph.music.Event;
import org.neurograph.music.Event.BarLine.Kind;
import org.neurograph.music.Fraction;
import org.neurograph.music.Key;
import org.neurograph.music.Meter;
import org.neurograph.music.Tune;
import org.neurograph.music.TuneBook;

class AbcReaderTest {

	static Tune tune(String header, String body) throws AbcSyntaxException {
		return AbcReader.read("X:1\nT:Test\n" + header + "\n" + body + "\n");
	}

	static List<Integer> pitches(Tune t) {
		return t.notes().stream().map(Event.Note::pitch).toList();
	}

	static List<Fraction> lengths(Tune t) {
		return t.notes().stream().map(Event.Note::length).toList();
	}

	static Fraction f(long n, long d) {
		return Fraction.of(n, d);
	}

	@Test
	void headerFields() throws AbcSyntaxException {
		Tune t = AbcReader.read("X:7\nT:The Lark\nT:Second title\nS:Trad\nM:6/8\nL:1/8\nQ:3/8=100\nR:jig\nK:Ador\nA\n");
		assertEquals(7, t.header().number());
		assertEquals(List.of("The Lark", "Second title"), t.header().titles());
		assertEquals(Meter.of(6, 8), t.header().meter());
		assertEquals(f(1, 8), t.header().unitLength());
		assertEquals(f(3, 8), t.header().tempo().beat());
		assertEquals(100, t.header().tempo().beatsPerMinute());
		assertEquals("jig", t.header().rhythm());
		assertEquals("Ador", t.header().key().text());
		assertEquals("Trad", t.header().field('S').orElseThrow());
	}

	@Test
	void defaultUnitLengthFollowsTheMeter() throws AbcSyntaxException {
		assertEquals(f(1, 8), tune("M:4/4\nK:C", "C").header().unitLength());
		assertEquals(f(1, 16), tune("M:2/4\nK:C", "C").header().unitLength());
		assertEquals(f(1, 8), tune("K:C", "C").header().unitLength(), "no meter: free meter, 1/8");
	}

	@Test
	void pitchesOctavesAndKeySignature() throws AbcSyntaxException {
		assertEquals(List.of(48, 60, 72, 84, 59, 71), pitches(tune("K:C", "C, C c c' B, B")));
		// G major: F is F#, in every octave
		assertEquals(List.of(66, 78, 54), pitches(tune("K:G", "F f F,")));
		// F major: B is Bb; D minor has the same signature; modes
		assertEquals(List.of(70, 82), pitches(tune("K:F", "B b")));
		assertEquals(List.of(70), pitches(tune("K:Dm", "B")));
		assertEquals(List.of(72), pitches(tune("K:Dmix", "c")), "D mixolydian has C natural");
		assertEquals(List.of(66, 73), pitches(tune("K:Edor", "F c")), "E dorian: F# and C#");
		assertEquals(List.of(65), pitches(tune("K:D =f", "F")), "explicit accidental in the key");
	}

	@Test
	void accidentalsLastToTheBarLineInEveryOctave() throws AbcSyntaxException {
		// ^c sharpens the following C and c in the bar (as abc2midi does), the bar line ends it
		assertEquals(List.of(73, 61, 73, 72), pitches(tune("L:1/8\nK:C", "^c C c | c")));
		// a natural in G major, then the bar line restores F#
		assertEquals(List.of(65, 65, 77, 66), pitches(tune("L:1/8\nK:G", "=F F f | F")));
		assertEquals(List.of(62, 69, 71, 61, 60), pitches(tune("L:1/8\nK:C", "^^C __B | =B ^C =C")));
	}

	@Test
	void lengths() throws AbcSyntaxException {
		Tune t = tune("M:4/4\nL:1/8\nK:C", "C C2 C/2 C/ C// C3/2 C3/ C/4");
		assertEquals(List.of(f(1, 8), f(1, 4), f(1, 16), f(1, 16), f(1, 32), f(3, 16), f(3, 16), f(1, 32)), lengths(t));
		assertEquals(f(1, 8), t.notes().get(1).time(), "times add up");
	}

	@Test
	void brokenRhythm() throws AbcSyntaxException {
		Tune t = tune("L:1/8\nK:C", "A>B A<B A>>B");
		assertEquals(List.of(f(3, 16), f(1, 16), f(1, 16), f(3, 16), f(7, 32), f(1, 32)), lengths(t));
	}

	@Test
	void tupletsApplyTheirFactorAndAreKept() throws AbcSyntaxException {
		Tune t = tune("M:2/4\nL:1/8\nK:C", "(3ABc d | (3:2:4A/B/c/d/ e");
		assertEquals(List.of(f(1, 12), f(1, 12), f(1, 12), f(1, 8), f(1, 24), f(1, 24), f(1, 24), f(1, 24), f(1, 8)),
				lengths(t));
		Event.Tuplet first = (Event.Tuplet) t.events().stream().filter(Event.Tuplet.class::isInstance).findFirst().orElseThrow();
		assertEquals(3, first.p());
		assertEquals(2, first.q());
		assertEquals(f(1, 4), first.span());
		// compound meter: (2 is two in the time of three
		assertEquals(List.of(f(3, 16), f(3, 16), f(1, 8)), lengths(tune("M:6/8\nL:1/8\nK:C", "(2AB c")));
	}

	@Test
	void tiesAreMergedAcrossBarLinesAndChordSymbols() throws AbcSyntaxException {
		Tune t = tune("M:4/4\nL:1/8\nK:C", "A4 ^c4- | \"D7\"c2 A2 c4 |]");
		assertEquals(List.of(69, 73, 69, 72), pitches(t), "the tied c keeps its sharp; the next c is natural");
		assertEquals(List.of(f(1, 2), f(3, 4), f(1, 4), f(1, 2)), lengths(t));
		Event.Note tied = t.notes().get(1);
		Event bar = t.events().get(t.events().indexOf(tied) + 1);
		assertInstanceOf(Event.BarLine.class, bar);
		assertEquals(f(1, 1), bar.time(), "the bar line lies inside the tied note");
		// a tie between different pitches is not merged
		assertEquals(2, tune("L:1/4\nK:C", "A-B").notes().size());
	}

	@Test
	void chordsAndChordSymbols() throws AbcSyntaxException {
		Tune t = tune("L:1/8\nK:D", "\"D\"[DFA]2 [d2f2] \"A7\"A");
		Event.Note chord = t.notes().get(0);
		assertEquals(List.of(62, 66, 69), chord.pitches());
		assertEquals(69, chord.pitch(), "the melody note of a chord is its highest");
		assertEquals(f(1, 4), chord.length());
		assertEquals(f(1, 4), t.notes().get(1).length());
		List<String> symbols = t.events().stream().filter(Event.ChordSymbol.class::isInstance)
				.map(e -> ((Event.ChordSymbol) e).text()).toList();
		assertEquals(List.of("D", "A7"), symbols);
	}

	@Test
	void graceNotesDecorationsSlursAndAnnotationsTakeNoTime() throws AbcSyntaxException {
		Tune t = tune("L:1/8\nK:C", "{/g}A {^fg}B !trill!c ~d .e (fg) \"^text\"a Tb");
		assertEquals(List.of(69, 71, 72, 74, 76, 77, 79, 81, 83), pitches(t));
		assertTrue(lengths(t).stream().allMatch(f(1, 8)::equals), "grace notes steal no time: " + lengths(t));
		assertTrue(t.events().stream().noneMatch(Event.ChordSymbol.class::isInstance), "annotations are not chord symbols");
		// the grace note's accidental does not carry to the bar's notes
		assertEquals(List.of(77), pitches(tune("L:1/8\nK:C", "{^f}f")));
	}

	@Test
	void restsAndMultiBarRests() throws AbcSyntaxException {
		Tune t = tune("M:3/4\nL:1/8\nK:C", "z2 x A2 Z2 | B");
		List<Fraction> rests = t.events().stream().filter(Event.Rest.class::isInstance).map(Event::length).toList();
		assertEquals(List.of(f(1, 4), f(1, 8), f(3, 4), f(3, 4)), rests);
		assertEquals(f(2, 1).plus(f(1, 8)), t.notes().get(1).time());
	}

	@Test
	void barLinesRepeatsAndEndings() throws AbcSyntaxException {
		Tune t = tune("L:1/4\nK:C", "|: A | B :: c |1 d :|2 e || f |] [| g [1,3 a");
		List<Kind> bars = t.events().stream().filter(Event.BarLine.class::isInstance).map(e -> ((Event.BarLine) e).kind()).toList();
		assertEquals(List.of(Kind.REPEAT_START, Kind.SINGLE, Kind.REPEAT_END_START, Kind.SINGLE, Kind.REPEAT_END, Kind.DOUBLE,
				Kind.FINAL, Kind.START), bars);
		List<List<Integer>> endings = t.events().stream().filter(Event.Ending.class::isInstance)
				.map(e -> ((Event.Ending) e).passes()).toList();
		assertEquals(List.of(List.of(1), List.of(2), List.of(1, 3)), endings);
	}

	@Test
	void fieldsInTheBody() throws AbcSyntaxException {
		Tune t = tune("M:4/4\nL:1/8\nK:G", "F2 |\nK:F\nB2 [K:C] B [L:1/4] B [M:3/4] B\nP:B\nQ:1/4=90\nB");
		assertEquals(List.of(66, 70, 71, 71, 71, 71), pitches(t));
		assertEquals(f(1, 4), t.notes().get(3).length(), "L: changes the unit length from there on");
		assertTrue(t.events().contains(new Event.KeyChange(f(1, 4), Key.parse("F"))));
		assertTrue(t.events().stream().anyMatch(e -> e instanceof Event.MeterChange m && m.meter().equals(Meter.of(3, 4))));
		assertTrue(t.events().stream().anyMatch(e -> e instanceof Event.PartLabel p && p.label().equals("B")));
		assertTrue(t.events().stream().anyMatch(e -> e instanceof Event.TempoChange q && q.tempo().beatsPerMinute() == 90));
	}

	@Test
	void commentsContinuationsAndFirstVoiceOnly() throws AbcSyntaxException {
		Tune t = AbcReader.read("X:1\nT:T\nL:1/4\nV:1\nK:C\n% a comment\nV:1\nA B % trailing\\\nc\nV:2\nC, D,\nV:1\nd\n");
		assertEquals(List.of(69, 71, 72, 74), pitches(t));
		t = AbcReader.read("X:1\nT:T\nL:1/4\nK:C\nV:1\nA B\nV:2\nC, D,\nV:1\nc [V:2] E, F, [V:1] d\n");
		assertEquals(List.of(69, 71, 72, 74), pitches(t), "voices named in the body only");
	}

	@Test
	void aTextWithoutReferenceNumberIsOneTune() throws AbcSyntaxException {
		Tune t = AbcReader.read("T:Fragment\nK:D\nDFA\n");
		assertEquals(1, t.header().number());
		assertEquals(List.of(62, 66, 69), pitches(t));
	}

	@Test
	void errorsNameLineColumnAndWhatWasExpected() {
		AbcSyntaxException e = assertThrows(AbcSyntaxException.class,
				() -> AbcReader.read("X:1\nT:Bad\nK:C\nABc|de#f|\n"));
		assertEquals(4, e.line());
		assertEquals(7, e.column());
		assertTrue(e.getMessage().startsWith("Line 4, column 7: unexpected '#'; expected a note"), e.getMessage());

		e = assertThrows(AbcSyntaxException.class, () -> AbcReader.read("X:1\nT:Bad\nK:C\nA [ce B |\n"));
		assertEquals("Line 4, column 9: unexpected '|' in the chord that starts at column 3; expected a note or ']' to"
				+ " close the chord.", e.getMessage());

		e = assertThrows(AbcSyntaxException.class, () -> AbcReader.read("X:1\nT:Bad\nM:7/x\nK:C\nA\n"));
		assertEquals(3, e.line());
		assertEquals(3, e.column());
		assertTrue(e.getMessage().contains("'7/x' is not a meter"), e.getMessage());

		e = assertThrows(AbcSyntaxException.class, () -> AbcReader.read("X:1\nT:No key\nM:4/4\n"));
		assertTrue(e.getMessage().contains("the tune has no K: field"), e.getMessage());

		e = assertThrows(AbcSyntaxException.class, () -> AbcReader.read("X:1\nT:Bad\nK:Q\nA\n"));
		assertEquals(3, e.line());
		assertTrue(e.getMessage().contains("'Q' is not a key"), e.getMessage());

		e = assertThrows(AbcSyntaxException.class, () -> AbcReader.read("X:1\nK:C\nA>\n"));
		assertEquals(3, e.line());
		assertEquals(2, e.column());
		assertTrue(e.getMessage().contains("must be followed by a note"), e.getMessage());
	}

	@Test
	void aBookKeepsGoingAfterABadTune() {
		TuneBook book = AbcReader.readBook("X:1\nT:One\nK:C\nABc\n\nX:2\nT:Two\nK:C\nA ]B\n\nX:3\nT:Three\nK:C\ncde\n");
		assertEquals(List.of(1, 3), book.tunes().stream().map(t -> t.header().number()).toList());
		assertEquals(1, book.errors().size());
		AbcSyntaxException e = book.errors().get(0);
		assertEquals(9, e.line());
		assertEquals(3, e.column());
		assertTrue(e.getMessage().startsWith("Tune 2 (Two), line 9, column 3: "), e.getMessage());
	}
}
