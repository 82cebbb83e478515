package org.neurograph.gan.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.neurograph.assets.AtomicFiles;
import org.neurograph.runtime.dl4j.onnx.OnnxGraphBuilder;
import org.neurograph.runtime.dl4j.onnx.OnnxGraphBuilder.Dim;

/**
 * Writes a trained DL4J generator (a {@link MultiLayerNetwork} of the layers {@link DcganNetworks} builds) as an ONNX
 * graph with the same weights, for inference on ONNX Runtime. Input {@value #INPUT} is {@code [batch, latent]},
 * output {@value #OUTPUT} is {@code [batch, channels, height, width]} in [-1, 1]; the batch size is symbolic.
 * <p>
 * The mapping, layer by layer:
 * <ul>
 * <li>{@code DenseLayer}: {@code Gemm(x, W, b)}; DL4J keeps W as {@code [nIn, nOut]} and computes {@code xW + b},
 * which is Gemm without transposes.</li>
 * <li>{@code FeedForwardToCnnPreProcessor}: {@code Reshape} to {@code [-1, channels, height, width]}; DL4J reshapes
 * the rows in C order into NCHW, so value {@code c*h*w + y*w + x} of a row becomes channel c, row y, column x.</li>
 * <li>{@code BatchNormalization} (inference): ONNX {@code BatchNormalization} with gamma, beta, DL4J's running mean
 * and variance and its epsilon: {@code (x - mean) / sqrt(var + eps) * gamma + beta}. DL4J 1.0.0-M2 keeps the running
 * statistic as {@code s = log10stdev} and normalises at inference by {@code sqrt(10^(2s) + eps)} (measured: it adds
 * epsilon once more, although training folded it into {@code s}), so the variance written is {@code 10^(2s)}.</li>
 * <li>{@code Deconvolution2D} (NCHW, Truncate or Strict mode, no dilation): {@code ConvTranspose} with the same
 * kernel, strides and symmetric pads; DL4J's weights are {@code [nIn, nOut, kH, kW]}, the layout ONNX takes.</li>
 * <li>activations identity, ReLU, leaky ReLU, tanh, sigmoid, on a layer or as an {@code ActivationLayer}.</li>
 * </ul>
 * Anything else is refused with a message naming the layer.
 */
public final class GeneratorOnnx {

	/** The graph's input: latent vectors, {@code [batch, latent]}. */
	public static final String INPUT = "latent";
	/** The graph's output: images, {@code [batch, channels, height, width]}. */
	public static final String OUTPUT = "image";
	/** Metadata key holding the SHA-256 (hex) of the DL4J model file the graph was made from. */
	public static final String SOURCE_SHA256 = "neurograph.source.sha256";

	private GeneratorOnnx() {
	}

	/**
	 * The ONNX model of {@code generator}, which maps {@code latentSize} values to images of {@code channels x size x
	 * size}; {@code sourceSha256} (may be null) is recorded as metadata {@value #SOURCE_SHA256}.
	 *
	 * @throws IllegalArgumentException if the network holds a layer or setting this writer does not translate
	 */
	public static byte[] toOnnx(MultiLayerNetwork generator, int latentSize, int channels, int size,
			String sourceSha256) {
		OnnxGraphBuilder g = new OnnxGraphBuilder("dcgan_generator", "neurograph-gan")
				.input(INPUT, Dim.symbolic("batch"), Dim.fixed(latentSize))
				.output(OUTPUT, Dim.symbolic("batch"), Dim.fixed(channels), Dim.fixed(size), Dim.fixed(size));
		if (sourceSha256 != null) {
			g.metadata(SOURCE_SHA256, sourceSha256);
		}
		var conf = generator.getLayerWiseConfigurations();
		String x = INPUT;
		int n = generator.getnLayers();
		for (int i = 0; i < n; i++) {
			InputPreProcessor pre = conf.getInputPreProcess(i);
			if (pre != null) {
				x = preprocess(g, pre, x, i);
			}
			Layer layer = conf.getConf(i).getLayer();
			var params = generator.getLayer(i);
			String p = "l" + i + "_";
			if (layer instanceof DenseLayer dense) {
				INDArray w = params.getParam(DefaultParamInitializer.WEIGHT_KEY);
				String wName = g.constant(p + "W", floats(w), w.size(0), w.size(1));
				String[] inputs = dense.hasBias() ? new String[] { x, wName, bias(g, params, p, w.size(1)) }
						: new String[] { x, wName };
				x = g.node("Gemm", inputs);
				x = activation(g, dense.getActivationFn(), x, i);
			} else if (layer instanceof BatchNormalization bn) {
				x = batchNorm(g, bn, params, x, p);
			} else if (layer instanceof ActivationLayer act) {
				x = activation(g, act.getActivationFn(), x, i);
			} else if (layer instanceof Deconvolution2D deconv) {
				x = deconvolution(g, deconv, params, x, p, i);
				x = activation(g, deconv.getActivationFn(), x, i);
			} else {
				throw new IllegalArgumentException("layer " + i + " (" + layer.getClass().getSimpleName()
						+ ") cannot be written as ONNX; a GAN generator has dense, batch normalisation, activation and "
						+ "transposed convolution layers");
			}
		}
		g.node("Identity", OUTPUT, new String[] { x });
		return g.toByteArray();
	}

