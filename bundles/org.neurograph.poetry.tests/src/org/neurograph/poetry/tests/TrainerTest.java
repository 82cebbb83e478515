package org.neurograph.poetry.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.neurograph.api.Artifact;
import org.neurograph.api.Progress;
import org.neurograph.api.training.Metric;
import org.neurograph.api.training.TrainingException;
import org.neurograph.api.training.TrainingRequest;
import org.neurograph.api.training.TrainingSession;
import org.neurograph.poetry.CharLstm;
import org.neurograph.poetry.CharLstmFiles;
import org.neurograph.poetry.CharLstmTrainer;
import org.neurograph.poetry.PoemWriter;
import org.neurograph.poetry.internal.CharLstmSession;
import org.neurograph.poetry.internal.Dl4jCharNets;
import org.neurograph.runtime.dl4j.Dl4jRuntime;

/** The DL4J trainer on small corpora made here. */
class TrainerTest {

	private static final String VERSE = "roses are red\nviolets are blue\nsugar is sweet\nand so are you\n\n";
	private final CharLstmTrainer trainer = new CharLstmTrainer();

	private TrainingRequest request(Path dataset, Path run, Map<String, String> parameters, Optional<Path> resume)
			throws Exception {
		Map<String, String> p = new HashMap<>(Map.of("layers", "1", "units", "48", "sequenceLength", "40", "tbptt", "40",
				"batchSize", "16", "learningRate", "0.01", "validateEvery", "50", "sampleLength", "80"));
		p.putAll(parameters);
		Files.createDirectories(run);
		return new TrainingRequest(trainer.parameters().resolve(p), dataset, run, 3, resume);
	}

	private static Path corpus(Path dir, String text) throws Exception {
		Path dataset = Files.createDirectories(dir.resolve("datasets/verses"));
		Files.writeString(dataset.resolve("verses.txt"), text, StandardCharsets.UTF_8);
		return dataset;
	}

	private static double unigramEntropy(String text) {
		Map<Character, Integer> counts = new HashMap<>();
		for (char c : text.toCharArray()) {
			counts.merge(c, 1, Integer::sum);
		}
		double h = 0;
		for (int n : counts.values()) {
			double p = (double) n / text.length();
			h -= p * Math.log(p);
		}
		return h;
	}

	@Test
	void lossFallsWellBelowTheUnigramEntropyOnARepetitiveCorpus(@TempDir Path dir) throws Exception {
		String text = VERSE.repeat(60);
		double entropy = unigramEntropy(text);
		Path dataset = corpus(dir, text);
		double loss = Double.NaN;
		double valLoss = Double.NaN;
		double firstLoss = Double.NaN;
		try (TrainingSession session = trainer.open(request(dataset, dir.resolve("run"), Map.of("steps", "150"),
				Optional.empty()), Progress.none())) {
			while (!session.isFinished()) {
				for (Metric m : session.trainStep()) {
					if (m.name().equals("loss")) {
						loss = m.value();
						firstLoss = Double.isNaN(firstLoss) ? loss : firstLoss;
					} else if (m.name().equals("valLoss")) {
						valLoss = m.value();
					}
				}
			}
			System.out.printf("[poetry] unigram entropy %.3f nats; loss %.3f -> %.3f, validation %.3f after %d steps%n",
					entropy, firstLoss, loss, valLoss, session.step());
			assertTrue(firstLoss > 0.8 * Math.log(text.chars().distinct().count()) * 0.5, "an untrained net is unsure: " + firstLoss);
			assertTrue(loss < 0.3 * entropy, "training loss " + loss + " vs unigram entropy " + entropy);
			assertTrue(valLoss < 0.3 * entropy, "validation loss " + valLoss + " vs unigram entropy " + entropy);

			List<Artifact> samples = session.samples();
			String sample = new String(samples.get(0).data(), StandardCharsets.UTF_8);
			assertTrue(sample.contains("are"), sample);
			assertTrue(sample.contains(String.format("Small corpus: %,d characters", text.strip().length())), sample);

			session.exportModel(Files.createDirectories(dir.resolve("model")));
			CharLstm model = CharLstmFiles.load(dir.resolve("model"));
			String poem = PoemWriter.write(model, new PoemWriter.Settings("roses ", 0, 0, 2, PoemWriter.Unit.LINES, 0), 1);
			assertEquals("roses are red\nviolets are blue\n", poem);
		}
	}

