package org.neurograph.poetry;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.neurograph.api.CancelledException;
import org.neurograph.api.Progress;
import org.neurograph.api.bench.Benchmark;
import org.neurograph.poetry.internal.Dl4jCharNets;
import org.neurograph.runtime.dl4j.Dl4jRuntime;
import org.neurograph.runtime.dl4j.RuntimeInfo;
import org.osgi.service.component.annotations.Component;

/**
 * {@code bench poetry}: character-LSTM training speed (DL4J, batch 32, sequence and truncated BPTT 50, vocabulary 65)
 * and sampling speed one character at a time (DL4J {@code rnnTimeStep} against the plain-Java {@link CharLstm} the
 * generator uses) for 2x128 and 2x512 networks; medians of 3 rounds after a warm-up.
 */
@Component(service = Benchmark.class)
public final class PoetryBenchmark implements Benchmark {

	private static final int VOCABULARY = 65;
	private static final int BATCH = 32;
	private static final int SEQUENCE = 50;
	private static final int ROUNDS = 3;

	private final int[] sizes;

	/** The benchmark of the 2x128 and 2x512 networks. */
	public PoetryBenchmark() {
		this(128, 512);
	}

	/** The benchmark of 2-layer networks with these unit counts (small ones make a quick check). */
	public PoetryBenchmark(int... units) {
		this.sizes = units.clone();
	}

	@Override
	public String name() {
		return "poetry";
	}

	@Override
	public String description() {
		return "Character LSTM 2x128 and 2x512: training chars/s (DL4J) and sampling chars/s (DL4J vs plain Java).";
	}

	@Override
	public void run(PrintStream out, Progress progress) throws Exception {
		RuntimeInfo info = Dl4jRuntime.start();
		out.printf("poetry: vocabulary %d, batch %d, sequence %d (tBPTT %d), DL4J threads %d%n", VOCABULARY, BATCH,
				SEQUENCE, SEQUENCE, info.threads());
		String vocabulary = vocabulary();
		for (int units : sizes) {
			MultiLayerNetwork net = Dl4jCharNets.create(new Dl4jCharNets.Shape(VOCABULARY, 2, units, 0, 0.002, SEQUENCE), 1);
			int trainSteps = units <= 128 ? 6 : 2;
			double train = median(() -> trainCharsPerSecond(net, trainSteps), progress);
			int dl4jChars = units <= 128 ? 300 : 100;
			double dl4j = median(() -> dl4jSampleCharsPerSecond(net, dl4jChars), progress);
			CharLstm model = Dl4jCharNets.toCharLstm(net, vocabulary);
			int javaChars = units <= 128 ? 4000 : 600;
			double plain = median(() -> plainSampleCharsPerSecond(model, javaChars), progress);
			out.printf("2x%d (%,d parameters): training %,.0f chars/s (DL4J); sampling %,.0f chars/s (DL4J rnnTimeStep), "
					+ "%,.0f chars/s (plain Java, 1 thread)%n", units, net.numParams(), train, dl4j, plain);
			net.clear();
		}
	}

	private static String vocabulary() {
		StringBuilder b = new StringBuilder("\n ");
		for (char c = '!'; b.length() < VOCABULARY; c++) {
			b.append(c);
		}
		return b.toString();
	}

	private interface Measure {
		double run();
	}

	/** One warm-up, then the median of {@value #ROUNDS} rounds. */
	private static double median(Measure measure, Progress progress) throws CancelledException {
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

	private static double trainCharsPerSecond(MultiLayerNetwork net, int steps) {
		SplittableRandom random = new SplittableRandom(1);
		int[][] sequences = new int[BATCH][SEQUENCE + 1];
		for (int[] s : sequences) {
			Arrays.setAll(s, i -> random.nextInt(VOCABULARY));
		}
		INDArray[] batch = Dl4jCharNets.batch(sequences, VOCABULARY);
		long start = System.nanoTime();
		for (int i = 0; i < steps; i++) {
			net.fit(batch[0], batch[1]);
			net.rnnClearPreviousState();
		}
		return (double) steps * BATCH * SEQUENCE / ((System.nanoTime() - start) / 1e9);
	}

	private static double dl4jSampleCharsPerSecond(MultiLayerNetwork net, int chars) {
		net.rnnClearPreviousState();
		SplittableRandom random = new SplittableRandom(2);
		INDArray x = Nd4j.zeros(1, VOCABULARY, 1);
		int c = 0;
		long start = System.nanoTime();
		for (int i = 0; i < chars; i++) {
			x.putScalar(new long[] { 0, c, 0 }, 1.0);
			INDArray p = net.rnnTimeStep(x);
			x.putScalar(new long[] { 0, c, 0 }, 0.0);
			c = pick(p.reshape(VOCABULARY).toDoubleVector(), random.nextDouble());
		}
		double perSecond = chars / ((System.nanoTime() - start) / 1e9);
		net.rnnClearPreviousState();
		return perSecond;
	}

	private static double plainSampleCharsPerSecond(CharLstm model, int chars) {
		TextSampler sampler = new TextSampler(model, 3);
		long start = System.nanoTime();
		for (int i = 0; i < chars; i++) {
			sampler.sample(1.0, 0, null);
		}
		return chars / ((System.nanoTime() - start) / 1e9);
	}

	private static int pick(double[] p, double u) {
		double sum = 0;
		for (int i = 0; i < p.length; i++) {
			sum += p[i];
			if (u < sum) {
				return i;
			}
		}
		return p.length - 1;
	}
}
