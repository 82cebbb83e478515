package org.neurograph.runtime.dl4j.bench;

import java.io.PrintStream;
import java.util.Arrays;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.neurograph.runtime.dl4j.Dl4jRuntime;
import org.neurograph.runtime.dl4j.RuntimeInfo;
import org.neurograph.runtime.dl4j.RuntimeUnavailableException;
import org.neurograph.runtime.dl4j.internal.Nd4jSettings;
import org.neurograph.runtime.dl4j.internal.Nd4jThreads;

/**
 * The DL4J runtime's benchmark (run by {@code bench runtimes}): ND4J's start-up time, a 1024x1024 float matrix
 * product and the training of the product's character LSTM (2x128, batch 32, sequence 50), each with 1 and 2
 * threads. Times are medians of warm runs; ND4J's thread setting is restored afterwards.
 */
public final class Dl4jBenchmark {

	private static final int N = 1024;
	private static final int MATMUL_RUNS = 15;
	private static final int LSTM_RUNS = 3;
	private static final int VOCABULARY = 65;
	private static final int BATCH = 32;
	private static final int SEQUENCE = 50;

	private Dl4jBenchmark() {
	}

	/** Runs the benchmark and prints one line per figure to {@code out}. */
	public static void run(PrintStream out) {
		boolean first = !Dl4jRuntime.isStarted();
		RuntimeInfo info;
		try {
			info = Dl4jRuntime.start();
		} catch (RuntimeUnavailableException e) {
			out.println("DL4J: " + e.getMessage());
			return;
		}
		out.printf("DL4J/ND4J %s on %d CPUs, backend %s, JavaCPP cache %s%n", Nd4jSettings.nd4jVersion(),
				Runtime.getRuntime().availableProcessors(), info.backend(), info.cacheDir());
		out.printf("ND4J start-up: %d ms%s%n", info.startTime().toMillis(),
				first ? "" : " (started earlier in this process)");
		try {
			for (int threads = 1; threads <= 2; threads++) {
				Nd4jThreads.set(threads);
				double ms = medianMillis(MATMUL_RUNS, matmul());
				out.printf("matmul %dx%d float, %d thread%s: %.1f GFLOP/s (%.2f ms)%n", N, N, threads,
						threads == 1 ? "" : "s", 2.0 * N * N * N / (ms * 1e6), ms);
			}
			for (int threads = 1; threads <= 2; threads++) {
				Nd4jThreads.set(threads);
				double ms = medianMillis(LSTM_RUNS, lstmStep());
				out.printf("char-LSTM 2x128 training (batch %d, sequence %d), %d thread%s: %.2f updates/s "
						+ "(%.0f chars/s)%n", BATCH, SEQUENCE, threads, threads == 1 ? "" : "s", 1000 / ms,
						BATCH * SEQUENCE * 1000 / ms);
			}
		} finally {
			Nd4jThreads.set(info.threads());
		}
		out.printf("ND4J threads in use: %d (preference)%n", info.threads());
	}

	private static Runnable matmul() {
		Nd4j.getRandom().setSeed(1);
		INDArray a = Nd4j.rand(DataType.FLOAT, N, N);
		INDArray b = Nd4j.rand(DataType.FLOAT, N, N);
		INDArray c = Nd4j.create(DataType.FLOAT, N, N);
		return () -> a.mmuli(b, c);
	}

	private static Runnable lstmStep() {
		MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(1).dataType(DataType.FLOAT)
				.updater(new Adam(1e-3)).list()
				.layer(new LSTM.Builder().nIn(VOCABULARY).nOut(128).activation(Activation.TANH).build())
				.layer(new LSTM.Builder().nIn(128).nOut(128).activation(Activation.TANH).build())
				.layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX)
						.nIn(128).nOut(VOCABULARY).build())
				.build();
		MultiLayerNetwork net = new MultiLayerNetwork(conf);
		net.init();
		DataSet batch = new DataSet(oneHot(2), oneHot(3));
		return () -> net.fit(batch);
	}

	/** Random one-hot characters, shape [batch, vocabulary, sequence]. */
	private static INDArray oneHot(long seed) {
		java.util.Random random = new java.util.Random(seed);
		INDArray x = Nd4j.zeros(DataType.FLOAT, BATCH, VOCABULARY, SEQUENCE);
		for (int b = 0; b < BATCH; b++) {
			for (int t = 0; t < SEQUENCE; t++) {
				x.putScalar(new int[] { b, random.nextInt(VOCABULARY), t }, 1f);
			}
		}
		return x;
	}

	/** Runs {@code task} once to warm up, then {@code runs} times; the median time of one run in ms. */
	private static double medianMillis(int runs, Runnable task) {
		task.run();
		double[] ms = new double[runs];
		for (int i = 0; i < runs; i++) {
			long t0 = System.nanoTime();
			task.run();
			ms[i] = (System.nanoTime() - t0) / 1e6;
		}
		Arrays.sort(ms);
		return ms[runs / 2];
	}
}
