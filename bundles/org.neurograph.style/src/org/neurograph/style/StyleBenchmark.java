package org.neurograph.style;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.neurograph.api.CancelledException;
import org.neurograph.api.Progress;
import org.neurograph.api.bench.Benchmark;
import org.neurograph.runtime.dl4j.Dl4jRuntime;
import org.neurograph.runtime.onnx.OnnxRuntime;
import org.neurograph.style.internal.Checkpoint;
import org.neurograph.style.internal.JohnsonNetwork;
import org.neurograph.style.internal.NormSplitter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code bench style}: milliseconds per 512x512 and 1024x1024 image for the Johnson fast style network (random
 * weights: the same operations as a real style) in ONNX Runtime, untiled and in 512-pixel tiles, the network alone
 * in DL4J's SameDiff for comparison (the reason style models run in ONNX Runtime), and Gatys
 * iterations per second at 256x256 with the built-in feature network on DL4J. Medians of warm runs.
 */
@Component(service = Benchmark.class)
public class StyleBenchmark implements Benchmark {

	private static final int ROUNDS = 5;
	private static final int GATYS_ITERATIONS = 10;

	@Reference
	private OnnxRuntime onnx;

	@Override
	public String name() {
		return "style";
	}

	@Override
	public String description() {
		return "Fast style transfer (ms per 512x512 and 1024x1024 image, ONNX Runtime) and Gatys iterations per "
				+ "second at 256x256 (DL4J)";
	}

	@Override
	public void run(PrintStream out, Progress progress) throws Exception {
		// the bench's model is written with plain writes into a private temporary folder that is deleted afterwards
		Path folder = Files.createTempDirectory("neurograph-style-bench");
		try {
			byte[] network = JohnsonNetwork.toOnnx(Checkpoint.random(1));
			Files.write(folder.resolve(StyleModel.MODEL_FILE), network);
			NormSplitter.Split split = NormSplitter.split(network).orElseThrow();
			Files.write(folder.resolve(StyleModel.STATISTICS_FILE), split.statistics());
			Files.write(folder.resolve(StyleModel.TILES_FILE), split.tiles());
			StyleModel model = StyleModel.open(onnx, folder);
			Stylizer stylizer = new Stylizer(model);
			out.println("fast style (Johnson network, " + Runtime.getRuntime().availableProcessors()
					+ " processors, ONNX Runtime)");
			for (int size : new int[] { 512, 1024 }) {
				BufferedImage image = noise(size);
				double alone = median(() -> model.run(planar(image), size, size), progress);
				out.printf("  %dx%d network alone: %.0f ms (median of %d)%n", size, size, alone, ROUNDS);
				double whole = median(() -> stylizer.apply(image, StyleOptions.DEFAULT.withTiles(1024, 64), progress),
						progress);
				out.printf("  %dx%d image in, image out: %.0f ms%n", size, size, whole);
				if (size > 512) {
					double tiled = median(() -> stylizer.apply(image, StyleOptions.DEFAULT, progress), progress);
					out.printf("  %dx%d in %d tiles of 512 (shared statistics): %.0f ms%n", size, size,
							stylizer.tileCount(size, size, StyleOptions.DEFAULT), tiled);
				}
			}
			onnx.remove(folder);
			dl4j(out, progress);
			gatys(out, progress);
		} finally {
			onnx.remove(folder);
			try (Stream<Path> files = Files.walk(folder)) {
				for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(p);
				}
			}
		}
	}

	/** The same network in DL4J's SameDiff, for comparison (one thread: the runtime's setting). */
	private static void dl4j(PrintStream out, Progress progress) throws Exception {
		Dl4jRuntime.start();
		int size = 512;
		SameDiff sd = JohnsonNetwork.toSameDiff(Checkpoint.random(1), size, size);
		INDArray image = Nd4j.create(planar(noise(size)), new long[] { 1, 3, size, size }, 'c');
		double ms = median(() -> sd.output(Map.of(JohnsonNetwork.INPUT, image), JohnsonNetwork.OUTPUT), progress);
		out.printf("  %dx%d network alone in DL4J SameDiff (for comparison): %.0f ms%n", size, size, ms);
	}

	private static void gatys(PrintStream out, Progress progress) throws Exception {
		BufferedImage content = noise(256);
		BufferedImage style = noise(256);
		GatysTransfer transfer = new GatysTransfer(new RandomFeatureNetwork());
		GatysTransfer.Settings warmUp = GatysTransfer.Settings.DEFAULT.withIterations(2);
		transfer.run(content, style, warmUp, (i, loss, image) -> { }, progress);
		GatysTransfer.Settings settings = new GatysTransfer.Settings(GATYS_ITERATIONS, 1, 10, 0.5, 4, 0);
		long start = System.nanoTime();
		transfer.run(content, style, settings, (i, loss, image) -> { }, progress);
		double seconds = (System.nanoTime() - start) / 1e9;
		out.printf("Gatys, 256x256, built-in features (DL4J SameDiff): %.2f iterations/s (%d iterations, %.1f s, "
				+ "including building the graph)%n", GATYS_ITERATIONS / seconds, GATYS_ITERATIONS, seconds);
	}

	@FunctionalInterface
	private interface Work {
		void run() throws Exception;
	}

	private static double median(Work work, Progress progress) throws Exception {
		work.run();
		double[] ms = new double[ROUNDS];
		for (int i = 0; i < ROUNDS; i++) {
			if (progress.isCancelled()) {
				throw new CancelledException();
			}
			long start = System.nanoTime();
			work.run();
			ms[i] = (System.nanoTime() - start) / 1e6;
		}
		Arrays.sort(ms);
		return ms[ROUNDS / 2];
	}

	private static BufferedImage noise(int size) {
		BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
		java.util.Random random = new java.util.Random(size);
		for (int y = 0; y < size; y++) {
			for (int x = 0; x < size; x++) {
				image.setRGB(x, y, random.nextInt(1 << 24));
			}
		}
		return image;
	}

	private static float[] planar(BufferedImage image) {
		int w = image.getWidth();
		int plane = w * image.getHeight();
		float[] rgb = new float[3 * plane];
		for (int i = 0; i < plane; i++) {
			int p = image.getRGB(i % w, i / w);
			rgb[i] = p >> 16 & 0xff;
			rgb[plane + i] = p >> 8 & 0xff;
			rgb[2 * plane + i] = p & 0xff;
		}
		return rgb;
	}
}
