package org.neurograph.gan.internal;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.eclipse.core.runtime.preferences.ConfigurationScope;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.neurograph.api.Progress;
import org.neurograph.api.bench.Benchmark;
import org.neurograph.gan.GanModel;
import org.neurograph.gan.GanModel.Engine;
import org.neurograph.gan.LatentTools;
import org.neurograph.runtime.dl4j.Dl4jRuntime;
import org.neurograph.runtime.dl4j.RuntimeInfo;
import org.neurograph.runtime.onnx.OnnxPreferences;
import org.osgi.service.component.annotations.Component;

/**
 * {@code bench gan}: DCGAN training images/s (real images per second; each step also makes and scores as many
 * fakes and updates the generator on as many) at 28x28 and 32x32 grey and 64x64 colour, batch 64, with the trainer's
 * default normalised discriminator, and on the 28x28 GAN of the peer figures in {@code shared/notes/performance.md}
 * (plain discriminator) with its batch of 32; generation images/s on DL4J and on ONNX Runtime (the generator exported as
 * an ONNX graph), network alone and including conversion to images; each at 1 and 2 threads (ND4J threads for DL4J,
 * intra-op threads for ONNX Runtime). Medians of warm runs. Prints the load average first: on a shared machine the
 * figures move with it.
 */
@Component(service = Benchmark.class)
public final class GanBenchmark implements Benchmark {
	private static final int BATCH = 64;
	/**
	 * The 28x28 grey GAN the peer figures in {@code shared/notes/performance.md} were measured on (PyTorch and a plain
	 * DL4J program): the trainer's 28x28 DCGAN with filters 32, G = Dense(100 -> 7x7x64) + BN + ReLU, Deconv 32 + BN
	 * + ReLU, Deconv 1 tanh; D = Conv 32, Conv 64 (LeakyReLU 0.2), Dense sigmoid; one step trains D on 32 real and
	 * 32 fake images and G on 32.
	 */
	static final DcganConfig PEER = new DcganConfig(28, 1, 100, 32, 2e-4, 2e-4, 0.5);
	private static final int PEER_HALF_BATCH = 32;

	private final List<DcganConfig> configs;
	private final boolean peer;
	private final int trainingRuns;

	/** The benchmark {@code bench gan} runs. */
	public GanBenchmark() {
		this(List.of(new DcganConfig(28, 1, 100, 32, 2e-4, 2e-4, 0.5, true),
				new DcganConfig(32, 1, 100, 32, 2e-4, 2e-4, 0.5, true),
				new DcganConfig(64, 3, 100, 64, 2e-4, 2e-4, 0.5, true)), true, 5);
	}

	/**
	 * A benchmark of other networks (tests use small ones): {@code configs} for training and generation,
	 * {@code peer} for the 28x28 peer GAN, {@code trainingRuns} timed training steps per figure (at least 1).
	 */
	public GanBenchmark(List<DcganConfig> configs, boolean peer, int trainingRuns) {
		this.configs = List.copyOf(configs);
		this.peer = peer;
		this.trainingRuns = Math.max(1, trainingRuns);
	}

	@Override
	public String name() {
		return "gan";
	}

	@Override
	public String description() {
		return "DCGAN training (28x28 peer GAN, 28x28 and 32x32 grey, 64x64 colour) and generation on DL4J and ONNX Runtime "
				+ "(images/s), 1 and 2 threads.";
	}

