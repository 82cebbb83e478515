package org.neurograph.gan.internal;

import java.util.ArrayList;
import java.util.List;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * The DCGAN layer stacks (Radford et al.): the generator is Dense(latent -> BxBxF; B = 4, or 7 for 28x28 images) + BN
 * + ReLU, then 4x4 stride-2 transposed convolutions halving the filters (BN + ReLU) up to the image size, the last one
 * with tanh; the discriminator is 4x4 stride-2 convolutions with LeakyReLU(0.2) (and, when chosen, batch
 * normalisation after all but the first) down to BxB and a sigmoid output. Weights start from
 * N(0, 0.02).
 */
public final class DcganNetworks {
	private DcganNetworks() {
	}

	/** Filters of the first (base-size) generator block: {@code filters * 2^(upsamplings-1)}. */
	static int topFilters(DcganConfig c) {
		return c.filters() << (c.upsamplings() - 1);
	}

	/** The generator's layers, in order (the first needs a feed-forward-to-CNN preprocessor at index 1). */
	static List<Layer> generatorLayers(DcganConfig c) {
		List<Layer> layers = new ArrayList<>();
		int f = topFilters(c);
		int cells = c.baseSize() * c.baseSize();
		layers.add(new DenseLayer.Builder().nIn(c.latentSize()).nOut(cells * f).activation(Activation.IDENTITY).build());
		layers.add(new BatchNormalization.Builder().nOut(f).build());
		layers.add(new ActivationLayer.Builder().activation(Activation.RELU).build());
		for (int i = 1; i < c.upsamplings(); i++) {
			f /= 2;
			layers.add(deconv(f, Activation.IDENTITY));
			layers.add(new BatchNormalization.Builder().nOut(f).build());
			layers.add(new ActivationLayer.Builder().activation(Activation.RELU).build());
		}
		layers.add(deconv(c.channels(), Activation.TANH));
		return layers;
	}

	/** The discriminator's layers, in order. */
	static List<Layer> discriminatorLayers(DcganConfig c) {
		List<Layer> layers = new ArrayList<>();
		int f = c.filters();
		for (int i = 0; i < c.upsamplings(); i++) {
			boolean normalised = c.normalisedDiscriminator() && i > 0;
			IActivation activation = normalised ? Activation.IDENTITY.getActivationFunction() : new ActivationLReLU(0.2);
			layers.add(new ConvolutionLayer.Builder(4, 4).stride(2, 2).padding(1, 1)
					.convolutionMode(ConvolutionMode.Truncate).nOut(f).activation(activation).build());
			if (normalised) {
				layers.add(new BatchNormalization.Builder().nOut(f).build());
				layers.add(new ActivationLayer.Builder().activation(new ActivationLReLU(0.2)).build());
			}
			f *= 2;
		}
		layers.add(new OutputLayer.Builder(LossFunction.XENT).nOut(1).activation(Activation.SIGMOID).build());
		return layers;
	}

	private static Layer deconv(int nOut, Activation activation) {
		return new Deconvolution2D.Builder(4, 4).stride(2, 2).padding(1, 1).convolutionMode(ConvolutionMode.Truncate)
				.nOut(nOut).activation(activation).build();
	}

	/** The generator alone: latent in, image out ([n, channels, size, size] in [-1, 1]). */
	public static MultiLayerConfiguration generator(DcganConfig c, long seed) {
		NeuralNetConfiguration.ListBuilder b = base(c, seed, c.learningRateG()).list();
		List<Layer> layers = generatorLayers(c);
		for (int i = 0; i < layers.size(); i++) {
			b.layer(i, layers.get(i));
		}
		return b.inputPreProcessor(1, new FeedForwardToCnnPreProcessor(c.baseSize(), c.baseSize(), topFilters(c)))
				.setInputType(InputType.feedForward(c.latentSize())).build();
	}

	/** The discriminator alone: image in, probability of "real" out. */
	public static MultiLayerConfiguration discriminator(DcganConfig c, long seed) {
		NeuralNetConfiguration.ListBuilder b = base(c, seed, c.learningRateD()).list();
		List<Layer> layers = discriminatorLayers(c);
		for (int i = 0; i < layers.size(); i++) {
			b.layer(i, layers.get(i));
		}
		return b.setInputType(InputType.convolutional(c.size(), c.size(), c.channels())).build();
	}

	/**
	 * Generator then a held copy of the discriminator: trains the generator to fool the discriminator. The copy's
	 * layers are frozen ({@code FrozenLayerWithBackprop}); with batch normalisation they are plain layers with a zero
	 * learning rate instead, because DL4J 1.0.0-M2 fails in a frozen BatchNormalization's backprop inside training
	 * workspaces ("outdated workspace pointer"), and training without workspaces lets off-heap memory grow by gigabytes
	 * between garbage collections. Either way the copy's weights are the discriminator's, set before every step.
	 */
	public static MultiLayerConfiguration stacked(DcganConfig c, long seed) {
		NeuralNetConfiguration.ListBuilder b = base(c, seed, c.learningRateG()).list();
		int i = 0;
		for (Layer l : generatorLayers(c)) {
			b.layer(i++, l);
		}
		for (Layer l : discriminatorLayers(c)) {
			if (!c.normalisedDiscriminator()) {
				b.layer(i++, new FrozenLayerWithBackprop(l));
				continue;
			}
			if (l instanceof BaseLayer layer) {
				layer.setIUpdater(new Sgd(0));
				layer.setBiasUpdater(new Sgd(0));
			}
			b.layer(i++, l);
		}
		return b.inputPreProcessor(1, new FeedForwardToCnnPreProcessor(c.baseSize(), c.baseSize(), topFilters(c)))
				.setInputType(InputType.feedForward(c.latentSize())).build();
	}

	/** The number of generator layers (the stacked network's first layers). */
	public static int generatorLayerCount(DcganConfig c) {
		return generatorLayers(c).size();
	}

	private static NeuralNetConfiguration.Builder base(DcganConfig c, long seed, double learningRate) {
		return new NeuralNetConfiguration.Builder().seed(seed).weightInit(new NormalDistribution(0, 0.02))
				.updater(new Adam(learningRate, c.beta1(), 0.999, 1e-8));
	}
}
