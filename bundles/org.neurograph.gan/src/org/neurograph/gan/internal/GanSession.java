package org.neurograph.gan.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.neurograph.api.Artifact;
import org.neurograph.api.ParameterValues;
import org.neurograph.api.Provenance;
import org.neurograph.api.training.Metric;
import org.neurograph.api.training.TrainingException;
import org.neurograph.api.training.TrainingRequest;
import org.neurograph.api.training.TrainingSession;
import org.neurograph.gan.GanModel;
import org.neurograph.gan.LatentTools;
import org.neurograph.runtime.dl4j.RuntimeUnavailableException;
import org.neurograph.runtime.dl4j.SafeModelSerializer;

/**
 * One DCGAN training. Step {@code k}'s minibatch, flips and noise depend only on the seed and {@code k}, and a
 * checkpoint holds both networks with their Adam state, so a resumed run computes what an uninterrupted one does.
 * Metrics: {@code lossD}, {@code lossG}. Samples: a grid from the same latent vectors every time, and the dataset
 * check with the first samples. Samples and the export come from the moving average of the generator's weights
 * ({@code averageDecay}), which the checkpoint holds too.
 */
final class GanSession implements TrainingSession {
	private static final String MAGIC = "neurograph-dcgan-checkpoint-1";
	private static final long GOLDEN = 0x9E3779B97F4A7C15L;
	private static final String AVERAGE_ENTRY = "generator-average.bin";

	private DcganConfig config;
	private final ImageSet images;
	private final ParameterValues parameters;
	private final Path runDirectory;
	private final long seed;
	private final long total;
	private final int batchSize;
	private final double realLabel;
	private final boolean flip;
	private final double averageDecay;
	private final List<float[]> sampleLatents = new ArrayList<>();
	private Dcgan gan;
	private long step;
	private boolean reported;

	GanSession(TrainingRequest request, DcganConfig config, ImageSet images) {
		this.config = config;
		this.images = images;
		this.parameters = request.parameters();
		this.runDirectory = request.runDirectory();
		this.seed = request.seed();
		this.total = parameters.getInt("steps");
		this.batchSize = parameters.getInt("batchSize");
		this.realLabel = 1 - parameters.getDouble("labelSmoothing");
		this.flip = parameters.getBoolean("flip");
		this.averageDecay = parameters.getDouble("averageDecay");
		for (int i = 0; i < parameters.getInt("sampleCount"); i++) {
			sampleLatents.add(LatentTools.fromSeed(config.latentSize(), seed * 31 + i, 0));
		}
		this.gan = new Dcgan(config, seed);
	}

	@Override
	public long step() {
		return step;
	}

	@Override
	public long totalSteps() {
		return total;
	}

	@Override
	public List<Metric> trainStep() throws TrainingException {
		SplittableRandom random = new SplittableRandom(seed + GOLDEN * (step + 1));
		INDArray real = Nd4j.create(images.batch(batchSize, random, flip),
				new long[] { batchSize, config.channels(), config.size(), config.size() }, 'c');
		INDArray z1 = noise(random.nextLong());
		INDArray z2 = noise(random.nextLong());
		Dcgan.Losses losses = gan.step(real, z1, z2, realLabel);
		step++;
		gan.updateAverage(averageDecay, step);
		if (!Double.isFinite(losses.discriminator()) || !Double.isFinite(losses.generator())) {
			throw new TrainingException("Training diverged at step " + step + " (a loss is not a number). Lower the "
					+ "learning rates and start again from an earlier checkpoint.");
		}
		return List.of(Metric.now(step, "lossD", losses.discriminator()), Metric.now(step, "lossG", losses.generator()));
	}

	private INDArray noise(long noiseSeed) {
		return Nd4j.create(LatentTools.fromSeed(batchSize * config.latentSize(), noiseSeed, 0),
				new long[] { batchSize, config.latentSize() }, 'c');
	}

	@Override
	public List<Artifact> samples() {
		Provenance provenance = new Provenance(GanTrainer.ID, GanTrainer.INFO.version(), null, null,
				parameters.asStrings(), seed, null, List.of(), Instant.now());
		List<BufferedImage> tiles = sampleModel().render(sampleLatents);
		int columns = (int) Math.ceil(Math.sqrt(tiles.size()));
		List<Artifact> out = new ArrayList<>();
		out.add(Artifact.png("samples-" + step, Images.png(Images.grid(tiles, columns)), provenance));
		if (!reported) {
			reported = true;
			out.add(Artifact.text("dataset-check", images.report().toText(), provenance));
		}
		return out;
	}

	/** The generator as it is now, for sampling (normalisation layers in inference mode). */
	GanModel sampleModel() {
		return GanModel.of(gan.exportGenerator(), config.size(), config.channels(), config.latentSize());
	}

