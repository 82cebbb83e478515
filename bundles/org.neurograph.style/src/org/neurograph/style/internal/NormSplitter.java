package org.neurograph.style.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.nd4j.shade.protobuf.InvalidProtocolBufferException;
import org.neurograph.runtime.dl4j.onnx.OnnxGraphBuilder;

import onnx.Onnx.AttributeProto;
import onnx.Onnx.GraphProto;
import onnx.Onnx.ModelProto;
import onnx.Onnx.NodeProto;
import onnx.Onnx.OperatorSetIdProto;
import onnx.Onnx.TensorProto;
import onnx.Onnx.TensorShapeProto;
import onnx.Onnx.TypeProto;
import onnx.Onnx.ValueInfoProto;

/**
 * Splits a style network's instance normalisation so that tiles can share the statistics of the whole image. Instance
 * normalisation makes each tile's output depend on that tile's own mean and variance, so tiles rendered on their own
 * disagree at their seams. From the model this makes two graphs: a statistics graph (the model with every
 * {@code InstanceNormalization} input's per-channel mean and variance as extra outputs), run once on the whole image
 * (scaled down to one tile), and a tile graph in which every {@code InstanceNormalization} node becomes
 * {@code x * a + b}, with per-channel {@code a} and {@code b} as extra inputs computed from those statistics.
 */
public final class NormSplitter {

	/** Extra output of the statistics graph: the mean of normalisation {@code k}'s input. */
	public static String mean(int k) {
		return "ng_stats_mean_" + k;
	}

	/** Extra output of the statistics graph: the variance of normalisation {@code k}'s input. */
	public static String variance(int k) {
		return "ng_stats_var_" + k;
	}

	/** Extra input of the tile graph: the per-channel factor of normalisation {@code k}. */
	public static String factor(int k) {
		return "ng_tile_a_" + k;
	}

	/** Extra input of the tile graph: the per-channel offset of normalisation {@code k}. */
	public static String offset(int k) {
		return "ng_tile_b_" + k;
	}

	/**
	 * One instance normalisation: its per-channel scale and shift and its epsilon.
	 *
	 * @param scale   per-channel scale
	 * @param shift   per-channel shift
	 * @param epsilon added to the variance
	 */
	public record Norm(float[] scale, float[] shift, float epsilon) {
	}

	/**
	 * The split of a model.
	 *
	 * @param statistics the serialized statistics graph
	 * @param tiles      the serialized tile graph
	 * @param norms      the normalisations, in node order (index {@code k} of the extra inputs and outputs)
	 */
	public record Split(byte[] statistics, byte[] tiles, List<Norm> norms) {
	}

	private NormSplitter() {
	}

	/**
	 * The split of the serialized model {@code onnx}, or empty when it has no instance normalisation or one whose
	 * scale and shift are not constants of the graph.
	 */
	public static Optional<Split> split(byte[] onnx) throws InvalidProtocolBufferException {
		ModelProto model = ModelProto.parseFrom(onnx);
		GraphProto graph = model.getGraph();
		Map<String, TensorProto> constants = graph.getInitializerList().stream()
				.collect(Collectors.toMap(TensorProto::getName, Function.identity(), (a, b) -> a));
		List<Norm> norms = new ArrayList<>();
		for (NodeProto node : graph.getNodeList()) {
			if (node.getOpType().equals("InstanceNormalization")) {
				TensorProto scale = constants.get(node.getInput(1));
				TensorProto shift = constants.get(node.getInput(2));
				float[] scales = scale == null ? new float[0] : OnnxTensors.floats(scale);
				float[] shifts = shift == null ? new float[0] : OnnxTensors.floats(shift);
				if (scales.length == 0 || scales.length != shifts.length) {
					return Optional.empty();
				}
				norms.add(new Norm(scales, shifts, epsilon(node)));
			}
		}
		if (norms.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new Split(statistics(model, norms), tiles(model, norms), List.copyOf(norms)));
	}

