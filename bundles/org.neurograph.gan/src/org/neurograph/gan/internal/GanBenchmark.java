package org.neurograph.gan.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.neurograph.api.Progress;
import org.neurograph.api.bench.Benchmark;
import org.neurograph.gan.GanModel;
import org.neurograph.gan.LatentTools;
import org.neurograph.runtime.dl4j.Dl4jRuntime;
import org.neurograph.runtime.dl4j.RuntimeInfo;
import org.osgi.service.component.annotations.Component;

/**
 * {@code bench gan}: DCGAN training images/s (real images per second; each step also makes and scores as many
 * fakes and updates the generator on as many) at 32x32 grey and 64x64 colour, and generation images/s, at 1 and 2
 * ND4J threads. Medians of warm runs.
 */
@Component(service = Benchmark.class)
public final class GanBenchmark implements Benchmark {
	private static final int BATCH = 64;

	@Override
	public String name() {
		return "gan";
	}

	@Override
	public String description() {
		return "DCGAN training and generation speed (images/s) at 32x32 grey and 64x64 colour, 1 and 2 threads.";
	}

	@Override
	public void run(PrintStream out, Progress progress) throws Exception {
		RuntimeInfo info = Dl4jRuntime.start();
		out.printf("DCGAN (DL4J), batch %d, %d CPUs%n", BATCH, Runtime.getRuntime().availableProcessors());
		DcganConfig[] configs = { new DcganConfig(32, 1, 100, 32, 2e-4, 2e-4, 0.5),
				new DcganConfig(64, 3, 100, 64, 2e-4, 2e-4, 0.5) };
		try {
			for (DcganConfig c : configs) {
				for (int threads = 1; threads <= 2; threads++) {
					if (progress.isCancelled()) {
						return;
					}
					setThreads(threads);
					train(out, c, threads, c.size() == 32 ? 5 : 3);
					generate(out, c, threads);
				}
			}
		} finally {
			setThreads(info.threads());
		}
	}

	private static void train(PrintStream out, DcganConfig c, int threads, int runs) {
		Dcgan gan = new Dcgan(c, 1);
		SplittableRandom random = new SplittableRandom(7);
		long[] shape = { BATCH, c.channels(), c.size(), c.size() };
		float[] pixels = new float[BATCH * c.channels() * c.size() * c.size()];
		for (int i = 0; i < pixels.length; i++) {
			pixels[i] = (float) random.nextDouble(-1, 1);
		}
		INDArray real = Nd4j.create(pixels, shape, 'c');
		INDArray z = Nd4j.create(LatentTools.fromSeed(BATCH * c.latentSize(), 3, 0), new long[] { BATCH, c.latentSize() },
				'c');
		double ms = median(runs, () -> gan.step(real, z, z, 0.9));
		out.printf("training %dx%dx%d (filters %d), %d thread%s: %.1f img/s (%.0f ms/step)%n", c.size(), c.size(),
				c.channels(), c.filters(), threads, threads == 1 ? "" : "s", BATCH * 1000 / ms, ms);
	}

	private static void generate(PrintStream out, DcganConfig c, int threads) {
		GanModel model = GanModel.of(new Dcgan(c, 1).exportGenerator(), c.size(), c.channels(), c.latentSize());
		List<float[]> latents = new ArrayList<>();
		for (int i = 0; i < BATCH; i++) {
			latents.add(LatentTools.fromSeed(c.latentSize(), i, 0));
		}
		double ms = median(5, () -> model.render(latents));
		out.printf("generation %dx%dx%d, %d thread%s: %.0f img/s (batch %d, including conversion to images)%n",
				c.size(), c.size(), c.channels(), threads, threads == 1 ? "" : "s", BATCH * 1000 / ms, BATCH);
	}

	private static double median(int runs, Runnable work) {
		work.run(); // warm-up
		work.run();
		double[] ms = new double[runs];
		for (int i = 0; i < runs; i++) {
			long t0 = System.nanoTime();
			work.run();
			ms[i] = (System.nanoTime() - t0) / 1e6;
		}
		Arrays.sort(ms);
		return ms[runs / 2];
	}

	private static void setThreads(int threads) {
		Nd4j.getEnvironment().setMaxThreads(threads);
		Nd4j.getEnvironment().setMaxMasterThreads(threads);
		Nd4j.factory().blas().setMaxThreads(threads);
	}
}
