package org.neurograph.style;

import java.awt.Image;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.neurograph.api.CancelledException;
import org.neurograph.api.GenerationException;
import org.neurograph.api.Progress;
import org.neurograph.runtime.dl4j.Dl4jRuntime;
import org.neurograph.runtime.dl4j.RuntimeUnavailableException;

/**
 * Optimisation-based style transfer after Gatys et al.: starting from the content image, gradient descent (Adam, on
 * the pixels, with gradients from DL4J's SameDiff) lowers a weighted sum of a content loss (the feature network's
 * content layer against the content image's), a style loss (each style layer's Gram matrix against the style
 * image's) and a total-variation loss (differences between neighbouring pixels). The content and style losses are
 * relative: divided by the mean square of their targets, so the weights mean the same for every network and image.
 * Not thread-safe; one transfer per instance at a time.
 */
public final class GatysTransfer {

	/**
	 * The optimisation's settings.
	 *
	 * @param iterations    gradient steps
	 * @param contentWeight weight of the content loss
	 * @param styleWeight   weight of the style loss
	 * @param smoothness    weight of the total-variation loss
	 * @param learningRate  Adam's step size, in grey levels
	 * @param progressEvery hand the image to the listener every this many iterations (0: only at the end)
	 */
	public record Settings(int iterations, double contentWeight, double styleWeight, double smoothness,
			double learningRate, int progressEvery) {

		/** 200 iterations, content 1, style 10, smoothness 0.5, learning rate 4, an image every 50 iterations. */
		public static final Settings DEFAULT = new Settings(200, 1, 10, 0.5, 4, 50);

		/** Checks the ranges. */
		public Settings {
			if (iterations < 1 || contentWeight < 0 || styleWeight < 0 || smoothness < 0 || !(learningRate > 0)
					|| progressEvery < 0) {
				throw new IllegalArgumentException("invalid settings " + iterations + ", " + contentWeight + ", "
						+ styleWeight + ", " + smoothness + ", " + learningRate + ", " + progressEvery);
			}
		}

		/** A copy with another number of iterations. */
		public Settings withIterations(int value) {
			return new Settings(value, contentWeight, styleWeight, smoothness, learningRate, progressEvery);
		}
	}

	/** Receives the image under optimisation every {@link Settings#progressEvery()} iterations. */
	@FunctionalInterface
	public interface Listener {
		/**
		 * Iteration {@code iteration} (from 1) has left {@code image} with total loss {@code loss}; throwing stops the
		 * transfer.
		 */
		void progress(int iteration, double loss, BufferedImage image) throws GenerationException;
	}

	/**
	 * The outcome.
	 *
	 * @param image      the final image
	 * @param losses     the total loss before each iteration
	 * @param styleLosses the (unweighted) style loss before each iteration
	 */
	public record Result(BufferedImage image, double[] losses, double[] styleLosses) {
	}

	private static final double BETA1 = 0.9;
	private static final double BETA2 = 0.999;
	private static final double ADAM_EPSILON = 1e-8;
	private static final double TINY = 1e-12;

	private final FeatureNetwork network;

	/** A transfer with {@code network}'s features. */
	public GatysTransfer(FeatureNetwork network) {
		this.network = network;
	}

	/** {@code image} scaled so that its longer side is at most {@code side} pixels (itself if it already is). */
	public static BufferedImage fit(BufferedImage image, int side) {
		int w = image.getWidth();
		int h = image.getHeight();
		if (Math.max(w, h) <= side) {
			return Images.toRgb(image);
		}
		double scale = (double) side / Math.max(w, h);
		int sw = Math.max(8, (int) Math.round(w * scale));
		int sh = Math.max(8, (int) Math.round(h * scale));
		BufferedImage scaled = new BufferedImage(sw, sh, BufferedImage.TYPE_INT_RGB);
		scaled.createGraphics().drawImage(image.getScaledInstance(sw, sh, Image.SCALE_AREA_AVERAGING), 0, 0, null);
		return scaled;
	}

	/**
	 * Paints {@code content} in the style of {@code style} (both at the size they are given; see {@link #fit}).
	 * Reports one unit of work per iteration and stops with {@link CancelledException} when cancelled.
	 *
	 * @throws RuntimeUnavailableException if DL4J cannot run here
	 * @throws GenerationException         if cancelled, or passed on from the listener
	 */
	public Result run(BufferedImage content, BufferedImage style, Settings settings, Listener listener,
			Progress progress) throws RuntimeUnavailableException, GenerationException {
		Dl4jRuntime.start();
		INDArray contentPixels = pixels(content);
		List<INDArray> styleTargets = new ArrayList<>();
		for (INDArray f : features(pixels(style)).style()) {
			styleTargets.add(gram(f));
		}
		Extracted contentFeatures = features(contentPixels);

		SameDiff sd = SameDiff.create();
		SDVariable image = sd.var("image", contentPixels.dup());
		FeatureNetwork.Features f = network.build(sd, image);
		SDVariable styleLoss = null;
		for (int l = 0; l < f.style().size(); l++) {
			INDArray layer = contentFeatures.style().get(l);
			long channels = layer.size(1);
			long positions = layer.size(2) * layer.size(3);
			SDVariable flat = sd.reshape(f.style().get(l), channels, positions);
			SDVariable g = sd.mmul(flat, flat, false, true, false).div(positions);
			INDArray target = styleTargets.get(l);
			SDVariable term = g.squaredDifference(sd.constant(target)).mean()
					.div(target.mul(target).meanNumber().doubleValue() + TINY);
			styleLoss = styleLoss == null ? term : styleLoss.add(term);
		}
		styleLoss = styleLoss.mul("style_loss", 1.0 / f.style().size());
		INDArray p = contentFeatures.content();
		SDVariable contentLoss = f.content().squaredDifference(sd.constant(p)).mean()
				.div(p.mul(p).meanNumber().doubleValue() + TINY);
		SDVariable loss = contentLoss.mul(settings.contentWeight()).add(styleLoss.mul(settings.styleWeight()))
				.add("loss", totalVariation(sd, image, content.getHeight(), content.getWidth())
						.mul(settings.smoothness()));
		sd.setLossVariables(loss);

		return optimise(sd, content, settings, listener, progress);
	}