	private static byte[] statistics(ModelProto model, List<Norm> norms) {
		boolean axesAsInput = opset(model) >= 18;
		GraphProto.Builder graph = model.getGraph().toBuilder();
		if (axesAsInput) {
			graph.addInitializer(TensorProto.newBuilder().setName("ng_stats_axes")
					.setDataType(TensorProto.DataType.INT64_VALUE).addDims(2).addInt64Data(2).addInt64Data(3));
		}
		int k = 0;
		for (NodeProto node : model.getGraph().getNodeList()) {
			if (!node.getOpType().equals("InstanceNormalization")) {
				continue;
			}
			String x = node.getInput(0);
			String centred = "ng_stats_centred_" + k;
			String squared = "ng_stats_squared_" + k;
			graph.addNode(reduceMean(x, mean(k), axesAsInput));
			graph.addNode(NodeProto.newBuilder().setOpType("Sub").addInput(x).addInput(mean(k)).addOutput(centred));
			graph.addNode(NodeProto.newBuilder().setOpType("Mul").addInput(centred).addInput(centred).addOutput(squared));
			graph.addNode(reduceMean(squared, variance(k), axesAsInput));
			graph.addOutput(channelValue(mean(k), norms.get(k).scale().length));
			graph.addOutput(channelValue(variance(k), norms.get(k).scale().length));
			k++;
		}
		return model.toBuilder().setGraph(graph).build().toByteArray();
	}

	private static byte[] tiles(ModelProto model, List<Norm> norms) {
		GraphProto.Builder graph = model.getGraph().toBuilder().clearNode();
		int k = 0;
		for (NodeProto node : model.getGraph().getNodeList()) {
			if (!node.getOpType().equals("InstanceNormalization")) {
				graph.addNode(node);
				continue;
			}
			String scaled = "ng_tile_scaled_" + k;
			graph.addNode(NodeProto.newBuilder().setOpType("Mul").addInput(node.getInput(0)).addInput(factor(k))
					.addOutput(scaled));
			graph.addNode(NodeProto.newBuilder().setOpType("Add").addInput(scaled).addInput(offset(k))
					.addOutput(node.getOutput(0)));
			graph.addInput(channelValue(factor(k), norms.get(k).scale().length));
			graph.addInput(channelValue(offset(k), norms.get(k).scale().length));
			k++;
		}
		dropUnused(graph);
		return model.toBuilder().setGraph(graph).build().toByteArray();
	}

	/** Removes the constants no node reads any more (the replaced normalisations' scales and shifts). */
	private static void dropUnused(GraphProto.Builder graph) {
		Set<String> read = new HashSet<>();
		graph.getNodeList().forEach(n -> read.addAll(n.getInputList()));
		graph.getOutputList().forEach(o -> read.add(o.getName()));
		List<TensorProto> kept = graph.getInitializerList().stream().filter(t -> read.contains(t.getName())).toList();
		graph.clearInitializer().addAllInitializer(kept);
	}

	private static NodeProto reduceMean(String input, String output, boolean axesAsInput) {
		NodeProto.Builder node = NodeProto.newBuilder().setOpType("ReduceMean").addInput(input).addOutput(output)
				.addAttribute(AttributeProto.newBuilder().setName("keepdims").setType(AttributeProto.AttributeType.INT)
						.setI(1));
		if (axesAsInput) {
			node.addInput("ng_stats_axes");
		} else {
			node.addAttribute(OnnxGraphBuilder.ints("axes", 2, 3));
		}
		return node.build();
	}

	private static ValueInfoProto channelValue(String name, int channels) {
		TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
		for (long d : new long[] { 1, channels, 1, 1 }) {
			shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
		}
		return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
				TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(shape))).build();
	}

	private static long opset(ModelProto model) {
		return model.getOpsetImportList().stream().filter(o -> o.getDomain().isEmpty() || o.getDomain().equals("ai.onnx"))
				.mapToLong(OperatorSetIdProto::getVersion).max().orElse(1);
	}

	private static float epsilon(NodeProto node) {
		return node.getAttributeList().stream().filter(a -> a.getName().equals("epsilon")).map(AttributeProto::getF)
				.findFirst().orElse(1e-5f);
	}
}
