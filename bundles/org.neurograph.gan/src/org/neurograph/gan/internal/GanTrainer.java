package org.neurograph.gan.internal;

import java.io.IOException;
import java.util.List;

import org.neurograph.api.AssetKind;
import org.neurograph.api.MediaKind;
import org.neurograph.api.ParameterSpec;
import org.neurograph.api.ParameterValues;
import org.neurograph.api.Progress;
import org.neurograph.api.training.Trainer;
import org.neurograph.api.training.TrainerInfo;
import org.neurograph.api.training.TrainingException;
import org.neurograph.api.training.TrainingRequest;
import org.neurograph.api.training.TrainingSession;
import org.neurograph.runtime.dl4j.Dl4jRuntime;
import org.neurograph.runtime.dl4j.RuntimeUnavailableException;
import org.osgi.service.component.annotations.Component;

/**
 * Trains a DCGAN (DL4J) on an image dataset: image files of any size (centre-cropped and resized) or IDX files
 * (MNIST, Fashion-MNIST). Before training it checks the set and reports too few images, unreadable files and
 * near-duplicates; during training it samples a grid from fixed latent vectors.
 */
@Component(service = Trainer.class)
public final class GanTrainer implements Trainer {
	/** The trainer's id. */
	public static final String ID = "org.neurograph.gan.dcgan";
	static final TrainerInfo INFO = new TrainerInfo(ID, "Image GAN (DCGAN)", "1.0.0", AssetKind.IMAGE_DATASET,
			MediaKind.IMAGE, "Learns to make new images like those of an image dataset (or MNIST-format IDX files).");
	/** Fewer images than this draw a warning. */
	static final int MINIMUM_IMAGES = 500;
	private static final ParameterSpec SPEC = ParameterSpec.builder()
			.integer("steps", "Steps", "Training steps; each updates the discriminator and then the generator once.",
					3000, 1, 10_000_000)
			.choice("imageSize", "Image size", "Width and height of the images the GAN learns and makes (28 is the "
					+ "size of MNIST and Fashion-MNIST: no resizing, and the fastest).", "32", List.of("28", "32", "64"))
			.choice("colour", "Colour", "Grey (1 channel) or colour (3 channels).", "colour", List.of("grey", "colour"))
			.integer("latentSize", "Latent size", "Length of the random vector each image is made from.", 100, 2, 1024)
			.integer("batchSize", "Batch size", "Real images per step (and as many fakes).", 64, 2, 1024)
			.integer("filters", "Filters", "Convolution filters of the first discriminator layer (doubling per layer); "
					+ "more is sharper and slower.", 32, 4, 256)
			.decimal("learningRateG", "Generator learning rate", "Adam step size of the generator.", 0.0002, 1e-7, 0.1)
			.decimal("learningRateD", "Discriminator learning rate", "Adam step size of the discriminator.", 0.0002,
					1e-7, 0.1)
			.decimal("beta1", "Adam beta1", "Momentum of Adam; DCGAN uses 0.5.", 0.5, 0.0, 0.999)
			.decimal("labelSmoothing", "Label smoothing", "Real images are labelled 1 minus this (one-sided smoothing).",
					0.1, 0.0, 0.5)
			.decimal("averageDecay", "Weight averaging", "Samples and the exported generator use a moving average of "
					+ "the generator's weights with this decay (0.999 averages over about the last 1000 steps; 0: the "
					+ "last step's weights). Steadier, smoother images.", 0.999, 0.0, 0.9999)
			.flag("discriminatorNorm", "Normalise the discriminator", "Batch normalisation in the discriminator "
					+ "(real and fake images in separate batches), as in the DCGAN paper; off: a plain discriminator, "
					+ "faster per step but slower to learn.", true)
			.flag("flip", "Mirror images", "Flip training images horizontally at random.", true)
			.integer("maxImages", "Maximum images", "Use at most this many images of the dataset.", 60_000, 1, 2_000_000)
			.integer("sampleCount", "Samples", "Images in the sample grid (fixed latent vectors).", 16, 1, 64)
			.build();

	@Override
	public TrainerInfo info() {
		return INFO;
	}

	@Override
	public ParameterSpec parameters() {
		return SPEC;
	}

	@Override
	public TrainingSession open(TrainingRequest request, Progress progress) throws TrainingException {
		try {
			Dl4jRuntime.start();
		} catch (RuntimeUnavailableException e) {
			throw new TrainingException(e.getMessage(), e);
		}
		ParameterValues p = request.parameters();
		DcganConfig config = config(p);
		progress.begin("Reading the images", -1);
		ImageSet images;
		try {
			images = ImageSet.read(request.dataset(), config.size(), config.channels(), p.getInt("maxImages"),
					MINIMUM_IMAGES);
		} catch (IOException e) {
			throw new TrainingException("Cannot read the dataset: " + e.getMessage(), e);
		}
		if (images.count() == 0) {
			throw new TrainingException("The dataset " + request.dataset().getFileName() + " holds no readable images "
					+ "(PNG, JPEG, GIF, BMP or IDX files). " + String.join(" ", images.report().warnings()));
		}
		images.report().warnings().forEach(progress::subTask);
		GanSession session = new GanSession(request, config, images);
		if (request.resumeFrom().isPresent()) {
			session.restore(request.resumeFrom().get());
		}
		return session;
	}

	/** The network settings from trainer parameters. */
	static DcganConfig config(ParameterValues p) {
		return new DcganConfig(Integer.parseInt(p.getString("imageSize")), p.getString("colour").equals("grey") ? 1 : 3,
				p.getInt("latentSize"), p.getInt("filters"), p.getDouble("learningRateG"), p.getDouble("learningRateD"),
				p.getDouble("beta1"), p.getBoolean("discriminatorNorm"));
	}
}
