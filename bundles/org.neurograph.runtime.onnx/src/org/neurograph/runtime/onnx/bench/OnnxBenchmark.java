package org.neurograph.runtime.onnx.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;

import org.neurograph.runtime.onnx.FloatTensor;
import org.neurograph.runtime.onnx.OnnxException;
import org.neurograph.runtime.onnx.internal.ModelFileCheck;
import org.neurograph.runtime.onnx.internal.ModelFileCheck.CheckedModel;
import org.neurograph.runtime.onnx.internal.OrtEnvironments;
import org.neurograph.runtime.onnx.internal.OrtModel;

import ai.onnxruntime.OrtEnvironment;

/**
 * The ONNX runtime's benchmark (run by {@code bench runtimes}): ONNX Runtime's start-up, the check and session
 * creation of a small convolutional network built in code, and its inference on a 256x256 image with 1 and 2
 * intra-op threads. Times are medians of warm runs.
 */
public final class OnnxBenchmark {

	private static final int SIZE = 256;
	private static final int SESSION_RUNS = 9;
	private static final int INFERENCE_RUNS = 31;

	private OnnxBenchmark() {
	}

	/** Runs the benchmark and prints one line per figure to {@code out}. */
	public static void run(PrintStream out) {
		Path dir = null;
		try {
			dir = Files.createTempDirectory("neurograph-onnx-bench");
			Path file = Files.write(dir.resolve("convnet.onnx"), ConvNetModel.build(SIZE, 1));
			boolean first = OrtEnvironments.startTime() == null;
			OrtEnvironment environment = OrtEnvironments.get();
			out.printf("ONNX Runtime %s on %d CPUs%n", environment.getVersion(),
					Runtime.getRuntime().availableProcessors());
			out.printf("ONNX Runtime start-up: %d ms%s%n", OrtEnvironments.startTime().toMillis(),
					first ? "" : " (started earlier in this process)");
			double[] check = new double[SESSION_RUNS];
			double[] session = new double[SESSION_RUNS];
			for (int i = 0; i < SESSION_RUNS; i++) {
				long t0 = System.nanoTime();
				CheckedModel checked = ModelFileCheck.check(file, Long.MAX_VALUE);
				long t1 = System.nanoTime();
				OrtModel.open(environment, file, checked, 1).close();
				check[i] = (t1 - t0) / 1e6;
				session[i] = (System.nanoTime() - t1) / 1e6;
			}
			out.printf("model check: %.2f ms, session creation: %.2f ms (%d-byte conv net)%n", median(check),
					median(session), Files.size(file));
			for (int threads = 1; threads <= 2; threads++) {
				double ms = inferenceMillis(environment, file, threads);
				out.printf("conv net 1x3x%dx%d inference, %d intra-op thread%s: %.2f ms (%.1f GFLOP/s)%n", SIZE, SIZE,
						threads, threads == 1 ? "" : "s", ms, ConvNetModel.flops(SIZE) / (ms * 1e6));
			}
		} catch (IOException | OnnxException e) {
			out.println("ONNX: " + e.getMessage());
		} finally {
			delete(dir);
		}
	}

	private static double inferenceMillis(OrtEnvironment environment, Path file, int threads)
			throws OnnxException {
		OrtModel model = OrtModel.open(environment, file, ModelFileCheck.check(file, Long.MAX_VALUE), threads);
		try {
			FloatTensor x = FloatTensor.allocate(1, 3, SIZE, SIZE);
			FloatBuffer data = x.data();
			Random random = new Random(2);
			while (data.hasRemaining()) {
				data.put(random.nextFloat());
			}
			Map<String, FloatTensor> inputs = Map.of("x", x);
			for (int i = 0; i < 5; i++) {
				model.run(inputs);
			}
			double[] ms = new double[INFERENCE_RUNS];
			for (int i = 0; i < INFERENCE_RUNS; i++) {
				long t0 = System.nanoTime();
				model.run(inputs);
				ms[i] = (System.nanoTime() - t0) / 1e6;
			}
			return median(ms);
		} finally {
			model.close();
		}
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	private static void delete(Path dir) {
		if (dir == null) {
			return;
		}
		try (var files = Files.list(dir)) {
			for (Path f : (Iterable<Path>) files::iterator) {
				Files.deleteIfExists(f);
			}
			Files.deleteIfExists(dir);
		} catch (IOException e) {
			// a temporary folder left behind is harmless
		}
	}
}
