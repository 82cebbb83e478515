package org.neurograph.style;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.shade.protobuf.CodedInputStream;
import org.neurograph.style.internal.OnnxTensors;

import onnx.Onnx.AttributeProto;
import onnx.Onnx.ModelProto;
import onnx.Onnx.NodeProto;
import onnx.Onnx.TensorProto;

/**
 * A VGG-16 or VGG-19 feature network read from an ONNX file (the ONNX model zoo's {@code vgg16} / {@code vgg19}:
 * 3x3 convolutions with biases, ReLU and 2x2 max pooling, inputs normalised with the ImageNet mean and deviation).
 * Its first five blocks are rebuilt in SameDiff with average instead of max pooling, as Gatys et al. recommend.
 * Style comes from the first ReLU of each block ({@code relu1_1} ... {@code relu5_1}), content from {@code relu4_2}.
 */
public final class VggFeatureNetwork implements FeatureNetwork {

	private static final float[] MEAN = { 0.485f, 0.456f, 0.406f };
	private static final float[] DEVIATION = { 0.229f, 0.224f, 0.225f };
	private static final int BLOCKS = 5;

	/** One convolution: kernel {@code [3, 3, in, out]} and bias, and whether a pooling comes before it. */
	private record Conv(float[] kernel, float[] bias, int in, int out, boolean pooledBefore) {
	}

	private final List<Conv> convs;
	private final String name;

	private VggFeatureNetwork(List<Conv> convs, String name) {
		this.convs = convs;
		this.name = name;
	}

	/**
	 * Reads the convolutions of the first five blocks from {@code file}.
	 *
	 * @throws StyleModelException if the file cannot be read or is not a plain VGG network; the message says why
	 */
	public static VggFeatureNetwork load(Path file) throws StyleModelException {
		if (!Files.isRegularFile(file) || !file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".onnx")) {
			throw new StyleModelException("'" + file + "' is not an .onnx file. Point at the ONNX model zoo's "
					+ "vgg16 or vgg19 file, or leave the VGG setting empty for the built-in network.");
		}
		ModelProto model;
		try (InputStream in = Files.newInputStream(file)) {
			CodedInputStream coded = CodedInputStream.newInstance(in);
			coded.setSizeLimit(Integer.MAX_VALUE);
			model = ModelProto.parseFrom(coded);
		} catch (IOException e) {
			throw new StyleModelException("'" + file.getFileName() + "' is not a readable ONNX model: " + e.getMessage(), e);
		}
		Map<String, TensorProto> constants = model.getGraph().getInitializerList().stream()
				.collect(Collectors.toMap(TensorProto::getName, Function.identity(), (a, b) -> a));
		List<Conv> convs = new ArrayList<>();
		boolean pooled = false;
		int blocks = 1;
		for (NodeProto node : model.getGraph().getNodeList()) {
			switch (node.getOpType()) {
			case "Conv" -> {
				convs.add(conv(file, node, constants, pooled));
				pooled = false;
			}
			case "Relu", "Dropout" -> {
				// ReLU follows every convolution in the rebuilt network
			}
			case "MaxPool" -> {
				pooled = true;
				blocks++;
			}
			default -> throw notVgg(file, "it has a " + node.getOpType() + " node among its convolutions");
			}
			if (blocks > BLOCKS) {
				break;
			}
		}
		long firstOfBlocks = convs.stream().filter(Conv::pooledBefore).count() + 1;
		if (firstOfBlocks < BLOCKS || convs.isEmpty() || convs.get(0).in() != 3) {
			throw notVgg(file, "it has " + firstOfBlocks + " blocks of convolutions on an RGB input; VGG has five");
		}
		return new VggFeatureNetwork(List.copyOf(convs), "VGG from " + file.getFileName());
	}

	@Override
	public Features build(SameDiff sd, SDVariable image) {
		SDVariable x = image.div(255.0).sub(sd.constant(Nd4j.create(MEAN, new long[] { 1, 3, 1, 1 }, 'c')))
				.div(sd.constant(Nd4j.create(DEVIATION, new long[] { 1, 3, 1, 1 }, 'c')));
		List<SDVariable> style = new ArrayList<>();
		SDVariable content = null;
		int block = 1;
		int inBlock = 0;
		for (int i = 0; i < convs.size(); i++) {
			Conv c = convs.get(i);
			if (c.pooledBefore()) {
				x = Layers.averagePool(sd, x);
				block++;
				inBlock = 0;
			}
			inBlock++;
			SDVariable w = sd.constant("vgg_w" + i, Nd4j.create(c.kernel(), new long[] { 3, 3, c.in(), c.out() }, 'c'));
			SDVariable b = sd.constant("vgg_b" + i, Nd4j.create(c.bias(), new long[] { c.out() }, 'c'));
			x = sd.nn().relu(Layers.conv3x3(sd, x, w, b), 0);
			if (inBlock == 1) {
				style.add(x);
			}
			if (block == 4 && inBlock == 2) {
				content = x;
			}
		}
		return new Features(style, content == null ? style.get(style.size() - 2) : content);
	}

	@Override
	public String description() {
		return name;
	}

	private static Conv conv(Path file, NodeProto node, Map<String, TensorProto> constants, boolean pooled)
			throws StyleModelException {
		TensorProto w = constants.get(node.getInput(1));
		if (w == null || w.getDataType() != TensorProto.DataType.FLOAT_VALUE || w.getDimsCount() != 4
				|| w.getDims(2) != 3 || w.getDims(3) != 3) {
			throw notVgg(file, "its convolution '" + node.getName() + "' is not a 3x3 convolution with constant weights");
		}
		for (AttributeProto a : node.getAttributeList()) {
			boolean ok = switch (a.getName()) {
			case "pads" -> a.getIntsList().stream().allMatch(p -> p == 1);
			case "strides", "dilations" -> a.getIntsList().stream().allMatch(s -> s == 1);
			case "group" -> a.getI() == 1;
			default -> true;
			};
			if (!ok) {
				throw notVgg(file, "its convolution '" + node.getName() + "' has " + a.getName() + " other than VGG's");
			}
		}
		int out = (int) w.getDims(0);
		int in = (int) w.getDims(1);
		float[] oihw = OnnxTensors.floats(w);
		float[] yxio = new float[oihw.length];
		for (int o = 0; o < out; o++) {
			for (int i = 0; i < in; i++) {
				for (int k = 0; k < 9; k++) {
					yxio[(k * in + i) * out + o] = oihw[(o * in + i) * 9 + k];
				}
			}
		}
		TensorProto b = node.getInputCount() > 2 ? constants.get(node.getInput(2)) : null;
		float[] bias = b == null ? new float[out] : OnnxTensors.floats(b);
		if (bias.length != out || oihw.length != out * in * 9) {
			throw notVgg(file, "the weights of its convolution '" + node.getName() + "' do not match their shape");
		}
		return new Conv(yxio, bias, in, out, pooled);
	}

	private static StyleModelException notVgg(Path file, String why) {
		return new StyleModelException("'" + file.getFileName() + "' is not a plain VGG-16/19 network: " + why
				+ ". Use the ONNX model zoo's vgg16 or vgg19, or leave the VGG setting empty for the built-in network.");
	}
}
