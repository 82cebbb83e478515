package org.neurograph.poetry.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurograph.api.Artifact;
import org.neurograph.api.GenerationRequest;
import org.neurograph.api.ModelRef;
import org.neurograph.api.Progress;
import org.neurograph.poetry.CharLstm;
import org.neurograph.poetry.CharLstmFiles;
import org.neurograph.poetry.CharRnnGenerator;
import org.neurograph.poetry.Ml5CharRnn;
import org.neurograph.poetry.TextSampler;

/** Imports the ml5.js Shakespeare char-rnn and checks it against a forward pass written here over the raw weights. */
class Ml5ImportTest {

	private static final String PRIME = "ROMEO:\nBut soft, what light through yonder window b";

	static Path checkpoint() {
		String data = System.getProperty("neurograph.shared.data");
		Path folder = data == null ? null : Path.of(data, "char-rnn", "shakespeare");
		if (folder == null || !Files.isDirectory(folder)) {
			throw new IllegalStateException("The shared test data is missing: expected ../shared/data/char-rnn/shakespeare "
					+ "beside the repository (system property neurograph.shared.data = " + data + ").");
		}
		return folder;
	}

	@Test
	void nextCharacterDistributionMatchesAnIndependentForwardPass() throws IOException {
		CharLstm model = Ml5CharRnn.read(checkpoint());
		assertEquals(65, model.vocabularySize());
		assertEquals(2, model.layers());
		assertEquals(128, model.hidden());
		assertTrue(model.indexOf('u') >= 0 && model.indexOf('U') >= 0, "the vocab.json fault must be repaired");

		double[] expected = new Reference(checkpoint()).nextDistribution(PRIME);
		TextSampler sampler = new TextSampler(model, 1);
		sampler.prime(PRIME);
		List<TextSampler.Candidate> all = sampler.candidates(65);
		double total = 0;
		for (TextSampler.Candidate c : all) {
			int index = Reference.index(checkpoint(), c.character());
			assertEquals(expected[index], c.probability(), 2e-5, "probability of '" + c.character() + "'");
			total += c.probability();
		}
		assertEquals(1.0, total, 1e-9);
		// the network has learnt English: after "yonder window b" the next letter is likely a vowel or 'r', 'l'
		assertTrue("aeioulry".indexOf(all.get(0).character()) >= 0, "most likely: " + all.get(0));
	}

	@Test
	void importsAsAModelAssetTheGeneratorSamplesFrom(@TempDir Path project) throws Exception {
		Path folder = Ml5CharRnn.importModel(checkpoint(), project, "shakespeare");
		assertEquals(project.resolve("models/shakespeare"), folder);
		assertTrue(Files.isRegularFile(folder.resolve(CharLstmFiles.FILE_NAME)));
		String card = Files.readString(folder.resolve("model.json"));
		assertTrue(card.contains("\"generator\": \"" + CharRnnGenerator.ID + "\""), card);
		IOException taken = assertThrows(IOException.class, () -> Ml5CharRnn.importModel(checkpoint(), project, "shakespeare"));
		assertTrue(taken.getMessage().contains("already has a model 'shakespeare'"), taken.getMessage());

		CharRnnGenerator generator = new CharRnnGenerator();
		GenerationRequest request = new GenerationRequest(generator.parameters().resolve(Map.of("prime", "JULIET:\n",
				"length", "6", "unit", "lines", "temperature", "0.6")), 2, 42,
				Optional.of(new ModelRef("shakespeare", folder, "0".repeat(64))));
		List<Artifact> works = generator.generateAll(request, Progress.none());
		assertEquals(2, works.size());
		String poem = new String(works.get(0).data(), StandardCharsets.UTF_8);
		assertTrue(poem.startsWith("JULIET:\n"), poem);
		assertEquals(6, poem.substring("JULIET:\n".length()).chars().filter(c -> c == '\n').count(), poem);
		assertEquals("txt", works.get(0).extension());
		assertEquals(42, works.get(0).provenance().seed());
		assertEquals(43, works.get(1).provenance().seed());
		assertNotEquals(poem, new String(works.get(1).data(), StandardCharsets.UTF_8));
		System.out.println("[poetry] imported Shakespeare, temperature 0.6:\n" + poem);

		// the checkpoint folder itself is usable as a model folder, with the same result
		CharLstm direct = CharLstmFiles.load(checkpoint());
		CharLstm imported = CharLstmFiles.load(folder);
		assertEquals(direct.vocabulary(), imported.vocabulary());
	}

