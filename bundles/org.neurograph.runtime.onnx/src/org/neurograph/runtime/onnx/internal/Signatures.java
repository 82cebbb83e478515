package org.neurograph.runtime.onnx.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.neurograph.runtime.onnx.Dimension;
import org.neurograph.runtime.onnx.ElementType;
import org.neurograph.runtime.onnx.ValueKind;
import org.neurograph.runtime.onnx.ValueSpec;

import ai.onnxruntime.MapInfo;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.SequenceInfo;
import ai.onnxruntime.TensorInfo;
import ai.onnxruntime.ValueInfo;

/** Turns ONNX Runtime's node descriptions into the runtime's own records. */
final class Signatures {

	private static final String TYPE_PREFIX = "ONNX_TENSOR_ELEMENT_DATA_TYPE_";

	private Signatures() {
	}

	/** The values of {@code nodes} in their order. */
	static List<ValueSpec> of(Map<String, NodeInfo> nodes) {
		List<ValueSpec> specs = new ArrayList<>();
		for (NodeInfo node : nodes.values()) {
			specs.add(of(node.getName(), node.getInfo()));
		}
		return specs;
	}

	private static ValueSpec of(String name, ValueInfo info) {
		if (info instanceof TensorInfo tensor) {
			long[] sizes = tensor.getShape();
			String[] symbols = tensor.getDimensionNames();
			List<Dimension> shape = new ArrayList<>();
			for (int d = 0; d < sizes.length; d++) {
				String symbol = d < symbols.length && symbols[d] != null ? symbols[d] : "";
				shape.add(new Dimension(sizes[d] < 0 ? -1 : sizes[d], sizes[d] < 0 ? symbol : ""));
			}
			return new ValueSpec(name, ValueKind.TENSOR, elementType(tensor.onnxType), shape);
		}
		ValueKind kind = info instanceof SequenceInfo ? ValueKind.SEQUENCE
				: info instanceof MapInfo ? ValueKind.MAP : ValueKind.OTHER;
		return new ValueSpec(name, kind, ElementType.OTHER, List.of());
	}

	private static ElementType elementType(TensorInfo.OnnxTensorType type) {
		String name = type.name().startsWith(TYPE_PREFIX) ? type.name().substring(TYPE_PREFIX.length()) : "";
		for (ElementType t : ElementType.values()) {
			if (t.name().equals(name)) {
				return t;
			}
		}
		return ElementType.OTHER;
	}
}
