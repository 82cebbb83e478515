package org.neurograph.gan.internal;

import java.util.List;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A DCGAN in training: a discriminator network and a stacked network (generator + frozen copy of the discriminator).
 * One {@link #step} trains the discriminator on real and fake images, copies its weights into the frozen copy and
 * trains the generator through it. The generator's weights live in the stacked network's first layers.
 */
public final class Dcgan {
	private final DcganConfig config;
	private final MultiLayerNetwork discriminator;
	private final MultiLayerNetwork stacked;
	private final int generatorLayers;

	/** The losses of one step. */
	public record Losses(double discriminator, double generator) {
	}

	/** Builds new networks with weights drawn from {@code seed}. */
	public Dcgan(DcganConfig config, long seed) {
		this(config, net(DcganNetworks.discriminator(config, seed)), net(DcganNetworks.stacked(config, seed + 1)));
	}

	/** Wraps restored networks. */
	public Dcgan(DcganConfig config, MultiLayerNetwork discriminator, MultiLayerNetwork stacked) {
		this.config = config;
		this.discriminator = discriminator;
		this.stacked = stacked;
		this.generatorLayers = DcganNetworks.generatorLayerCount(config);
		copyDiscriminator();
	}

	private static MultiLayerNetwork net(org.deeplearning4j.nn.conf.MultiLayerConfiguration conf) {
		MultiLayerNetwork n = new MultiLayerNetwork(conf);
		n.init();
		return n;
	}

	public DcganConfig config() {
		return config;
	}

	public MultiLayerNetwork discriminator() {
		return discriminator;
	}

	public MultiLayerNetwork stacked() {
		return stacked;
	}

	/**
	 * One update of each network. {@code real} is [n, channels, size, size] in [-1, 1]; {@code z1} and {@code z2} are
	 * [n, latent] noise for the discriminator's fakes and the generator's update. Real images are labelled
	 * {@code realLabel} (one-sided label smoothing when below 1).
	 */
	public Losses step(INDArray real, INDArray z1, INDArray z2, double realLabel) {
		long n = real.size(0);
		INDArray fake = generate(z1, true);
		INDArray realLabels = Nd4j.valueArrayOf(new long[] { n, 1 }, realLabel, real.dataType());
		INDArray fakeLabels = Nd4j.zeros(real.dataType(), fake.size(0), 1);
		double dLoss;
		if (config.normalisedDiscriminator()) {
			// batch normalisation sees real and fake images in separate batches (else it could tell them apart by
			// the batch's statistics): two updates, the loss their mean
			discriminator.fit(new DataSet(real, realLabels));
			double realLoss = discriminator.score();
			discriminator.fit(new DataSet(fake, fakeLabels));
			dLoss = (realLoss + discriminator.score()) / 2;
		} else {
			discriminator.fit(new DataSet(Nd4j.concat(0, real, fake), Nd4j.concat(0, realLabels, fakeLabels)));
			dLoss = discriminator.score();
		}
		copyDiscriminator();
		stacked.fit(new DataSet(z2, Nd4j.ones(real.dataType(), z2.size(0), 1)));
		return new Losses(dLoss, stacked.score());
	}

	/** Images for latent rows {@code z}; {@code train} uses batch statistics in the normalisation layers. */
	public INDArray generate(INDArray z, boolean train) {
		List<INDArray> acts = stacked.feedForwardToLayer(generatorLayers - 1, z, train);
		return acts.get(generatorLayers).detach();
	}

	/** A stand-alone generator network holding the trained generator weights (for export and sampling). */
	public MultiLayerNetwork exportGenerator() {
		MultiLayerNetwork g = net(DcganNetworks.generator(config, 0));
		for (int i = 0; i < generatorLayers; i++) {
			if (stacked.getLayer(i).numParams() > 0) { // activation layers have none
				g.getLayer(i).setParams(stacked.getLayer(i).params().dup());
			}
		}
		return g;
	}

	/** The number of trainable parameters of generator and discriminator. */
	public long[] parameterCounts() {
		long g = 0;
		for (int i = 0; i < generatorLayers; i++) {
			g += stacked.getLayer(i).numParams();
		}
		return new long[] { g, discriminator.numParams() };
	}

	private void copyDiscriminator() {
		for (int i = 0; i < discriminator.getnLayers(); i++) {
			stacked.getLayer(generatorLayers + i).setParams(discriminator.getLayer(i).params());
		}
	}
}