	/**
	 * The ONNX graph of a DL4J generator network of {@code config}'s shape; {@code sourceSha256} (or null) names the
	 * DL4J model file it came from.
	 *
	 * @throws IOException if the network holds a layer this writer does not translate (the message says which)
	 */
	public static byte[] export(MultiLayerNetwork network, DcganConfig config, String sourceSha256) throws IOException {
		try {
			return toOnnx(network, config.latentSize(), config.channels(), config.size(), sourceSha256);
		} catch (IllegalArgumentException e) {
			throw new IOException("The GAN generator cannot be written as ONNX: " + e.getMessage()
					+ ". Choose the DL4J engine.", e);
		}
	}

	/**
	 * Writes {@code onnxFile} (atomically) from {@code network}, which is the network that {@code generatorFile}
	 * holds; the graph records the generator file's hash.
	 */
	public static void write(Path onnxFile, MultiLayerNetwork network, DcganConfig config, Path generatorFile)
			throws IOException {
		AtomicFiles.write(onnxFile, export(network, config, sha256(generatorFile)));
	}

	/** The generator-file hash recorded in an ONNX graph file, or null if there is no readable graph or none. */
	public static String sourceOf(Path onnxFile) {
		try {
			if (!Files.isRegularFile(onnxFile)) {
				return null;
			}
			return OnnxGraphBuilder.metadata(Files.readAllBytes(onnxFile), SOURCE_SHA256);
		} catch (IOException | IllegalArgumentException e) {
			return null; // unreadable or damaged: to be made again
		}
	}

