package org.neurograph.poetry.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurograph.api.Artifact;
import org.neurograph.api.GenerationException;
import org.neurograph.api.GenerationRequest;
import org.neurograph.api.ModelRef;
import org.neurograph.api.Progress;
import org.neurograph.poetry.CharLstm;
import org.neurograph.poetry.CharLstmFiles;
import org.neurograph.poetry.CharRnnGenerator;
import org.neurograph.poetry.PoemWriter;
import org.neurograph.poetry.PoemWriter.Unit;
import org.neurograph.poetry.TextSampler;

/** Sampling: seeds, temperature, top-k, lines and stanzas, on a random network made here. */
class SamplingTest {

	static CharLstm randomModel(String vocabulary, int layers, int hidden, long seed) {
		Random r = new Random(seed);
		int v = vocabulary.length();
		float[][] wx = new float[layers][];
		float[][] wh = new float[layers][];
		float[][] b = new float[layers][];
		for (int l = 0; l < layers; l++) {
			wx[l] = random(r, (l == 0 ? v : hidden) * 4 * hidden, 1.5f);
			wh[l] = random(r, hidden * 4 * hidden, 0.5f);
			b[l] = random(r, 4 * hidden, 0.3f);
		}
		return new CharLstm(vocabulary, hidden, wx, wh, b, random(r, hidden * v, 2f), random(r, v, 0.5f));
	}

	private static float[] random(Random r, int n, float scale) {
		float[] f = new float[n];
		for (int i = 0; i < n; i++) {
			f[i] = (float) (r.nextGaussian() * scale);
		}
		return f;
	}

	private static final String VOCABULARY = "\n abcdefghijklmnopqrstuvwxyz,.";
	private final CharLstm model = randomModel(VOCABULARY, 2, 24, 7);

	@Test
	void theSameSeedGivesTheSameTextAndAnotherSeedAnother() {
		PoemWriter.Settings s = new PoemWriter.Settings("the ", 1.0, 0, 300, Unit.CHARACTERS, 0);
		String a = PoemWriter.write(model, s, 11);
		assertEquals(a, PoemWriter.write(model, s, 11));
		assertNotEquals(a, PoemWriter.write(model, s, 12));
		assertEquals(304, a.length());
		assertTrue(a.startsWith("the "));
	}

	@Test
	void temperatureNearZeroFollowsTheArgmaxPath() {
		StringBuilder greedy = new StringBuilder("a");
		CharLstm.State state = model.newState();
		float[] logits = model.step(state, model.indexOf('a'));
		for (int i = 0; i < 200; i++) {
			int best = 0;
			for (int j = 1; j < logits.length; j++) {
				best = logits[j] > logits[best] ? j : best;
			}
			greedy.append(model.vocabulary().charAt(best));
			logits = model.step(state, best);
		}
		for (long seed : new long[] { 1, 2, 3 }) {
			assertEquals(greedy.toString(), PoemWriter.write(model, new PoemWriter.Settings("a", 1e-4, 0, 200, Unit.CHARACTERS, 0), seed));
			assertEquals(greedy.toString(), PoemWriter.write(model, new PoemWriter.Settings("a", 0, 0, 200, Unit.CHARACTERS, 0), seed));
		}
		assertNotEquals(greedy.toString(), PoemWriter.write(model, new PoemWriter.Settings("a", 1.5, 0, 200, Unit.CHARACTERS, 0), 1));
	}

	@Test
	void topKSamplesOnlyAmongTheMostLikely() {
		for (int trial = 0; trial < 200; trial++) {
			TextSampler sampler = new TextSampler(model, trial);
			sampler.prime("the cat");
			List<TextSampler.Candidate> top = sampler.candidates(3);
			assertEquals(3, top.size());
			assertTrue(top.get(0).probability() >= top.get(1).probability());
			char c = sampler.sample(2.0, 3, null);
			assertTrue(top.stream().anyMatch(t -> t.character() == c), c + " not in " + top);
		}
	}

	@Test
	void linesAndStanzasShapeTheText() {
		String poem = PoemWriter.write(model, new PoemWriter.Settings("", 1.0, 0, 8, Unit.LINES, 4), 5);
		String[] stanzas = poem.strip().split("\n\n", -1);
		assertEquals(2, stanzas.length, poem);
		for (String stanza : stanzas) {
			assertEquals(4, stanza.split("\n", -1).length, poem);
			assertFalse(stanza.lines().anyMatch(String::isEmpty), poem);
		}
		String lines = PoemWriter.write(model, new PoemWriter.Settings("", 1.0, 0, 5, Unit.LINES, 0), 5);
		assertEquals(5, lines.chars().filter(c -> c == '\n').count());
	}

	@Test
	void unknownPrimeCharactersAreNamed() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> PoemWriter.write(model, new PoemWriter.Settings("The Cat!", 1, 0, 10, Unit.CHARACTERS, 0), 1));
		assertTrue(e.getMessage().contains("'T', 'C', '!'"), e.getMessage());
	}

	@Test
	void theGeneratorWritesTheSameBytesForASeedFromASavedModel(@TempDir Path dir) throws Exception {
		CharLstmFiles.write(model, dir.resolve(CharLstmFiles.FILE_NAME));
		CharLstm loaded = CharLstmFiles.load(dir);
		CharLstm.State a = model.newState();
		CharLstm.State b = loaded.newState();
		for (char c : "hello, world".toCharArray()) {
			assertArrayEquals(model.step(a, model.indexOf(c)), loaded.step(b, loaded.indexOf(c)));
		}
		CharRnnGenerator generator = new CharRnnGenerator();
		ModelRef ref = new ModelRef("random", dir, "0".repeat(64));
		GenerationRequest request = new GenerationRequest(
				generator.parameters().resolve(Map.of("length", "120", "temperature", "0.9", "topK", "10")), 3, 100,
				Optional.of(ref));
		List<Artifact> first = generator.generateAll(request, Progress.none());
		List<Artifact> again = generator.generateAll(request, Progress.none());
		for (int i = 0; i < 3; i++) {
			assertArrayEquals(first.get(i).data(), again.get(i).data());
			assertEquals("text/plain; charset=utf-8", first.get(i).mimeType());
			assertEquals("10", first.get(i).provenance().parameters().get("topK"));
		}
		GenerationRequest one = new GenerationRequest(request.parameters(), 1, 102, Optional.of(ref));
		assertArrayEquals(first.get(2).data(), generator.generateAll(one, Progress.none()).get(0).data());

		GenerationRequest bad = new GenerationRequest(generator.parameters().resolve(Map.of("prime", "Ünïcode")), 1, 1,
				Optional.of(ref));
		GenerationException e = assertThrows(GenerationException.class, () -> generator.generateAll(bad, Progress.none()));
		assertTrue(e.getMessage().contains("does not know"), e.getMessage());
	}

	@Test
	void aDamagedModelFileGetsAMessage(@TempDir Path dir) throws IOException {
		Path file = dir.resolve(CharLstmFiles.FILE_NAME);
		CharLstmFiles.write(model, file);
		byte[] bytes = Files.readAllBytes(file);
		Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
		IOException e = assertThrows(IOException.class, () -> CharLstmFiles.load(dir));
		assertTrue(e.getMessage().contains("ends too early"), e.getMessage());
		IOException none = assertThrows(IOException.class, () -> CharLstmFiles.load(dir.resolve("..")));
		assertTrue(none.getMessage().contains("holds no character LSTM"), none.getMessage());
	}
}
