package org.neurograph.music.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.neurograph.music.AbcReader;
import org.neurograph.music.Event;
import org.neurograph.music.Fraction;
import org.neurograph.music.KeyNames;
import org.neurograph.music.MusicException;
import org.neurograph.music.Tune;
import org.neurograph.music.TuneTokens;

/** Tunes become tokens and the tokens become ABC that reads back to the same tune. */
class TuneTokensTest {

	private static final String TUNE = """
			X:7
			T:Test jig
			C:someone
			M:6/8
			L:1/8
			Q:3/8=100
			K:Gmaj
			"G"|:D|[G,DG]2B "D7"A>Bc|(3dcB A d3-|d ^c=cB|[1 G3 G2:|[2 G3 G2|]
			""";

	@Test
	void aTuneBecomesMeterKeyAndNoteTokens() throws Exception {
		List<String> tokens = TuneTokens.encode(AbcReader.read(TUNE), 0);
		assertEquals(List.of("M:6/8", "K:G", "|:", "D", "|", "G2", "B", "A3/2", "B/2", "c", "|", "(3", "d", "c", "B",
				"A", "d3", "-", "|", "d", "^c", "=c", "B", "|", "[1", "G3", "G2", ":|", "[2", "G3", "G2", "|]",
				TuneTokens.END), tokens);
		TuneTokens.Token dotted = TuneTokens.Token.of("A3/2");
		assertEquals(TuneTokens.Kind.NOTE, dotted.kind());
		assertEquals(Fraction.of(3, 16), dotted.length());
		assertEquals(Fraction.of(1, 4), TuneTokens.Token.of("z2").length());
		assertEquals(TuneTokens.Kind.BAR, TuneTokens.Token.of("::").kind());
		assertEquals(Event.BarLine.Kind.REPEAT_END_START, TuneTokens.Token.of("::").bar());
		assertEquals(TuneTokens.Kind.ENDING, TuneTokens.Token.of("[2").kind());
		assertEquals(3, TuneTokens.Token.of("(3").p());
		assertThrows(IllegalArgumentException.class, () -> TuneTokens.Token.of("H"));
	}

	@Test
	void tokensReadBackAsTheNormalisedTune() throws Exception {
		Tune tune = AbcReader.read(TUNE);
		List<String> tokens = TuneTokens.encode(tune, 0);
		Tune back = AbcReader.read(TuneTokens.toAbc(tokens, "", List.of()));
		Tune normal = TuneTokens.normalize(tune);
		assertEquals(normal, back);
		assertTrue(normal.events().stream().noneMatch(e -> e instanceof Event.ChordSymbol), "chord symbols are dropped");
		assertEquals(tune.notes().size(), normal.notes().size());
		assertTrue(normal.notes().stream().noneMatch(Event.Note::isChord), "chords become their top note");
	}

	@Test
	void everyNottinghamTuneThatCanBeTokenisedRoundTrips() throws Exception {
		int tokenised = 0;
		List<String> leftOut = new ArrayList<>();
		for (Path file : SharedData.abcFiles()) {
			for (Tune t : AbcReader.readBook(file).tunes()) {
				List<String> tokens;
				try {
					tokens = TuneTokens.encode(t, 0);
				} catch (MusicException e) {
					leftOut.add(file.getFileName() + ": " + e.getMessage());
					continue;
				}
				String abc = TuneTokens.toAbc(tokens, "", List.of());
				Tune back = AbcReader.read(abc);
				assertEquals(TuneTokens.normalize(t).events(), back.events(), () -> file.getFileName() + " tune "
						+ t.header().number() + ":\n" + abc);
				assertEquals(tokens, TuneTokens.encode(back, 0), "the tokens of the ABC are the same tokens");
				tokens.forEach(TuneTokens.Token::of);
				tokenised++;
			}
		}
		System.out.println("[music] tokenised " + tokenised + " Nottingham tunes; left out " + leftOut.size() + ": "
				+ leftOut);
		assertTrue(tokenised >= 1000, "tokenised " + tokenised + "; left out: " + leftOut);
	}

