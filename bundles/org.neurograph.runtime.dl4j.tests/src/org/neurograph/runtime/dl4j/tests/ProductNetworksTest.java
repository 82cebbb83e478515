package org.neurograph.runtime.dl4j.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.neurograph.runtime.dl4j.SafeModelSerializer;

/** The allow-list accepts the networks Neurograph's capabilities save (LSTM, GAN parts, computation graphs). */
class ProductNetworksTest {

	@TempDir
	Path dir;

	@BeforeEach
	void start() throws Exception {
		NullTccl.startNd4j();
	}

	private MultiLayerNetwork roundTrip(MultiLayerConfiguration conf) throws Exception {
		MultiLayerNetwork net = new MultiLayerNetwork(conf);
		net.init();
		Path file = dir.resolve("net.zip");
		SafeModelSerializer.writeModel(net, file, true);
		MultiLayerNetwork back = SafeModelSerializer.standard().restoreMultiLayerNetwork(file, true);
		assertEquals(net.getLayerWiseConfigurations(), back.getLayerWiseConfigurations());
		assertEquals(net.params(), back.params());
		return back;
	}

	@Test
	void characterLstm() throws Exception {
		roundTrip(new NeuralNetConfiguration.Builder().seed(1).updater(new Adam(1e-3)).list()
				.layer(new LSTM.Builder().nIn(65).nOut(32).activation(Activation.TANH).build())
				.layer(new LSTM.Builder().nIn(32).nOut(32).activation(Activation.TANH).build())
				.layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX)
						.nIn(32).nOut(65).build())
				.build());
	}

	@Test
	void ganGeneratorAndFrozenDiscriminator() throws Exception {
		roundTrip(new NeuralNetConfiguration.Builder().seed(2).updater(new Adam(2e-4, 0.5, 0.999, 1e-8)).list()
				.layer(new DenseLayer.Builder().nOut(7 * 7 * 16).activation(Activation.RELU).build())
				.layer(new BatchNormalization.Builder().build())
				.layer(new Deconvolution2D.Builder().nOut(8).kernelSize(4, 4).stride(2, 2)
						.convolutionMode(ConvolutionMode.Same).activation(Activation.RELU).build())
				.layer(new Deconvolution2D.Builder().nOut(1).kernelSize(4, 4).stride(2, 2)
						.convolutionMode(ConvolutionMode.Same).activation(Activation.TANH).build())
				.layer(new FrozenLayerWithBackprop(new ConvolutionLayer.Builder().nOut(8).kernelSize(4, 4)
						.stride(2, 2).activation(Activation.LEAKYRELU).build()))
				.layer(new FrozenLayerWithBackprop(new OutputLayer.Builder(LossFunctions.LossFunction.XENT)
						.activation(Activation.SIGMOID).nOut(1).build()))
				.inputPreProcessor(2, new FeedForwardToCnnPreProcessor(7, 7, 16))
				.setInputType(InputType.feedForward(100)).build());
	}

	@Test
	void computationGraph() throws Exception {
		ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(3).updater(new Adam(1e-3))
				.graphBuilder().addInputs("in")
				.addLayer("dense", new DenseLayer.Builder().nIn(4).nOut(8).activation(Activation.TANH).build(), "in")
				.addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY)
						.nIn(8).nOut(2).build(), "dense")
				.setOutputs("out").build();
		ComputationGraph graph = new ComputationGraph(conf);
		graph.init();
		Path file = dir.resolve("graph.zip");
		SafeModelSerializer.writeModel(graph, file, true);
		ComputationGraph back = SafeModelSerializer.standard().restoreComputationGraph(file, true);
		assertEquals(graph.getConfiguration(), back.getConfiguration());
		assertEquals(graph.params(), back.params());
	}
}
