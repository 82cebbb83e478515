package org.neurograph.gan.internal;

import java.util.List;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A DCGAN in training: a discriminator network and a stacked network (generator + a held copy of the discriminator,
 * see {@link DcganNetworks#stacked}). One {@link #step} trains the discriminator on real and fake images, copies its
 * weights into the held copy and trains the generator through it. The generator's weights live in the stacked
 * network's first layers; a moving average of them, when kept, is what samples and exports show.
 */
public final class Dcgan {
	private final DcganConfig config;
	private final MultiLayerNetwork discriminator;
	private final MultiLayerNetwork stacked;
	private final int generatorLayers;
	private INDArray average;

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

	/**
	 * A stand-alone generator network holding the generator's weights: the moving average of them when one is kept
	 * (see {@link #updateAverage}), else the current ones. For export and sampling.
	 */
	public MultiLayerNetwork exportGenerator() {
		MultiLayerNetwork g = net(DcganNetworks.generator(config, 0));
		g.setParams(average != null ? average.dup() : generatorParams().dup());
		return g;
	}

	/** The generator's weights in the stacked network (a view: its first layers' parameters). */
	private INDArray generatorParams() {
		return stacked.params().get(NDArrayIndex.interval(0, parameterCounts()[0]));
	}

	/**
	 * Updates the exponential moving average of the generator's weights after step {@code step} (from 1) with
	 * {@code decay} (0 keeps none); the decay is lower at first ({@code (1 + step) / (10 + step)}), so that early
	 * samples follow the training. Samples and exports from the average are smoother and steadier than from the
	 * last step's weights (the "G_ema" of ProGAN and StyleGAN).
	 */
	public void updateAverage(double decay, long step) {
		if (decay <= 0) {
			average = null;
			return;
		}
		INDArray current = generatorParams();
		if (average == null) {
			average = current.dup();
			return;
		}
		double d = Math.min(decay, (1.0 + step) / (10.0 + step));
		average.muli(d).addi(current.mul(1 - d));
	}

	/** The moving average of the generator's weights, or null when none is kept. */
	public INDArray average() {
		return average;
	}

	/** Restores the moving average (from a checkpoint). */
	public void setAverage(INDArray restored) {
		if (restored != null && restored.length() != parameterCounts()[0]) {
			throw new IllegalArgumentException("the averaged generator has " + restored.length() + " values, the "
					+ "generator " + parameterCounts()[0]);
		}
		average = restored;
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