	@Test
	void transposedTokensMoveEveryNoteAndRenameTheKey() throws Exception {
		Tune tune = AbcReader.read(TUNE);
		List<String> up = TuneTokens.encode(tune, 2);
		assertEquals("K:A", up.get(1));
		Tune back = AbcReader.read(TuneTokens.toAbc(up, "", List.of()));
		List<Event.Note> original = TuneTokens.normalize(tune).notes();
		List<Event.Note> moved = back.notes();
		assertEquals(original.size(), moved.size());
		for (int i = 0; i < original.size(); i++) {
			assertEquals(original.get(i).pitch() + 2, moved.get(i).pitch());
			assertEquals(original.get(i).time(), moved.get(i).time());
			assertEquals(original.get(i).length(), moved.get(i).length());
		}
		MusicException tooLow = assertThrows(MusicException.class, () -> TuneTokens.encode(tune, -40));
		assertTrue(tooLow.getMessage().contains("outside MIDI"), tooLow.getMessage());
	}

	@Test
	void keysAreNamedAndTransposedWithTheFewestAccidentals() {
		assertEquals(Optional.of("G"), KeyNames.canonical("Gmaj"));
		assertEquals(Optional.of("Am"), KeyNames.canonical("A minor"));
		assertEquals(Optional.of("Edor"), KeyNames.canonical("E dorian"));
		assertEquals(Optional.empty(), KeyNames.canonical("D =c"));
		assertEquals(Optional.empty(), KeyNames.canonical("HP"));
		assertEquals(Optional.of("A"), KeyNames.transpose("G", 2));
		assertEquals(Optional.of("Gdor"), KeyNames.transpose("Ador", -2));
		assertEquals(Optional.of("Gm"), KeyNames.transpose("Em", 3));
		assertEquals(Optional.of("C"), KeyNames.transpose("Bb", 2));
		assertEquals(Optional.of("Db"), KeyNames.transpose("D", -1), "5 flats rather than 7 sharps");
		assertEquals(Optional.of("Bb"), KeyNames.transpose("C", -2));
		assertEquals(Optional.of("F#m"), KeyNames.transpose("Em", 2));
		assertEquals(Optional.of("Emix"), KeyNames.transpose("Dmix", 2));
	}

	@Test
	void freeMeterAndKeyChangesAreExplained() throws Exception {
		MusicException free = assertThrows(MusicException.class,
				() -> TuneTokens.encode(AbcReader.read("X:1\nT:Free\nM:none\nK:D\nABc|\n"), 0));
		assertTrue(free.getMessage().contains("no meter"), free.getMessage());
		MusicException change = assertThrows(MusicException.class,
				() -> TuneTokens.encode(AbcReader.read("X:1\nM:4/4\nL:1/8\nK:D\nABcd efga|[K:G =f]g8|]\n"), 0));
		assertTrue(change.getMessage().contains("changes to the key 'G =f'"), change.getMessage());
	}

	@Test
	void keyAndMeterChangesAreTokensOnLinesOfTheirOwn() throws Exception {
		Tune tune = AbcReader.read("X:1\nM:4/4\nL:1/8\nK:D\nABcd efga|\nK:Gmaj\ng8|[M:3/4]f2 =f2 g2|]\n");
		List<String> tokens = TuneTokens.encode(tune, 0);
		assertEquals(List.of("M:4/4", "K:D", "A", "B", "c", "d", "e", "f", "g", "a", "|", "K:G", "g8", "|", "M:3/4",
				"f2", "=f2", "g2", "|]", TuneTokens.END), tokens);
		String abc = TuneTokens.toAbc(tokens, "", List.of());
		assertTrue(abc.contains("\nK:G\n") && abc.contains("\nM:3/4\n"), abc);
		assertEquals(TuneTokens.normalize(tune), AbcReader.read(abc));
		List<String> down = TuneTokens.encode(tune, -5);
		assertEquals("K:A", down.get(1));
		assertEquals("K:D", down.get(11), "key changes are transposed too");
	}
}