	@Test
	void aBrokenCheckpointGetsAMessage(@TempDir Path dir) throws IOException {
		for (String f : List.of("manifest.json", "vocab.json", "embedding")) {
			Files.copy(checkpoint().resolve(f), dir.resolve(f));
		}
		IOException e = assertThrows(IOException.class, () -> Ml5CharRnn.read(dir));
		assertFalse(e.getMessage().isBlank());
		assertTrue(e.getMessage().contains("missing") || e.getMessage().contains("no "), e.getMessage());
	}

	/** TensorFlow's BasicLSTMCell over the raw checkpoint, written from the format's description alone. */
	static final class Reference {
		private final float[] embedding;
		private final float[][] weights = new float[2][];
		private final float[][] biases = new float[2][];
		private final float[] softmaxW;
		private final float[] softmaxB;
		private final Path folder;

		Reference(Path folder) throws IOException {
			this.folder = folder;
			embedding = floats("embedding");
			for (int l = 0; l < 2; l++) {
				weights[l] = floats("rnnlm_multi_rnn_cell_cell_" + l + "_basic_lstm_cell_weights");
				biases[l] = floats("rnnlm_multi_rnn_cell_cell_" + l + "_basic_lstm_cell_biases");
			}
			softmaxW = floats("rnnlm_softmax_w");
			softmaxB = floats("rnnlm_softmax_b");
		}

		private float[] floats(String file) throws IOException {
			ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(folder.resolve(file))).order(ByteOrder.LITTLE_ENDIAN);
			float[] f = new float[b.remaining() / 4];
			b.asFloatBuffer().get(f);
			return f;
		}

		/** The index of {@code c} in vocab.json, reading "  " as 'u' and "" as 'U'. */
		static int index(Path folder, char c) throws IOException {
			String json = Files.readString(folder.resolve("vocab.json"));
			java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\":\\s*(\\d+)").matcher(json);
			while (m.find()) {
				String key = m.group(1).replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\");
				String wanted = c == 'u' ? "  " : c == 'U' ? "" : String.valueOf(c);
				if (key.equals(wanted)) {
					return Integer.parseInt(m.group(2));
				}
			}
			throw new IllegalArgumentException("vocab.json has no '" + c + "'");
		}

		double[] nextDistribution(String prime) throws IOException {
			int h = 128;
			double[][] hs = new double[2][h];
			double[][] cs = new double[2][h];
			for (char ch : prime.toCharArray()) {
				int idx = index(folder, ch);
				double[] x = new double[128];
				for (int k = 0; k < 128; k++) {
					x[k] = embedding[idx * 128 + k];
				}
				for (int l = 0; l < 2; l++) {
					double[] concat = new double[x.length + h];
					System.arraycopy(x, 0, concat, 0, x.length);
					System.arraycopy(hs[l], 0, concat, x.length, h);
					double[] z = new double[4 * h];
					for (int j = 0; j < 4 * h; j++) {
						double s = biases[l][j];
						for (int k = 0; k < concat.length; k++) {
							s += concat[k] * weights[l][k * 4 * h + j];
						}
						z[j] = s;
					}
					for (int j = 0; j < h; j++) {
						double i = sig(z[j]);
						double g = Math.tanh(z[h + j]);
						double f = sig(z[2 * h + j] + 1.0);
						double o = sig(z[3 * h + j]);
						cs[l][j] = cs[l][j] * f + i * g;
						hs[l][j] = Math.tanh(cs[l][j]) * o;
					}
					x = hs[l].clone();
				}
			}
			double[] logits = new double[65];
			double max = Double.NEGATIVE_INFINITY;
			for (int v = 0; v < 65; v++) {
				double s = softmaxB[v];
				for (int k = 0; k < h; k++) {
					s += hs[1][k] * softmaxW[k * 65 + v];
				}
				logits[v] = s;
				max = Math.max(max, s);
			}
			double sum = 0;
			for (int v = 0; v < 65; v++) {
				logits[v] = Math.exp(logits[v] - max);
				sum += logits[v];
			}
			for (int v = 0; v < 65; v++) {
				logits[v] /= sum;
			}
			return logits;
		}

		private static double sig(double x) {
			return 1 / (1 + Math.exp(-x));
		}
	}
}