	@Test
	void thePlainJavaModelComputesWhatTheDl4jNetworkComputes() throws Exception {
		Dl4jRuntime.start();
		String vocabulary = "\nabcdef";
		MultiLayerNetwork net = Dl4jCharNets.create(new Dl4jCharNets.Shape(vocabulary.length(), 2, 12, 0, 0.01, 10), 5);
		net.setParams(net.params().mul(3)); // larger weights make any gate mix-up visible
		CharLstm model = Dl4jCharNets.toCharLstm(net, vocabulary);
		CharLstm.State state = model.newState();
		int[] input = { 1, 2, 0, 6, 6, 3, 4, 5, 1 };
		for (int c : input) {
			INDArray x = org.nd4j.linalg.factory.Nd4j.zeros(1, vocabulary.length(), 1);
			x.putScalar(new long[] { 0, c, 0 }, 1.0);
			INDArray out = net.rnnTimeStep(x);
			float[] logits = model.step(state, c);
			double max = Double.NEGATIVE_INFINITY;
			for (float l : logits) {
				max = Math.max(max, l);
			}
			double sum = 0;
			for (float l : logits) {
				sum += Math.exp(l - max);
			}
			for (int v = 0; v < vocabulary.length(); v++) {
				assertEquals(out.getDouble(0, v, 0), Math.exp(logits[v] - max) / sum, 1e-5, "character " + v);
			}
		}
	}

	@Test
	void aResumedRunContinuesExactly(@TempDir Path dir) throws Exception {
		Path dataset = corpus(dir, VERSE.repeat(30));
		Path checkpoint = dir.resolve("checkpoint.bin");
		List<Double> straight = new ArrayList<>();
		try (TrainingSession s = trainer.open(request(dataset, dir.resolve("a"), Map.of("steps", "8"), Optional.empty()),
				Progress.none())) {
			for (int i = 0; i < 8; i++) {
				if (i == 4) {
					s.saveCheckpoint(checkpoint);
				}
				double loss = s.trainStep().get(0).value();
				if (i >= 4) {
					straight.add(loss);
				}
			}
		}
		List<Double> resumed = new ArrayList<>();
		try (TrainingSession s = trainer.open(request(dataset, dir.resolve("b"), Map.of("steps", "8"),
				Optional.of(checkpoint)), Progress.none())) {
			assertEquals(4, s.step());
			while (!s.isFinished()) {
				resumed.add(s.trainStep().get(0).value());
			}
		}
		assertEquals(straight.size(), resumed.size());
		for (int i = 0; i < straight.size(); i++) {
			assertEquals(straight.get(i), resumed.get(i), 1e-5, "loss at step " + (5 + i));
		}
	}

	@Test
	void tooSmallAndEmptyCorporaGetClearMessages(@TempDir Path dir) throws Exception {
		Path dataset = corpus(dir, "roses are red\n");
		TrainingException small = assertThrows(TrainingException.class,
				() -> trainer.open(request(dataset, dir.resolve("run"), Map.of(), Optional.empty()), Progress.none()));
		assertTrue(small.getMessage().startsWith("The corpus is too small: 13 characters."), small.getMessage());
		assertTrue(small.getMessage().contains("needs at least"), small.getMessage());

		Files.writeString(dataset.resolve("verses.txt"), "\n\n");
		TrainingException empty = assertThrows(TrainingException.class,
				() -> trainer.open(request(dataset, dir.resolve("run"), Map.of(), Optional.empty()), Progress.none()));
		assertTrue(empty.getMessage().contains("holds no text"), empty.getMessage());

		Files.writeString(dataset.resolve("verses.txt"), VERSE.repeat(10));
		TrainingException tbptt = assertThrows(TrainingException.class, () -> trainer.open(
				request(dataset, dir.resolve("run"), Map.of("tbptt", "60"), Optional.empty()), Progress.none()));
		assertTrue(tbptt.getMessage().contains("longer than the sequence length"), tbptt.getMessage());
	}

	@Test
	void aBigEnoughCorpusHasNoWarning(@TempDir Path dir) throws Exception {
		Path dataset = corpus(dir, VERSE.repeat(400));
		try (TrainingSession s = trainer.open(request(dataset, dir.resolve("run"), Map.of("units", "8"), Optional.empty()),
				Progress.none())) {
			assertEquals(null, ((CharLstmSession) s).warning());
			assertNotNull(s.architecture().get("parameters"));
		}
	}
}
