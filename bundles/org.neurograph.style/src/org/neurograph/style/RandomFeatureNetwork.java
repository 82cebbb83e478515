package org.neurograph.style;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The built-in feature network: four 3x3 convolutions with ReLU and 2x2 average pooling between them (32, 64, 128
 * and 128 channels at full, half, quarter and eighth resolution) whose weights are fixed random numbers (He-normal
 * from a fixed seed). Random convolutional features capture texture statistics well enough for style transfer (a
 * known result: no training and no download needed). Style is taken from all four layers, content from the third.
 */
public final class RandomFeatureNetwork implements FeatureNetwork {

	/** The seed of the built-in weights. */
	public static final long SEED = 20_240_601L;

	private static final int[] CHANNELS = { 3, 32, 64, 128, 128 };
	private static final int CONTENT_LAYER = 2;

	private final List<float[]> weights = new ArrayList<>();

	/** The network with the built-in weights. */
	public RandomFeatureNetwork() {
		Random random = new Random(SEED);
		for (int l = 0; l + 1 < CHANNELS.length; l++) {
			int in = CHANNELS[l];
			int out = CHANNELS[l + 1];
			float[] w = new float[3 * 3 * in * out];
			double std = Math.sqrt(2.0 / (9 * in));
			for (int i = 0; i < w.length; i++) {
				w[i] = (float) (random.nextGaussian() * std);
			}
			weights.add(w);
		}
	}

	@Override
	public Features build(SameDiff sd, SDVariable image) {
		SDVariable x = image.div(127.5).sub(1.0);
		List<SDVariable> style = new ArrayList<>();
		for (int l = 0; l + 1 < CHANNELS.length; l++) {
			if (l > 0) {
				x = Layers.averagePool(sd, x);
			}
			INDArray w = Nd4j.create(weights.get(l), new long[] { 3, 3, CHANNELS[l], CHANNELS[l + 1] }, 'c');
			x = sd.nn().relu(Layers.conv3x3(sd, x, sd.constant("random_w" + l, w), null), 0);
			style.add(x);
		}
		return new Features(style, style.get(CONTENT_LAYER));
	}

	@Override
	public String description() {
		return "built-in random features (seed " + SEED + ")";
	}
}
