package org.neurograph.gan.internal;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

import org.nd4j.linalg.factory.Nd4j;
import org.neurograph.api.Progress;
import org.neurograph.api.bench.Benchmark;
import org.neurograph.gan.GanModel;
import org.neurograph.gan.LatentDirections;
import org.neurograph.gan.LatentPlane;
import org.neurograph.gan.LatentTools;
import org.neurograph.runtime.dl4j.Dl4jRuntime;
import org.neurograph.runtime.dl4j.RuntimeInfo;
import org.osgi.service.component.annotations.Component;

/**
 * {@code bench gan-explorer}: how long the latent explorer waits for a grid. A 5x5 grid of a latent plane rendered
 * as one batch (milliseconds per grid, including conversion to images), at 32x32 grey and 64x64 colour, 1 and 2
 * ND4J threads, and the time to find the principal directions from 256 samples. Medians of warm runs.
 */
@Component(service = Benchmark.class)
public final class ExplorerBenchmark implements Benchmark {
	private static final int GRID = 5;

	@Override
	public String name() {
		return "gan-explorer";
	}

	@Override
	public String description() {
		return "Latent explorer: ms per 5x5 grid (one batch) at 32x32 grey and 64x64 colour, 1 and 2 threads; PCA directions.";
	}

	@Override
	public void run(PrintStream out, Progress progress) throws Exception {
		RuntimeInfo info = Dl4jRuntime.start();
		out.printf("Latent explorer grid %dx%d (DL4J), %d CPUs%n", GRID, GRID, Runtime.getRuntime().availableProcessors());
		DcganConfig[] configs = { new DcganConfig(32, 1, 100, 32, 2e-4, 2e-4, 0.5),
				new DcganConfig(64, 3, 100, 64, 2e-4, 2e-4, 0.5) };
		try {
			for (DcganConfig c : configs) {
				GanModel model = GanModel.of(new Dcgan(c, 1).exportGenerator(), c.size(), c.channels(), c.latentSize());
				LatentPlane plane = LatentPlane.random(LatentTools.fromSeed(c.latentSize(), 1, 0), 2);
				for (int threads = 1; threads <= 2; threads++) {
					if (progress.isCancelled()) {
						return;
					}
					setThreads(threads);
					double[] position = { 0 };
					double ms = median(7, () -> {
						position[0] += 0.25; // every grid is a new one, as when the user moves
						List<float[]> grid = plane.grid(position[0], 0, 0.5, GRID);
						model.render(grid);
					});
					out.printf("grid %dx%dx%d (filters %d), %d thread%s: %.0f ms per %dx%d grid (%.0f img/s)%n", c.size(),
							c.size(), c.channels(), c.filters(), threads, threads == 1 ? "" : "s", ms, GRID, GRID,
							GRID * GRID * 1000 / ms);
				}
				setThreads(info.threads());
				double pca = median(3, () -> LatentDirections.principal(model, 256, 7, 2));
				out.printf("principal directions %dx%dx%d from 256 samples: %.0f ms%n", c.size(), c.size(), c.channels(),
						pca);
			}
		} finally {
			setThreads(info.threads());
		}
	}

	private static double median(int runs, Runnable work) {
		work.run(); // warm-up
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
