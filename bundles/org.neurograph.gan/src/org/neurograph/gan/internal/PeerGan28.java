package org.neurograph.gan.internal;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * The 28x28 grey GAN that the peer figures in {@code shared/notes/performance.md} were measured on (PyTorch and a
 * plain DL4J program), for {@code bench gan} to set its figure beside theirs: G = Dense(100 -> 7x7x64) + BN + ReLU,
 * Deconv 4x4 s2 32 + BN + ReLU, Deconv 4x4 s2 1 tanh; D = Conv 4x4 s2 32, Conv 4x4 s2 64 (LeakyReLU 0.2), Dense
 * sigmoid (36.5K parameters). One step trains D on 32 real and 32 fake images and G on 32. Not a trainer option.
 */
final class PeerGan28 {
	/** Real images per step (and fakes per step, and the generator's batch). */
	static final int HALF_BATCH = 32;
	static final int LATENT = 100;
	static final int SIZE = 28;

	private PeerGan28() {
	}

	/** A new peer GAN with weights drawn from {@code seed}, trained by {@link Dcgan#step}. */
	static Dcgan create(long seed) {
		return new Dcgan(net(discriminator(seed)), net(stacked(seed + 1)), generatorLayers().length);
	}

	private static Layer[] generatorLayers() {
		return new Layer[] {
				new DenseLayer.Builder().nIn(LATENT).nOut(7 * 7 * 64).activation(Activation.IDENTITY).build(),
				new BatchNormalization.Builder().nOut(64).build(),
				new ActivationLayer.Builder().activation(Activation.RELU).build(),
				deconv(32, Activation.IDENTITY),
				new BatchNormalization.Builder().nOut(32).build(),
				new ActivationLayer.Builder().activation(Activation.RELU).build(),
				deconv(1, Activation.TANH) };
	}

	private static Layer[] discriminatorLayers() {
		return new Layer[] { conv(32), conv(64),
				new OutputLayer.Builder(LossFunction.XENT).nOut(1).activation(Activation.SIGMOID).build() };
	}

	private static MultiLayerConfiguration discriminator(long seed) {
		NeuralNetConfiguration.ListBuilder b = base(seed).list();
		Layer[] layers = discriminatorLayers();
		for (int i = 0; i < layers.length; i++) {
			b.layer(i, layers[i]);
		}
		return b.setInputType(InputType.convolutional(SIZE, SIZE, 1)).build();
	}

	private static MultiLayerConfiguration stacked(long seed) {
		NeuralNetConfiguration.ListBuilder b = base(seed).list();
		int i = 0;
		for (Layer l : generatorLayers()) {
			b.layer(i++, l);
		}
		for (Layer l : discriminatorLayers()) {
			b.layer(i++, new FrozenLayerWithBackprop(l));
		}
		return b.inputPreProcessor(1, new FeedForwardToCnnPreProcessor(7, 7, 64))
				.setInputType(InputType.feedForward(LATENT)).build();
	}

	private static Layer deconv(int nOut, Activation activation) {
		return new Deconvolution2D.Builder(4, 4).stride(2, 2).padding(1, 1).convolutionMode(ConvolutionMode.Truncate)
				.nOut(nOut).activation(activation).build();
	}

	private static Layer conv(int nOut) {
		return new ConvolutionLayer.Builder(4, 4).stride(2, 2).padding(1, 1).convolutionMode(ConvolutionMode.Truncate)
				.nOut(nOut).activation(new ActivationLReLU(0.2)).build();
	}

	private static NeuralNetConfiguration.Builder base(long seed) {
		return new NeuralNetConfiguration.Builder().seed(seed).weightInit(new NormalDistribution(0, 0.02))
				.updater(new Adam(2e-4, 0.5, 0.999, 1e-8));
	}

	private static MultiLayerNetwork net(MultiLayerConfiguration conf) {
		MultiLayerNetwork n = new MultiLayerNetwork(conf);
		n.init();
		return n;
	}
}