	/** The SHA-256 of a file, in lower-case hex. */
	public static String sha256(Path file) throws IOException {
		MessageDigest digest;
		try {
			digest = MessageDigest.getInstance("SHA-256");
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
			in.transferTo(OutputStream.nullOutputStream());
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private static String preprocess(OnnxGraphBuilder g, InputPreProcessor pre, String x, int layer) {
		if (!(pre instanceof FeedForwardToCnnPreProcessor ff)) {
			throw new IllegalArgumentException("the input preprocessor of layer " + layer + " ("
					+ pre.getClass().getSimpleName() + ") cannot be written as ONNX");
		}
		String shape = g.longs("l" + layer + "_shape",
				new long[] { -1, ff.getNumChannels(), ff.getInputHeight(), ff.getInputWidth() }, 4);
		return g.node("Reshape", new String[] { x, shape });
	}

	private static String batchNorm(OnnxGraphBuilder g, BatchNormalization bn, org.deeplearning4j.nn.api.Layer params,
			String x, String p) {
		float[] mean = floats(params.getParam(BatchNormalizationParamInitializer.GLOBAL_MEAN));
		int c = mean.length;
		float[] variance;
		if (bn.isUseLogStd()) {
			float[] log10std = floats(params.getParam(BatchNormalizationParamInitializer.GLOBAL_LOG_STD));
			variance = new float[c];
			for (int i = 0; i < c; i++) {
				double std = Math.pow(10, log10std[i]);
				variance[i] = (float) (std * std);
			}
		} else {
			variance = floats(params.getParam(BatchNormalizationParamInitializer.GLOBAL_VAR));
		}
		float[] gamma;
		float[] beta;
		if (bn.isLockGammaBeta()) {
			gamma = new float[c];
			beta = new float[c];
			Arrays.fill(gamma, (float) bn.getGamma());
			Arrays.fill(beta, (float) bn.getBeta());
		} else {
			gamma = floats(params.getParam(BatchNormalizationParamInitializer.GAMMA));
			beta = floats(params.getParam(BatchNormalizationParamInitializer.BETA));
		}
		return g.node("BatchNormalization",
				new String[] { x, g.constant(p + "gamma", gamma, c), g.constant(p + "beta", beta, c),
						g.constant(p + "mean", mean, c), g.constant(p + "var", variance, c) },
				OnnxGraphBuilder.real("epsilon", (float) bn.getEps()));
	}

	private static String deconvolution(OnnxGraphBuilder g, Deconvolution2D d, org.deeplearning4j.nn.api.Layer params,
			String x, String p, int layer) {
		ConvolutionMode mode = d.getConvolutionMode();
		if (mode != ConvolutionMode.Truncate && mode != ConvolutionMode.Strict
				|| d.getCnn2dDataFormat() != CNN2DFormat.NCHW || d.getDilation()[0] != 1 || d.getDilation()[1] != 1) {
			throw new IllegalArgumentException("the transposed convolution of layer " + layer + " (mode " + mode
					+ ", format " + d.getCnn2dDataFormat() + ", dilation " + Arrays.toString(d.getDilation())
					+ ") cannot be written as ONNX; NCHW, Truncate or Strict mode and no dilation can");
		}
		INDArray w = params.getParam(DefaultParamInitializer.WEIGHT_KEY);
		if (w.rank() != 4) {
			throw new IllegalArgumentException("the weights of layer " + layer + " have shape "
					+ Arrays.toString(w.shape()) + "; a 2-D transposed convolution has [nIn, nOut, kH, kW]");
		}
		int[] k = d.getKernelSize();
		int[] s = d.getStride();
		int[] pad = d.getPadding();
		String wName = g.constant(p + "W", floats(w), w.shape());
		String[] inputs = d.hasBias() ? new String[] { x, wName, bias(g, params, p, w.size(1)) }
				: new String[] { x, wName };
		return g.node("ConvTranspose", inputs, OnnxGraphBuilder.ints("kernel_shape", k[0], k[1]),
				OnnxGraphBuilder.ints("strides", s[0], s[1]), OnnxGraphBuilder.ints("pads", pad[0], pad[1], pad[0], pad[1]));
	}

	private static String bias(OnnxGraphBuilder g, org.deeplearning4j.nn.api.Layer params, String p, long size) {
		return g.constant(p + "b", floats(params.getParam(DefaultParamInitializer.BIAS_KEY)), size);
	}

	private static String activation(OnnxGraphBuilder g, IActivation fn, String x, int layer) {
		if (fn == null || fn instanceof ActivationIdentity) {
			return x;
		}
		if (fn instanceof ActivationReLU relu) {
			// DL4J's ReLU has options (max value, threshold, negative slope) that are off by default
			if (relu.getMax() != null || !isZero(relu.getThreshold()) || !isZero(relu.getNegativeSlope())) {
				throw new IllegalArgumentException("the ReLU of layer " + layer + " has a limit, threshold or slope; "
						+ "only the plain ReLU can be written as ONNX");
			}
			return g.node("Relu", new String[] { x });
		}
		if (fn instanceof ActivationLReLU leaky) {
			return g.node("LeakyRelu", new String[] { x }, OnnxGraphBuilder.real("alpha", (float) leaky.getAlpha()));
		}
		if (fn instanceof ActivationTanH) {
			return g.node("Tanh", new String[] { x });
		}
		if (fn instanceof ActivationSigmoid) {
			return g.node("Sigmoid", new String[] { x });
		}
		throw new IllegalArgumentException("the activation " + fn + " of layer " + layer
				+ " cannot be written as ONNX");
	}

	private static boolean isZero(Double value) {
		return value == null || value == 0;
	}

	/** The values of {@code a} in C (row-major) order, as floats. */
	private static float[] floats(INDArray a) {
		float[] values = a.castTo(DataType.FLOAT).dup('c').data().asFloat();
		if (values.length != a.length()) {
			throw new IllegalStateException("a parameter of shape " + Arrays.toString(a.shape()) + " gave "
					+ values.length + " values");
		}
		return values;
	}
}
