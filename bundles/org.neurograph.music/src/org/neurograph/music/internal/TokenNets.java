package org.neurograph.music.internal;

import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.neurograph.music.TuneModel;
import org.neurograph.poetry.CharLstm;

/**
 * DL4J token LSTMs: a learned embedding of the tokens (a tune vocabulary has hundreds of tokens, so one-hot inputs
 * would make the first layer several times slower), stacked LSTMs and a softmax over the tokens; batches of token
 * indices; and the conversion to the plain-Java {@link CharLstm} the sampler runs, with the embedding folded into the
 * first layer's input weights ({@code E · W}, exact, since a token selects one row of {@code E}). DL4J's {@code LSTM}
 * stores its gate blocks as cell candidate, forget, output, input; {@link CharLstm} wants input, forget, candidate,
 * output.
 */
public final class TokenNets {

	/** DL4J gate block that holds each {@link CharLstm} gate (input, forget, candidate, output). */
	private static final int[] DL4J_BLOCK = { 3, 1, 0, 2 };

	private TokenNets() {
	}

	/** The shape of a network. */
	public record Shape(int vocabulary, int embedding, int layers, int units, double dropout, double learningRate,
			int tbptt) {
	}

	/** A new, initialised network. */
	public static MultiLayerNetwork create(Shape shape, long seed) {
		NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder().seed(seed)
				.updater(new Adam(shape.learningRate())).weightInit(WeightInit.XAVIER)
				.gradientNormalization(GradientNormalization.ClipElementWiseAbsoluteValue)
				.gradientNormalizationThreshold(5.0).list();
		list.layer(new EmbeddingSequenceLayer.Builder().nIn(shape.vocabulary()).nOut(shape.embedding()).hasBias(false)
				.inferInputLength(true).outputDataFormat(RNNFormat.NCW).build());
		for (int l = 0; l < shape.layers(); l++) {
			LSTM.Builder lstm = new LSTM.Builder().nIn(l == 0 ? shape.embedding() : shape.units()).nOut(shape.units())
					.activation(Activation.TANH).dataFormat(RNNFormat.NCW);
			if (shape.dropout() > 0 && l > 0) {
				lstm.dropOut(1.0 - shape.dropout());
			}
			list.layer(lstm.build());
		}
		RnnOutputLayer.Builder out = new RnnOutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
				.activation(Activation.SOFTMAX).nIn(shape.units()).nOut(shape.vocabulary()).dataFormat(RNNFormat.NCW);
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
	 * Features {@code [batch, 1, length]} (token indices) of {@code sequences[b][0 .. length)} and one-hot labels
	 * {@code [batch, vocabulary, length]} of {@code sequences[b][1 .. length]}.
	 */
	public static INDArray[] batch(int[][] sequences, int vocabulary) {
		int n = sequences.length;
		int length = sequences[0].length - 1;
		float[] features = new float[n * length];
		float[] labels = new float[n * vocabulary * length];
		for (int b = 0; b < n; b++) {
			for (int t = 0; t < length; t++) {
				features[b * length + t] = sequences[b][t];
				labels[(b * vocabulary + sequences[b][t + 1]) * length + t] = 1f;
			}
		}
		return new INDArray[] { Nd4j.create(features, new long[] { n, 1, length }, 'c'),
				Nd4j.create(labels, new long[] { n, vocabulary, length }, 'c') };
	}

	/** The network's weights as a {@link CharLstm} over {@link TuneModel#vocabulary(int)}. */
	public static CharLstm toCharLstm(MultiLayerNetwork net) {
		int layers = net.getnLayers() - 2;
		INDArray embedding = net.getLayer(0).getParam("W");
		int vocabulary = (int) embedding.size(0);
		int h = (int) net.getLayer(1).getParam("RW").size(0);
		float[][] wx = new float[layers][];
		float[][] wh = new float[layers][];
		float[][] b = new float[layers][];
		for (int l = 0; l < layers; l++) {
			INDArray w = net.getLayer(l + 1).getParam("W");
			INDArray input = l == 0 ? embedding.mmul(w) : w;
			wx[l] = reorder(input.toFloatMatrix(), h);
			wh[l] = reorder(net.getLayer(l + 1).getParam("RW").toFloatMatrix(), h);
			b[l] = reorder(net.getLayer(l + 1).getParam("b").reshape(1, 4L * h).toFloatMatrix(), h);
		}
		float[][] wy = net.getLayer(layers + 1).getParam("W").toFloatMatrix();
		float[] by = net.getLayer(layers + 1).getParam("b").reshape(1, vocabulary).toFloatMatrix()[0];
		return new CharLstm(TuneModel.vocabulary(vocabulary), h, wx, wh, b, flatten(wy), by);
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
