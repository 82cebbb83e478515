package org.neurograph.music.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neurograph.music.AbcReader;
import org.neurograph.music.MusicException;
import org.neurograph.music.Tune;
import org.neurograph.music.TuneModel;
import org.neurograph.music.TuneTokens;
import org.neurograph.music.TuneWriter;

/**
 * The constrained sampler, on an untrained network (random weights) over the tokens of real tunes: even a network
 * that knows nothing writes tunes that read as ABC and whose bars fill the meter, because of the constraints.
 */
class TuneWriterTest {

	private static List<String> vocabulary;
	private static List<List<String>> tunes;

	@BeforeAll
	static void tokensOfTwoCollections() throws Exception {
		TreeSet<String> tokens = new TreeSet<>();
		tunes = new ArrayList<>();
		for (Path file : SharedData.abcFiles()) {
			String name = file.getFileName().toString();
			if (!name.equals("jigs.abc") && !name.equals("waltzes.abc") && !name.equals("hpps.abc")) {
				continue;
			}
			for (Tune t : AbcReader.readBook(file).tunes()) {
				try {
					List<String> encoded = TuneTokens.encode(t, 0);
					tokens.addAll(encoded);
					tunes.add(encoded);
				} catch (MusicException e) {
					// not tokenisable; the tokens test counts those
				}
			}
		}
		vocabulary = List.copyOf(tokens);
	}

	@Test
	void everyTuneOfAnUntrainedNetworkReadsAndFillsItsBars() throws Exception {
		TuneModel model = Bars.randomModel(vocabulary, 24, 11);
		Set<String> meters = new HashSet<>();
		for (int seed = 0; seed < 60; seed++) {
			TuneWriter.Settings settings = new TuneWriter.Settings("", "", List.of(), 8, 1.0);
			List<String> tokens = TuneWriter.write(model, settings, seed);
			String abc = TuneTokens.toAbc(tokens, "t", List.of());
			Tune tune = AbcReader.read(abc);
			assertEquals(List.of(), Bars.misfits(tune), abc);
			assertEquals(8, Bars.fullBars(tune), abc);
			assertEquals(TuneTokens.END, tokens.get(tokens.size() - 1));
			assertTrue(TuneWriter.meters(model).contains(tokens.get(0).substring(2)));
			meters.add(tokens.get(0));
		}
		assertTrue(meters.size() >= 2, "the model's choice of meter varies with the seed: " + meters);
	}

	@Test
	void theAskedMeterAndKeyAreUsedAndTheSameSeedGivesTheSameTune() throws Exception {
		TuneModel model = Bars.randomModel(vocabulary, 24, 12);
		TuneWriter.Settings settings = new TuneWriter.Settings("3/4", "Gmaj", List.of(), 12, 0.8);
		List<String> a = TuneWriter.write(model, settings, 5);
		assertEquals(List.of("M:3/4", "K:G"), a.subList(0, 2));
		assertEquals(a, TuneWriter.write(model, settings, 5));
		assertNotEquals(a, TuneWriter.write(model, settings, 6));
		Tune tune = AbcReader.read(TuneTokens.toAbc(a, "", List.of()));
		assertEquals(List.of(), Bars.misfits(tune));
		assertEquals(12, Bars.fullBars(tune));
		List<String> greedy = TuneWriter.write(model, new TuneWriter.Settings("3/4", "G", List.of(), 12, 0), 1);
		assertEquals(greedy, TuneWriter.write(model, new TuneWriter.Settings("3/4", "G", List.of(), 12, 0), 2),
				"temperature 0 does not depend on the seed");
	}

	@Test
	void aPrimerIsKeptAndContinued() throws Exception {
		TuneModel model = Bars.randomModel(vocabulary, 24, 13);
		List<String> primer = new ArrayList<>(tunes.get(0));
		primer.remove(primer.size() - 1);
		List<String> out = TuneWriter.write(model, new TuneWriter.Settings("4/4", "C", primer, 4, 1.0), 3);
		List<String> expectedStart = new ArrayList<>(primer);
		if (expectedStart.get(expectedStart.size() - 1).equals("|]")) {
			expectedStart.set(expectedStart.size() - 1, "|");
		}
		assertEquals(expectedStart, out.subList(0, expectedStart.size()), "the primer's meter and key win");
		Tune whole = AbcReader.read(TuneTokens.toAbc(out, "", List.of()));
		Tune primed = AbcReader.read(TuneTokens.toAbc(primer, "", List.of()));
		assertEquals(Bars.misfits(primed), Bars.misfits(whole), "no bar but the primer's own pickups is short");
		assertEquals(Bars.fullBars(primed) + 4, Bars.fullBars(whole));
	}

	@Test
	void whatTheModelDoesNotKnowIsExplained() {
		TuneModel model = Bars.randomModel(vocabulary, 8, 14);
		MusicException meter = assertThrows(MusicException.class,
				() -> TuneWriter.write(model, new TuneWriter.Settings("7/8", "", List.of(), 4, 1), 1));
		assertTrue(meter.getMessage().startsWith("The model has never seen the meter 7/8. It knows: "), meter.getMessage());
		assertTrue(meter.getMessage().contains("6/8"), meter.getMessage());
		MusicException key = assertThrows(MusicException.class,
				() -> TuneWriter.write(model, new TuneWriter.Settings("6/8", "H#", List.of(), 4, 1), 1));
		assertTrue(key.getMessage().contains("is not a key"), key.getMessage());
		MusicException primer = assertThrows(MusicException.class, () -> TuneWriter.write(model,
				new TuneWriter.Settings("", "", List.of("M:6/8", "K:G", "^^g'''", "|"), 4, 1), 1));
		assertTrue(primer.getMessage().contains("never seen these symbols of the primer: ^^g'''"), primer.getMessage());
	}
}
