package org.neurograph.poetry.internal;

import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.neurograph.poetry.CharLstm;

/**
 * DL4J character LSTMs: the network a run trains, one-hot batches for it, and the conversion of its weights into a
 * {@link CharLstm} for sampling. DL4J's {@code LSTM} layer stores its four gate blocks in the order cell candidate,
 * forget, output, input; {@link CharLstm} wants input, forget, candidate, output.
 */
public final class Dl4jCharNets {

	/** DL4J gate block that holds each {@link CharLstm} gate (input, forget, candidate, output). */
	private static final int[] DL4J_BLOCK = { 3, 1, 0, 2 };

	private Dl4jCharNets() {
	}

	/** The shape of a network. */
	public record Shape(int vocabulary, int layers, int units, double dropout, double learningRate, int tbptt) {
	}

	/** A new, initialised network: {@code layers} LSTMs over one-hot characters and a softmax over the vocabulary. */
	public static MultiLayerNetwork create(Shape shape, long seed) {
		NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder().seed(seed)
				.updater(new Adam(shape.learningRate())).weightInit(WeightInit.XAVIER)
				.gradientNormalization(GradientNormalization.ClipElementWiseAbsoluteValue)
				.gradientNormalizationThreshold(5.0).list();
		for (int l = 0; l < shape.layers(); l++) {
			LSTM.Builder lstm = new LSTM.Builder().nIn(l == 0 ? shape.vocabulary() : shape.units()).nOut(shape.units())
					.activation(Activation.TANH);
			if (shape.dropout() > 0 && l > 0) {
				lstm.dropOut(1.0 - shape.dropout());
			}
			list.layer(lstm.build());
		}
		RnnOutputLayer.Builder out = new RnnOutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
				.activation(Activation.SOFTMAX).nIn(shape.units()).nOut(shape.vocabulary());
		if (shape.dropout() > 0) {
			out.dropOut(1.0 - shape.dropout());
		}
		MultiLayerConfiguration conf = list.layer(out.build()).backpropType(BackpropType.TruncatedBPTT)
				.tBPTTForwardLength(shape.tbptt()).tBPTTBackwardLength(shape.tbptt()).build();
		MultiLayerNetwork net = new MultiLayerNetwork(conf);
		net.init();
		return net;
	}

	/**
	 * One-hot {@code [batch, vocabulary, length]} features of {@code sequences[b][0 .. length)} and labels of
	 * {@code sequences[b][1 .. length]}.
	 */
	public static INDArray[] batch(int[][] sequences, int vocabulary) {
		int n = sequences.length;
		int length = sequences[0].length - 1;
		float[] features = new float[n * vocabulary * length];
		float[] labels = new float[n * vocabulary * length];
		for (int b = 0; b < n; b++) {
			for (int t = 0; t < length; t++) {
				features[(b * vocabulary + sequences[b][t]) * length + t] = 1f;
				labels[(b * vocabulary + sequences[b][t + 1]) * length + t] = 1f;
			}
		}
		long[] shape = { n, vocabulary, length };
		return new INDArray[] { Nd4j.create(features, shape, 'c'), Nd4j.create(labels, shape, 'c') };
	}

	/** The network's weights as a {@link CharLstm} over {@code vocabulary}. */
	public static CharLstm toCharLstm(MultiLayerNetwork net, String vocabulary) {
		int layers = net.getnLayers() - 1;
		int h = (int) net.getLayer(0).getParam("RW").size(0);
		float[][] wx = new float[layers][];
		float[][] wh = new float[layers][];
		float[][] b = new float[layers][];
		for (int l = 0; l < layers; l++) {
			wx[l] = reorder(net.getLayer(l).getParam("W").toFloatMatrix(), h);
			wh[l] = reorder(net.getLayer(l).getParam("RW").toFloatMatrix(), h);
			b[l] = reorder(net.getLayer(l).getParam("b").reshape(1, 4L * h).toFloatMatrix(), h);
		}
		float[][] wy = net.getLayer(layers).getParam("W").toFloatMatrix();
		float[] by = net.getLayer(layers).getParam("b").reshape(1, vocabulary.length()).toFloatMatrix()[0];
		return new CharLstm(vocabulary, h, wx, wh, b, flatten(wy), by);
	}

	private static float[] reorder(float[][] matrix, int h) {
		float[] out = new float[matrix.length * 4 * h];
		for (int r = 0; r < matrix.length; r++) {
			for (int gate = 0; gate < 4; gate++) {
				System.arraycopy(matrix[r], DL4J_BLOCK[gate] * h, out, (r * 4 + gate) * h, h);
			}
		}
		return out;
	}

	private static float[] flatten(float[][] matrix) {
		int cols = matrix[0].length;
		float[] out = new float[matrix.length * cols];
		for (int r = 0; r < matrix.length; r++) {
			System.arraycopy(matrix[r], 0, out, r * cols, cols);
		}
		return out;
	}
}
