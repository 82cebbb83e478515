package org.neurograph.runtime.dl4j.tests;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** A small regression network (4 -> 16 -> [middle] -> 2) that learns y = x W, for tests. ND4J must have started. */
final class TinyNet {

	private TinyNet() {
	}

	/** The network with an optional middle layer (null for none). */
	static MultiLayerNetwork create(long seed, Layer middle) {
		NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder().seed(seed)
				.dataType(DataType.FLOAT).updater(new Adam(0.05)).list()
				.layer(new DenseLayer.Builder().nIn(4).nOut(16).activation(Activation.TANH).build());
		if (middle != null) {
			list.layer(middle);
		}
		MultiLayerConfiguration conf = list.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE)
				.activation(Activation.IDENTITY).nIn(16).nOut(2).build()).build();
		MultiLayerNetwork net = new MultiLayerNetwork(conf);
		net.init();
		return net;
	}

	/** 64 samples of x ~ U(-1, 1) with targets y = x W for a fixed 4x2 W. */
	static DataSet data(long seed) {
		Nd4j.getRandom().setSeed(seed);
		INDArray x = Nd4j.rand(DataType.FLOAT, 64, 4).muli(2).subi(1);
		INDArray w = Nd4j.createFromArray(new float[][] { { 0.5f, -1f }, { 1f, 0.25f }, { -0.5f, 0.5f }, { 0.2f, 0.8f } });
		return new DataSet(x, x.mmul(w));
	}

	/** Trains {@code steps} full-batch steps; the loss after each. */
	static double[] train(MultiLayerNetwork net, DataSet data, int steps) {
		double[] losses = new double[steps];
		for (int i = 0; i < steps; i++) {
			net.fit(data);
			losses[i] = net.score();
		}
		return losses;
	}
}
