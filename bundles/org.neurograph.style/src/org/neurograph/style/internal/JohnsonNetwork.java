package org.neurograph.style.internal;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.DeConv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;
import org.neurograph.runtime.dl4j.onnx.OnnxGraphBuilder;

/**
 * The Johnson et al. fast-style network of the deeplearn.js / ml5 checkpoints, written as an ONNX graph: three
 * down-sampling convolutions, five residual blocks, two transposed convolutions and a 9x9 output convolution, each
 * followed by instance normalisation (epsilon 1e-3, no convolution biases), then {@code tanh(x) * 150 + 127.5}
 * clipped to 0..255. Input and output are {@code 1 x 3 x H x W} RGB in 0..255 with symbolic H and W, which must be
 * multiples of 4 (TensorFlow "SAME" padding of a stride-2 3x3 convolution on an even size puts its one row of padding
 * at the bottom, as the fixed pads here do).
 */
public final class JohnsonNetwork {

	/** The graph's input name. */
	public static final String INPUT = "input";
	/** The graph's output name. */
	public static final String OUTPUT = "output";

	private static final float EPSILON = 1e-3f;

	/** One layer: kernel size, input and output channels, stride, and whether it is a transposed convolution. */
	private record Layer(int kernel, int in, int out, int stride, boolean transposed) {
		long[] tfShape() {
			return transposed ? new long[] { kernel, kernel, out, in } : new long[] { kernel, kernel, in, out };
		}
	}

	private static final List<Layer> LAYERS = layers();

	private JohnsonNetwork() {
	}

	/** The 48 variable shapes in checkpoint order: per layer the kernel, the norm shift, the norm scale. */
	public static List<long[]> variableShapes() {
		List<long[]> shapes = new ArrayList<>();
		for (Layer layer : LAYERS) {
			shapes.add(layer.tfShape());
			shapes.add(new long[] { layer.out });
			shapes.add(new long[] { layer.out });
		}
		return shapes;
	}

	/** The serialized ONNX model of the network with the checkpoint's weights. */
	public static byte[] toOnnx(Checkpoint checkpoint) {
		OnnxGraphBuilder g = new OnnxGraphBuilder("johnson_fast_style", "neurograph-style").imageInput(INPUT, 3, 0, 0)
				.imageOutput(OUTPUT, 3, 0, 0);
		String x = INPUT;
		x = block(g, checkpoint, 0, x, true);
		x = block(g, checkpoint, 1, x, true);
		x = block(g, checkpoint, 2, x, true);
		for (int r = 0; r < 5; r++) {
			String h = block(g, checkpoint, 3 + 2 * r, x, true);
			h = block(g, checkpoint, 4 + 2 * r, h, false);
			x = g.node("Add", new String[] { x, h });
		}
		x = block(g, checkpoint, 13, x, true);
		x = block(g, checkpoint, 14, x, true);
		x = block(g, checkpoint, 15, x, false);
		x = g.node("Tanh", new String[] { x });
		x = g.node("Mul", new String[] { x, g.scalar("out_scale", 150f) });
		x = g.node("Add", new String[] { x, g.scalar("out_offset", 127.5f) });
		g.node("Clip", OUTPUT, new String[] { x, g.scalar("out_min", 0f), g.scalar("out_max", 255f) });
		return g.toByteArray();
	}

	/**
	 * The same network as a DL4J SameDiff graph (placeholder {@link #INPUT} of {@code 1 x 3 x height x width}, output
	 * {@link #OUTPUT}): the engine the ONNX conversion is measured against in {@code bench style}.
	 */
	public static SameDiff toSameDiff(Checkpoint checkpoint, int height, int width) {
		SameDiff sd = SameDiff.create();
		SDVariable x = sd.placeHolder(INPUT, DataType.FLOAT, 1, 3, height, width);
		x = sameDiffBlock(sd, checkpoint, 0, x, true);
		x = sameDiffBlock(sd, checkpoint, 1, x, true);
		x = sameDiffBlock(sd, checkpoint, 2, x, true);
		for (int r = 0; r < 5; r++) {
			SDVariable h = sameDiffBlock(sd, checkpoint, 3 + 2 * r, x, true);
			x = x.add(sameDiffBlock(sd, checkpoint, 4 + 2 * r, h, false));
		}
		x = sameDiffBlock(sd, checkpoint, 13, x, true);
		x = sameDiffBlock(sd, checkpoint, 14, x, true);
		x = sameDiffBlock(sd, checkpoint, 15, x, false);
		sd.math().clipByValue(OUTPUT, sd.math().tanh(x).mul(150.0).add(127.5), 0, 255);
		return sd;
	}