	@Override
	public void saveCheckpoint(Path file) throws IOException {
		try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
			Properties state = config.toProperties();
			state.setProperty("magic", MAGIC);
			state.setProperty("step", Long.toString(step));
			zip.putNextEntry(new ZipEntry("state.properties"));
			ByteArrayOutputStream text = new ByteArrayOutputStream();
			state.store(text, null);
			zip.write(text.toByteArray());
			zip.closeEntry();
			entry(zip, "discriminator.zip", gan.discriminator());
			entry(zip, "stacked.zip", gan.stacked());
			if (gan.average() != null) {
				ByteArrayOutputStream bytes = new ByteArrayOutputStream();
				Nd4j.write(gan.average(), new DataOutputStream(bytes));
				zip.putNextEntry(new ZipEntry(AVERAGE_ENTRY));
				zip.write(bytes.toByteArray());
				zip.closeEntry();
			}
		}
	}

	private static void entry(ZipOutputStream zip, String name, MultiLayerNetwork net) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		ModelSerializer.writeModel(net, bytes, true);
		zip.putNextEntry(new ZipEntry(name));
		zip.write(bytes.toByteArray());
		zip.closeEntry();
	}

	void restore(Path checkpoint) throws TrainingException {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (InputStream in = Files.newInputStream(checkpoint); ZipInputStream zip = new ZipInputStream(in)) {
			for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
				entries.put(e.getName(), zip.readAllBytes());
			}
		} catch (IOException e) {
			throw new TrainingException("The checkpoint " + checkpoint.getFileName() + " cannot be read: "
					+ e.getMessage(), e);
		}
		Properties state = new Properties();
		try {
			byte[] text = entries.get("state.properties");
			if (text == null) {
				throw new IOException("no state");
			}
			state.load(new ByteArrayInputStream(text));
		} catch (IOException e) {
			throw new TrainingException("The checkpoint " + checkpoint.getFileName() + " is not a GAN checkpoint.");
		}
		DcganConfig saved = configOf(state);
		if (saved != null && !state.containsKey("normalisedDiscriminator")) {
			// written before the discriminator could be normalised: it was plain, whatever today's default says
			saved = withNormalisedDiscriminator(saved, false);
			if (saved.equals(withNormalisedDiscriminator(config, false))) {
				config = saved;
			}
		}
		if (!MAGIC.equals(state.getProperty("magic")) || !config.equals(saved)) {
			throw new TrainingException("The checkpoint " + checkpoint.getFileName() + " was written by a GAN with "
					+ "other settings; resume with the settings of its run.");
		}
		MultiLayerNetwork d = restoreNetwork(entries.get("discriminator.zip"), checkpoint);
		MultiLayerNetwork s = restoreNetwork(entries.get("stacked.zip"), checkpoint);
		gan = new Dcgan(config, d, s);
		byte[] average = entries.get(AVERAGE_ENTRY);
		if (average != null) {
			try {
				gan.setAverage(Nd4j.read(new DataInputStream(new ByteArrayInputStream(average))));
			} catch (RuntimeException e) {
				throw new TrainingException("The checkpoint " + checkpoint.getFileName() + " holds a damaged "
						+ "averaged generator: " + e.getMessage(), e);
			}
		}
		step = Long.parseLong(state.getProperty("step"));
	}

	private static DcganConfig withNormalisedDiscriminator(DcganConfig c, boolean normalised) {
		return new DcganConfig(c.size(), c.channels(), c.latentSize(), c.filters(), c.learningRateG(),
				c.learningRateD(), c.beta1(), normalised);
	}

	private static DcganConfig configOf(Properties state) {
		try {
			return DcganConfig.fromProperties(state);
		} catch (IllegalArgumentException e) {
			return null;
		}
	}

	private MultiLayerNetwork restoreNetwork(byte[] bytes, Path checkpoint) throws TrainingException {
		if (bytes == null) {
			throw new TrainingException("The checkpoint " + checkpoint.getFileName() + " is incomplete.");
		}
		Path tmp = null;
		try {
			tmp = Files.createTempFile(runDirectory, ".restore", ".zip");
			Files.write(tmp, bytes);
			return SafeModelSerializer.standard().restoreMultiLayerNetwork(tmp, true);
		} catch (IOException | RuntimeUnavailableException e) {
			throw new TrainingException("The checkpoint " + checkpoint.getFileName() + " cannot be loaded: "
					+ e.getMessage(), e);
		} finally {
			if (tmp != null) {
				try {
					Files.deleteIfExists(tmp);
				} catch (IOException e) {
					// a stray hidden temporary file in the run folder is harmless
				}
			}
		}
	}

	@Override
	public void exportModel(Path directory) throws IOException {
		MultiLayerNetwork generator = gan.exportGenerator();
		Path generatorFile = directory.resolve(GanModel.GENERATOR_FILE);
		try {
			SafeModelSerializer.writeModel(generator, generatorFile, false);
		} catch (RuntimeUnavailableException e) {
			throw new IOException(e.getMessage(), e);
		}
		// the same generator as an ONNX graph, for inference on ONNX Runtime; it records the hash of generator.zip,
		// so a graph left from another export is recognised and made again on load
		GeneratorOnnx.write(directory.resolve(GanModel.ONNX_FILE), generator, config, generatorFile);
		ByteArrayOutputStream text = new ByteArrayOutputStream();
		config.toProperties().store(text, "Neurograph DCGAN generator settings");
		Path target = directory.resolve(GanModel.SETTINGS_FILE);
		Path tmp = Files.createTempFile(directory, ".gan", ".tmp");
		Files.write(tmp, text.toByteArray());
		Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
	}

	@Override
	public Map<String, String> architecture() {
		Map<String, String> a = new LinkedHashMap<>();
		a.put("model", "DCGAN (DL4J)");
		a.putAll(config.toMap());
		long[] counts = gan.parameterCounts();
		a.put("generatorParameters", Long.toString(counts[0]));
		a.put("discriminatorParameters", Long.toString(counts[1]));
		a.put("trainingImages", Integer.toString(images.count()));
		return a;
	}

	@Override
	public void close() {
		gan = null;
	}
}