	private Result optimise(SameDiff sd, BufferedImage content, Settings settings, Listener listener,
			Progress progress) throws GenerationException {
		INDArray pixels = sd.getVariable("image").getArr();
		INDArray m = Nd4j.zerosLike(pixels);
		INDArray v = Nd4j.zerosLike(pixels);
		double[] losses = new double[settings.iterations()];
		double[] styleLosses = new double[settings.iterations()];
		for (int t = 1; t <= settings.iterations(); t++) {
			if (progress.isCancelled()) {
				throw new CancelledException();
			}
			OutAndGrad step = sd.calculateGradientsAndOutputs(Map.of(), List.of("loss", "style_loss"), List.of("image"));
			losses[t - 1] = step.getOutputs().get("loss").getDouble(0);
			styleLosses[t - 1] = step.getOutputs().get("style_loss").getDouble(0);
			INDArray g = step.getGradients().get("image");
			m.muli(BETA1).addi(g.mul(1 - BETA1));
			v.muli(BETA2).addi(g.mul(g).muli(1 - BETA2));
			double rate = settings.learningRate() * Math.sqrt(1 - Math.pow(BETA2, t)) / (1 - Math.pow(BETA1, t));
			pixels.subi(m.div(Transforms.sqrt(v, true).addi(ADAM_EPSILON)).muli(rate));
			Transforms.min(Transforms.max(pixels, 0, false), 255, false);
			progress.worked(1);
			if (settings.progressEvery() > 0 && t % settings.progressEvery() == 0 && t < settings.iterations()) {
				listener.progress(t, losses[t - 1], image(pixels, content.getHeight(), content.getWidth()));
			}
		}
		BufferedImage result = image(pixels, content.getHeight(), content.getWidth());
		listener.progress(settings.iterations(), losses[settings.iterations() - 1], result);
		return new Result(result, losses, styleLosses);
	}

	/** Mean squared difference between vertical and horizontal neighbours, in units of the full grey range. */
	private static SDVariable totalVariation(SameDiff sd, SDVariable image, int h, int w) {
		SDVariable down = sd.slice(image, new int[] { 0, 0, 1, 0 }, 1, 3, h - 1, w)
				.squaredDifference(sd.slice(image, new int[] { 0, 0, 0, 0 }, 1, 3, h - 1, w)).mean();
		SDVariable right = sd.slice(image, new int[] { 0, 0, 0, 1 }, 1, 3, h, w - 1)
				.squaredDifference(sd.slice(image, new int[] { 0, 0, 0, 0 }, 1, 3, h, w - 1)).mean();
		return down.add(right).div(255.0 * 255.0 / 100);
	}

	/** The feature network's layers for {@code pixels}. */
	private record Extracted(List<INDArray> style, INDArray content) {
	}

	private Extracted features(INDArray pixels) {
		SameDiff sd = SameDiff.create();
		FeatureNetwork.Features f = network.build(sd, sd.var("image", pixels.dup()));
		List<String> names = new ArrayList<>();
		f.style().forEach(s -> names.add(s.name()));
		names.add(f.content().name());
		Map<String, INDArray> out = sd.output(Map.of(), names);
		List<INDArray> style = new ArrayList<>();
		f.style().forEach(s -> style.add(out.get(s.name())));
		return new Extracted(style, out.get(f.content().name()));
	}

	/** The Gram matrix of {@code 1 x C x h x w} features, divided by {@code h * w}. */
	private static INDArray gram(INDArray features) {
		long positions = features.size(2) * features.size(3);
		INDArray flat = features.reshape('c', features.size(1), positions);
		return flat.mmul(flat.transpose()).divi(positions);
	}

	/** {@code image} as a {@code 1 x 3 x H x W} float array of RGB in 0..255. */
	static INDArray pixels(BufferedImage image) {
		int w = image.getWidth();
		int h = image.getHeight();
		float[] data = new float[3 * w * h];
		int plane = w * h;
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				int rgb = image.getRGB(x, y);
				data[y * w + x] = rgb >> 16 & 0xff;
				data[plane + y * w + x] = rgb >> 8 & 0xff;
				data[2 * plane + y * w + x] = rgb & 0xff;
			}
		}
		return Nd4j.create(data, new long[] { 1, 3, h, w }, 'c').castTo(DataType.FLOAT);
	}

	/** The image of a {@code 1 x 3 x h x w} array, rounded and clipped to 0..255. */
	static BufferedImage image(INDArray pixels, int h, int w) {
		float[] data = pixels.dup('c').data().asFloat();
		int plane = w * h;
		BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		for (int i = 0; i < plane; i++) {
			int r = clip(data[i]);
			int g = clip(data[plane + i]);
			int b = clip(data[2 * plane + i]);
			image.setRGB(i % w, i / w, r << 16 | g << 8 | b);
		}
		return image;
	}

	private static int clip(float v) {
		return Math.max(0, Math.min(255, Math.round(v)));
	}
}
