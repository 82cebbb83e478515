package org.neurograph.gan.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The shape and optimiser settings of a DCGAN: image size (28, 32 or 64; 28 is MNIST's own size, built up from 7x7
 * instead of 4x4), channels (1 grey, 3 colour), latent size, the
 * filter count of the widest layer's neighbour ({@code filters}), learning rates and Adam's beta1, and whether the
 * discriminator has batch normalisation (after every convolution but the first, as in Radford et al.; settings written
 * before that choice existed have none).
 */
public record DcganConfig(int size, int channels, int latentSize, int filters, double learningRateG,
		double learningRateD, double beta1, boolean normalisedDiscriminator) {

	/** Settings with a discriminator without batch normalisation. */
	public DcganConfig(int size, int channels, int latentSize, int filters, double learningRateG, double learningRateD,
			double beta1) {
		this(size, channels, latentSize, filters, learningRateG, learningRateD, beta1, false);
	}

	public DcganConfig {
		if (size != 28 && size != 32 && size != 64) {
			throw new IllegalArgumentException("The image size must be 28, 32 or 64, not " + size + ".");
		}
		if (channels != 1 && channels != 3) {
			throw new IllegalArgumentException("Images are grey (1 channel) or colour (3), not " + channels + ".");
		}
		if (latentSize < 2 || filters < 1) {
			throw new IllegalArgumentException("latent size and filters must be positive");
		}
	}

	/** The side of the generator's first block: 7 for 28x28 images, else 4. */
	public int baseSize() {
		return size == 28 ? 7 : 4;
	}

	/** Transposed-convolution steps (each doubling the side) from {@link #baseSize()} to the image size. */
	public int upsamplings() {
		return Integer.numberOfTrailingZeros(size / baseSize());
	}

	/** Writes the settings as properties (the model folder's {@code gan.properties}). */
	public Properties toProperties() {
		Properties p = new Properties();
		toMap().forEach(p::setProperty);
		return p;
	}

	/** The settings by name, for the model card. */
	public Map<String, String> toMap() {
		Map<String, String> m = new LinkedHashMap<>();
		m.put("size", Integer.toString(size));
		m.put("channels", Integer.toString(channels));
		m.put("latentSize", Integer.toString(latentSize));
		m.put("filters", Integer.toString(filters));
		m.put("learningRateG", Double.toString(learningRateG));
		m.put("learningRateD", Double.toString(learningRateD));
		m.put("beta1", Double.toString(beta1));
		m.put("normalisedDiscriminator", Boolean.toString(normalisedDiscriminator));
		return m;
	}

	/** Reads settings written by {@link #toProperties()}; throws with a message naming the bad key. */
	public static DcganConfig fromProperties(Properties p) {
		try {
			return new DcganConfig(Integer.parseInt(get(p, "size")), Integer.parseInt(get(p, "channels")),
					Integer.parseInt(get(p, "latentSize")), Integer.parseInt(get(p, "filters")),
					Double.parseDouble(get(p, "learningRateG")), Double.parseDouble(get(p, "learningRateD")),
					Double.parseDouble(get(p, "beta1")),
					Boolean.parseBoolean(p.getProperty("normalisedDiscriminator", "false").strip()));
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException("a GAN setting is not a number: " + e.getMessage(), e);
		}
	}

	private static String get(Properties p, String key) {
		String v = p.getProperty(key);
		if (v == null) {
			throw new IllegalArgumentException("the GAN settings have no '" + key + "'");
		}
		return v.strip();
	}
}
