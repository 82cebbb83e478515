package org.neurograph.music;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.neurograph.api.CancelledException;
import org.neurograph.api.Progress;
import org.neurograph.api.bench.Benchmark;
import org.neurograph.music.internal.TokenNets;
import org.neurograph.runtime.dl4j.Dl4jRuntime;
import org.neurograph.runtime.dl4j.RuntimeInfo;
import org.osgi.service.component.annotations.Component;

/**
 * {@code bench music}: tune-LSTM training speed (DL4J; embedding 32, batch 32, sequence and truncated BPTT 64) and
 * generation speed (the constrained plain-Java {@link TuneWriter}, one thread, 32-bar tunes in 6/8) in tokens per
 * second, over a vocabulary of the size a transposed folk collection gives (about 300 tokens), for 2-layer networks;
 * medians of 3 rounds after a warm-up.
 */
@Component(service = Benchmark.class)
public final class MusicBenchmark implements Benchmark {

	private static final int EMBEDDING = 32;
	private static final int BATCH = 32;
	private static final int SEQUENCE = 64;
	private static final int BARS = 32;
	private static final int ROUNDS = 3;

	private final int[] sizes;

	/** The benchmark of the 2x128 and 2x256 networks. */
	public MusicBenchmark() {
		this(128, 256);
	}

	/** The benchmark of 2-layer networks with these unit counts (small ones make a quick check). */
	public MusicBenchmark(int... units) {
		this.sizes = units.clone();
	}

	@Override
	public String name() {
		return "music";
	}

	@Override
	public String description() {
		return "Tune LSTM 2x128 and 2x256: training tokens/s (DL4J) and generation tokens/s (constrained sampler, plain Java).";
	}

	@Override
	public void run(PrintStream out, Progress progress) throws Exception {
		RuntimeInfo info = Dl4jRuntime.start();
		List<String> vocabulary = vocabulary();
		int v = vocabulary.size();
		out.printf("music: vocabulary %d tokens, embedding %d, batch %d, sequence %d (tBPTT %d), DL4J threads %d%n", v,
				EMBEDDING, BATCH, SEQUENCE, SEQUENCE, info.threads());
		for (int units : sizes) {
			MultiLayerNetwork net = TokenNets.create(new TokenNets.Shape(v, EMBEDDING, 2, units, 0, 0.003, SEQUENCE), 1);
			int steps = units <= 128 ? 4 : 2;
			double train = median(() -> trainTokensPerSecond(net, v, steps), progress);
			TuneModel model = new TuneModel(TokenNets.toCharLstm(net), vocabulary);
			int tunes = units <= 128 ? 4 : 2;
			double generate = median(() -> generateTokensPerSecond(model, tunes), progress);
			out.printf("2x%d (%,d parameters): training %,.0f tokens/s (DL4J); generation %,.0f tokens/s (constrained "
					+ "sampler, plain Java, 1 thread)%n", units, net.numParams(), train, generate);
			net.clear();
		}
	}

	/** Meters, keys, bar lines, ties, a triplet, rests and notes over two and a half octaves with 8 lengths. */
	static List<String> vocabulary() {
		TreeSet<String> t = new TreeSet<>(List.of(TuneTokens.END, "M:6/8", "M:4/4", "M:3/4", "M:2/4", "K:G", "K:D",
				"K:Em", "K:Ador", "|", "|:", ":|", "::", "|]", "||", "[1", "[2", "-", "(3"));
		List<String> pitches = new ArrayList<>();
		for (String letter : List.of("A,", "B,", "C", "D", "E", "F", "G", "A", "B", "c", "d", "e", "f", "g", "a", "b",
				"c'", "d'")) {
			pitches.add(letter);
		}
		for (String sharp : List.of("^c", "^f", "^g", "=c", "=f", "_b", "^C", "^F", "=F")) {
			pitches.add(sharp);
		}
		for (String length : List.of("", "2", "3", "4", "6", "/2", "3/2", "/4")) {
			t.add("z" + length);
			for (String p : pitches) {
				t.add(p + length);
			}
		}
		return new ArrayList<>(t);
	}

	private interface Measure {
		double run() throws Exception;
	}

	/** One warm-up, then the median of {@value #ROUNDS} rounds. */
	private static double median(Measure measure, Progress progress) throws Exception {
		measure.run();
		double[] rounds = new double[ROUNDS];
		for (int r = 0; r < ROUNDS; r++) {
			if (progress.isCancelled()) {
				throw new CancelledException();
			}
			rounds[r] = measure.run();
		}
		Arrays.sort(rounds);
		return rounds[ROUNDS / 2];
	}

	private static double trainTokensPerSecond(MultiLayerNetwork net, int vocabulary, int steps) {
		SplittableRandom random = new SplittableRandom(1);
		int[][] sequences = new int[BATCH][SEQUENCE + 1];
		for (int[] s : sequences) {
			Arrays.setAll(s, i -> random.nextInt(vocabulary));
		}
		INDArray[] batch = TokenNets.batch(sequences, vocabulary);
		long start = System.nanoTime();
		for (int i = 0; i < steps; i++) {
			net.fit(batch[0], batch[1]);
			net.rnnClearPreviousState();
		}
		return (double) steps * BATCH * SEQUENCE / ((System.nanoTime() - start) / 1e9);
	}

	private static double generateTokensPerSecond(TuneModel model, int tunes) throws MusicException {
		TuneWriter.Settings settings = new TuneWriter.Settings("6/8", "G", List.of(), BARS, 1.0);
		long tokens = 0;
		long start = System.nanoTime();
		for (int i = 0; i < tunes; i++) {
			tokens += TuneWriter.write(model, settings, i).size();
		}
		return tokens / ((System.nanoTime() - start) / 1e9);
	}
}
