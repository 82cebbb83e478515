package org.neurograph.gan;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.neurograph.gan.internal.DcganConfig;
import org.neurograph.gan.internal.Images;
import org.neurograph.runtime.dl4j.RuntimeUnavailableException;
import org.neurograph.runtime.dl4j.SafeModelSerializer;

/**
 * A trained GAN generator loaded from a model folder ({@value #GENERATOR_FILE} and {@value #SETTINGS_FILE}, as the
 * GAN trainer exports them): turns latent vectors into images. Rendering is deterministic: the same latent vector
 * gives the same pixels. Thread-safe (renders one batch at a time).
 */
public final class GanModel {
	/** The DL4J generator network in a model folder. */
	public static final String GENERATOR_FILE = "generator.zip";
	/** The GAN's settings (image size, channels, latent size) in a model folder. */
	public static final String SETTINGS_FILE = "gan.properties";
	private static final int BATCH = 64;

	private final DcganConfig config;
	private final MultiLayerNetwork generator;

	private GanModel(DcganConfig config, MultiLayerNetwork generator) {
		this.config = config;
		this.generator = generator;
	}

	/** Loads the model in {@code folder}; the message of the exception says what is missing or wrong. */
	public static GanModel load(Path folder) throws IOException, RuntimeUnavailableException {
		Properties p = new Properties();
		try (InputStream in = Files.newInputStream(folder.resolve(SETTINGS_FILE))) {
			p.load(in);
		} catch (NoSuchFileException e) {
			throw new IOException("The model folder " + folder + " holds no " + SETTINGS_FILE
					+ ": it is not a GAN model. Choose a model trained by the image GAN trainer.", e);
		}
		DcganConfig config;
		try {
			config = DcganConfig.fromProperties(p);
		} catch (IllegalArgumentException e) {
			throw new IOException("The model's " + SETTINGS_FILE + " is damaged: " + e.getMessage() + ".", e);
		}
		MultiLayerNetwork net = SafeModelSerializer.standard().restoreMultiLayerNetwork(folder.resolve(GENERATOR_FILE),
				false);
		return new GanModel(config, net);
	}

	/** Wraps a generator network in memory (e.g. during training). */
	public static GanModel of(MultiLayerNetwork generator, int size, int channels, int latentSize) {
		return new GanModel(new DcganConfig(size, channels, latentSize, 1, 0, 0, 0), generator);
	}

	public int latentSize() {
		return config.latentSize();
	}

	/** Width and height of the images it makes. */
	public int imageSize() {
		return config.size();
	}

	/** 1 for grey, 3 for colour. */
	public int channels() {
		return config.channels();
	}

	/** The image of each latent vector, in order. */
	public List<BufferedImage> render(List<float[]> latents) {
		List<BufferedImage> out = new ArrayList<>(latents.size());
		for (int from = 0; from < latents.size(); from += BATCH) {
			List<float[]> part = latents.subList(from, Math.min(latents.size(), from + BATCH));
			float[] flat = new float[part.size() * config.latentSize()];
			for (int i = 0; i < part.size(); i++) {
				float[] z = part.get(i);
				if (z.length != config.latentSize()) {
					throw new IllegalArgumentException("a latent vector has " + z.length + " values; this model takes "
							+ config.latentSize());
				}
				System.arraycopy(z, 0, flat, i * z.length, z.length);
			}
			float[] pixels = output(Nd4j.create(flat, new long[] { part.size(), config.latentSize() }, 'c'));
			int per = config.channels() * config.size() * config.size();
			for (int i = 0; i < part.size(); i++) {
				out.add(Images.fromPlanes(pixels, i * per, config.channels(), config.size()));
			}
		}
		return out;
	}

	/** The image of one latent vector. */
	public BufferedImage render(float[] latent) {
		return render(List.of(latent)).get(0);
	}

	private synchronized float[] output(INDArray z) {
		return generator.output(z.castTo(DataType.FLOAT), false).dup('c').data().asFloat();
	}

	/** The DL4J generator network (for export to other runtimes). */
	public MultiLayerNetwork network() {
		return generator;
	}
}