	private static SDVariable sameDiffBlock(SameDiff sd, Checkpoint checkpoint, int index, SDVariable x,
			boolean relu) {
		Layer l = LAYERS.get(index);
		INDArray kernel = Nd4j.create(checkpoint.variable(3 * index), l.tfShape(), 'c');
		SDVariable y;
		if (l.transposed) {
			y = sd.cnn().deconv2d(x, sd.constant(kernel), DeConv2DConfig.builder().kH(l.kernel).kW(l.kernel)
					.sH(l.stride).sW(l.stride).isSameMode(true).dataFormat("NCHW").build());
		} else {
			y = sd.cnn().conv2d(x, sd.constant(kernel), Conv2DConfig.builder().kH(l.kernel).kW(l.kernel)
					.sH(l.stride).sW(l.stride).paddingMode(PaddingMode.SAME).dataFormat("NCHW").build());
		}
		SDVariable shift = sd.constant(Nd4j.create(checkpoint.variable(3 * index + 1), new long[] { 1, l.out, 1, 1 },
				'c'));
		SDVariable scale = sd.constant(Nd4j.create(checkpoint.variable(3 * index + 2), new long[] { 1, l.out, 1, 1 },
				'c'));
		SDVariable mean = y.mean(true, 2, 3);
		SDVariable variance = y.squaredDifference(mean).mean(true, 2, 3);
		y = y.sub(mean).div(sd.math().sqrt(variance.add(EPSILON))).mul(scale).add(shift);
		return relu ? sd.nn().relu(y, 0) : y;
	}

	/** Convolution, instance norm and (optionally) ReLU of layer {@code index}. */
	private static String block(OnnxGraphBuilder g, Checkpoint checkpoint, int index, String x, boolean relu) {
		Layer layer = LAYERS.get(index);
		float[] kernel = checkpoint.variable(3 * index);
		String w = "w" + index;
		String y;
		if (layer.transposed) {
			g.constant(w, transposedKernel(kernel, layer), layer.in, layer.out, layer.kernel, layer.kernel);
			y = g.node("ConvTranspose", new String[] { x, w }, OnnxGraphBuilder.ints("strides", 2, 2),
					OnnxGraphBuilder.ints("pads", 0, 0, 1, 1));
		} else {
			g.constant(w, convKernel(kernel, layer), layer.out, layer.in, layer.kernel, layer.kernel);
			long[] pads = layer.stride == 1 ? new long[] { layer.kernel / 2, layer.kernel / 2, layer.kernel / 2,
					layer.kernel / 2 } : new long[] { 0, 0, 1, 1 };
			y = g.node("Conv", new String[] { x, w }, OnnxGraphBuilder.ints("strides", layer.stride, layer.stride),
					OnnxGraphBuilder.ints("pads", pads));
		}
		String shift = g.constant("shift" + index, checkpoint.variable(3 * index + 1), layer.out);
		String scale = g.constant("scale" + index, checkpoint.variable(3 * index + 2), layer.out);
		y = g.node("InstanceNormalization", new String[] { y, scale, shift }, OnnxGraphBuilder.real("epsilon", EPSILON));
		return relu ? g.node("Relu", new String[] { y }) : y;
	}

	/** TensorFlow {@code [kh, kw, in, out]} to ONNX {@code [out, in, kh, kw]}. */
	private static float[] convKernel(float[] tf, Layer l) {
		int k = l.kernel;
		float[] onnx = new float[tf.length];
		for (int y = 0; y < k; y++) {
			for (int x = 0; x < k; x++) {
				for (int i = 0; i < l.in; i++) {
					for (int o = 0; o < l.out; o++) {
						onnx[((o * l.in + i) * k + y) * k + x] = tf[((y * k + x) * l.in + i) * l.out + o];
					}
				}
			}
		}
		return onnx;
	}

	/** TensorFlow transposed {@code [kh, kw, out, in]} to ONNX ConvTranspose {@code [in, out, kh, kw]}. */
	private static float[] transposedKernel(float[] tf, Layer l) {
		int k = l.kernel;
		float[] onnx = new float[tf.length];
		for (int y = 0; y < k; y++) {
			for (int x = 0; x < k; x++) {
				for (int o = 0; o < l.out; o++) {
					for (int i = 0; i < l.in; i++) {
						onnx[((i * l.out + o) * k + y) * k + x] = tf[((y * k + x) * l.out + o) * l.in + i];
					}
				}
			}
		}
		return onnx;
	}

	private static List<Layer> layers() {
		List<Layer> layers = new ArrayList<>();
		layers.add(new Layer(9, 3, 32, 1, false));
		layers.add(new Layer(3, 32, 64, 2, false));
		layers.add(new Layer(3, 64, 128, 2, false));
		for (int i = 0; i < 10; i++) {
			layers.add(new Layer(3, 128, 128, 1, false));
		}
		layers.add(new Layer(3, 128, 64, 2, true));
		layers.add(new Layer(3, 64, 32, 2, true));
		layers.add(new Layer(9, 32, 3, 1, false));
		return List.copyOf(layers);
	}
}