	@Override
	public void run(PrintStream out, Progress progress) throws Exception {
		RuntimeInfo info = Dl4jRuntime.start();
		out.printf("DCGAN, batch %d, %d CPUs, load average %.1f%n", BATCH, Runtime.getRuntime().availableProcessors(),
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		OnnxThreads onnxThreads = new OnnxThreads();
		try {
			if (peer) {
				for (int threads = 1; threads <= 2; threads++) {
					if (progress.isCancelled()) {
						return;
					}
					setThreads(threads);
					trainPeer(out, threads);
				}
			}
			for (DcganConfig c : configs) {
				for (int threads = 1; threads <= 2; threads++) {
					if (progress.isCancelled()) {
						return;
					}
					setThreads(threads);
					onnxThreads.set(threads);
					train(out, c, threads, c.size() < 64 ? trainingRuns : Math.max(1, trainingRuns - 2));
					generate(out, c, threads);
				}
			}
		} finally {
			setThreads(info.threads());
			onnxThreads.restore();
		}
	}

	private void train(PrintStream out, DcganConfig c, int threads, int runs) {
		Dcgan gan = new Dcgan(c, 1);
		INDArray real = randomImages(BATCH, c.channels(), c.size());
		INDArray z = Nd4j.create(LatentTools.fromSeed(BATCH * c.latentSize(), 3, 0), new long[] { BATCH, c.latentSize() },
				'c');
		double ms = median(runs, () -> gan.step(real, z, z, 0.9));
		out.printf("training %dx%dx%d (filters %d%s), %d thread%s: %.1f img/s (%.0f ms/step)%n", c.size(), c.size(),
				c.channels(), c.filters(), c.normalisedDiscriminator() ? ", normalised discriminator" : "", threads,
				plural(threads), BATCH * 1000 / ms, ms);
	}

	private void trainPeer(PrintStream out, int threads) {
		Dcgan gan = new Dcgan(PEER, 1);
		int n = PEER_HALF_BATCH;
		INDArray real = randomImages(n, 1, PEER.size());
		INDArray z1 = Nd4j.create(LatentTools.fromSeed(n * PEER.latentSize(), 4, 0),
				new long[] { n, PEER.latentSize() }, 'c');
		INDArray z2 = Nd4j.create(LatentTools.fromSeed(n * PEER.latentSize(), 5, 0),
				new long[] { n, PEER.latentSize() }, 'c');
		double ms = median(Math.max(trainingRuns, 5), () -> gan.step(real, z1, z2, 1));
		out.printf("training 28x28x1 peer GAN (D on %d real + %d fake, G on %d), %d thread%s: %.1f img/s "
				+ "(%.1f it/s, %.0f ms/step)%n", n, n, n, threads, plural(threads), n * 1000 / ms, 1000 / ms, ms);
	}

	private static void generate(PrintStream out, DcganConfig c, int threads) {
		GanModel model = GanModel.of(new Dcgan(c, 1).exportGenerator(), c.size(), c.channels(), c.latentSize());
		List<float[]> latents = new ArrayList<>();
		for (int i = 0; i < BATCH; i++) {
			latents.add(LatentTools.fromSeed(c.latentSize(), i, 0));
		}
		for (Engine engine : List.of(Engine.DL4J, Engine.ONNX)) {
			double network = median(9, () -> model.pixels(latents, engine));
			double images = median(5, () -> model.render(latents, engine));
			out.printf("generation %dx%dx%d on %s, %d thread%s: %.0f img/s network alone, %.0f img/s with conversion "
					+ "to images (batch %d)%n", c.size(), c.size(), c.channels(), engine == Engine.DL4J ? "DL4J"
							: "ONNX Runtime", threads, plural(threads), BATCH * 1000 / network, BATCH * 1000 / images,
					BATCH);
		}
	}

	private static INDArray randomImages(int n, int channels, int size) {
		SplittableRandom random = new SplittableRandom(7);
		float[] pixels = new float[n * channels * size * size];
		for (int i = 0; i < pixels.length; i++) {
			pixels[i] = (float) random.nextDouble(-1, 1);
		}
		return Nd4j.create(pixels, new long[] { n, channels, size, size }, 'c');
	}

	private static String plural(int threads) {
		return threads == 1 ? "" : "s";
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

	/**
	 * ONNX Runtime's intra-op threads, set through its preference for the benchmark's models (in the instance scope,
	 * or the configuration scope when there is no workspace) and put back as they were afterwards; not saved.
	 */
	private static final class OnnxThreads {
		private IEclipsePreferences node;
		private String before;

		void set(int threads) {
			if (node == null) {
				try {
					node = InstanceScope.INSTANCE.getNode(OnnxPreferences.QUALIFIER);
					before = node.get(OnnxPreferences.INTRA_OP_THREADS, null);
				} catch (IllegalStateException noWorkspace) {
					node = ConfigurationScope.INSTANCE.getNode(OnnxPreferences.QUALIFIER);
					before = node.get(OnnxPreferences.INTRA_OP_THREADS, null);
				}
			}
			node.putInt(OnnxPreferences.INTRA_OP_THREADS, threads);
		}

		void restore() {
			if (node == null) {
				return;
			}
			if (before == null) {
				node.remove(OnnxPreferences.INTRA_OP_THREADS);
			} else {
				node.put(OnnxPreferences.INTRA_OP_THREADS, before);
			}
		}
	}
}
