package org.neurograph.style.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.nd4j.shade.protobuf.ByteString;

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
 * A small fluent writer of ONNX graphs (opset 13, IR 7) over the protobuf classes that nd4j-api ships: initializers
 * from float arrays, nodes with int, float and ints attributes, and image inputs and outputs of shape
 * {@code [batch, channels, height, width]} with symbolic or fixed sizes.
 */
public final class OnnxGraphBuilder {

	private final GraphProto.Builder graph;
	private int counter;

	/** A graph called {@code name}. */
	public OnnxGraphBuilder(String name) {
		graph = GraphProto.newBuilder().setName(name);
	}

	/** Adds a float input of {@code 1 x channels x height x width}; a size below 1 becomes a symbolic dimension. */
	public OnnxGraphBuilder imageInput(String name, int channels, int height, int width) {
		graph.addInput(imageValue(name, channels, height, width));
		return this;
	}

	/** Adds a float output of {@code 1 x channels x height x width}; a size below 1 becomes a symbolic dimension. */
	public OnnxGraphBuilder imageOutput(String name, int channels, int height, int width) {
		graph.addOutput(imageValue(name, channels, height, width));
		return this;
	}

	/** Adds a constant tensor and returns its name. */
	public String constant(String name, float[] values, long... dims) {
		ByteBuffer data = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
		for (float v : values) {
			data.putFloat(v);
		}
		TensorProto.Builder tensor = TensorProto.newBuilder().setName(name)
				.setDataType(TensorProto.DataType.FLOAT_VALUE).setRawData(ByteString.copyFrom(data.array()));
		for (long d : dims) {
			tensor.addDims(d);
		}
		graph.addInitializer(tensor);
		return name;
	}

	/** Adds a scalar constant and returns its name. */
	public String scalar(String name, float value) {
		return constant(name, new float[] { value });
	}

	/** Adds a node of {@code op} on {@code inputs} and returns the name of its single output. */
	public String node(String op, String[] inputs, AttributeProto... attributes) {
		String output = op.toLowerCase() + "_" + counter++;
		return node(op, output, inputs, attributes);
	}

	/** Adds a node of {@code op} on {@code inputs} with a given output name and returns it. */
	public String node(String op, String output, String[] inputs, AttributeProto... attributes) {
		NodeProto.Builder node = NodeProto.newBuilder().setOpType(op).setName(output + "_node").addOutput(output);
		for (String input : inputs) {
			node.addInput(input);
		}
		for (AttributeProto a : attributes) {
			node.addAttribute(a);
		}
		graph.addNode(node);
		return output;
	}

	/** An attribute holding integers. */
	public static AttributeProto ints(String name, long... values) {
		AttributeProto.Builder a = AttributeProto.newBuilder().setName(name)
				.setType(AttributeProto.AttributeType.INTS);
		for (long v : values) {
			a.addInts(v);
		}
		return a.build();
	}

	/** An attribute holding one float. */
	public static AttributeProto real(String name, float value) {
		return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(value)
				.build();
	}

	/** The serialized model. */
	public byte[] toByteArray() {
		return ModelProto.newBuilder().setIrVersion(7).setProducerName("neurograph-style")
				.addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(13)).setGraph(graph)
				.build().toByteArray();
	}

	private static ValueInfoProto imageValue(String name, int channels, int height, int width) {
		TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
		shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(1));
		shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(channels));
		shape.addDim(height > 0 ? TensorShapeProto.Dimension.newBuilder().setDimValue(height)
				: TensorShapeProto.Dimension.newBuilder().setDimParam("height"));
		shape.addDim(width > 0 ? TensorShapeProto.Dimension.newBuilder().setDimValue(width)
				: TensorShapeProto.Dimension.newBuilder().setDimParam("width"));
		return ValueInfoProto.newBuilder().setName(name)
				.setType(TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
						.setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(shape)))
				.build();
	}
}
