package org.neurograph.runtime.dl4j.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

import org.nd4j.shade.protobuf.ByteString;

import onnx.Onnx.AttributeProto;
import onnx.Onnx.GraphProto;
import onnx.Onnx.ModelProto;
import onnx.Onnx.NodeProto;
import onnx.Onnx.OperatorSetIdProto;
import onnx.Onnx.StringStringEntryProto;
import onnx.Onnx.TensorProto;
import onnx.Onnx.TensorShapeProto;
import onnx.Onnx.TypeProto;
import onnx.Onnx.ValueInfoProto;

/**
 * A small fluent writer of ONNX graphs (opset 13, IR 7) over the protobuf classes that nd4j-api ships: float inputs
 * and outputs of any rank whose dimensions are fixed or symbolic ({@link Dim}), float and int64 initializers, nodes
 * with int, ints and float attributes, and model metadata. Not thread-safe.
 */
public final class OnnxGraphBuilder {

	/** The operator set the graphs are written for. */
	public static final int OPSET = 13;

	/** One dimension of an input or output: a fixed size, or a symbolic one chosen at run time. */
	public record Dim(long size, String symbol) {
		public Dim {
			if (symbol == null && size < 1 || symbol != null && symbol.isBlank()) {
				throw new IllegalArgumentException("a dimension is a size of at least 1 or a non-blank symbol");
			}
		}

		/** A dimension of {@code size}. */
		public static Dim fixed(long size) {
			return new Dim(size, null);
		}

		/** A dimension called {@code symbol}, chosen at run time (dimensions of the same name have equal sizes). */
		public static Dim symbolic(String symbol) {
			return new Dim(0, Objects.requireNonNull(symbol, "symbol"));
		}

		/** True for a symbolic dimension. */
		public boolean isSymbolic() {
			return symbol != null;
		}
	}

	private final GraphProto.Builder graph;
	private final ModelProto.Builder model;
	private int counter;

	/** A graph called {@code name}, produced by "neurograph". */
	public OnnxGraphBuilder(String name) {
		this(name, "neurograph");
	}

	/** A graph called {@code name}; {@code producer} is recorded as the model's producer name. */
	public OnnxGraphBuilder(String name, String producer) {
		graph = GraphProto.newBuilder().setName(name);
		model = ModelProto.newBuilder().setIrVersion(7).setProducerName(producer);
	}

	/** Adds a float input of the given dimensions. */
	public OnnxGraphBuilder input(String name, Dim... dims) {
		graph.addInput(value(name, dims));
		return this;
	}

	/** Adds a float output of the given dimensions. */
	public OnnxGraphBuilder output(String name, Dim... dims) {
		graph.addOutput(value(name, dims));
		return this;
	}

	/**
	 * Adds a float input of {@code 1 x channels x height x width}; a height or width below 1 becomes the symbolic
	 * dimension {@code height} or {@code width}.
	 */
	public OnnxGraphBuilder imageInput(String name, int channels, int height, int width) {
		return input(name, imageDims(channels, height, width));
	}

	/**
	 * Adds a float output of {@code 1 x channels x height x width}; a height or width below 1 becomes the symbolic
	 * dimension {@code height} or {@code width}.
	 */
	public OnnxGraphBuilder imageOutput(String name, int channels, int height, int width) {
		return output(name, imageDims(channels, height, width));
	}

	/**
	 * Adds a float constant of shape {@code dims} holding {@code values} in row-major order and returns its name.
	 *
	 * @throws IllegalArgumentException if the number of values does not fit the shape
	 */
	public String constant(String name, float[] values, long... dims) {
		checkCount(name, values.length, dims);
		ByteBuffer data = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
		for (float v : values) {
			data.putFloat(v);
		}
		return initializer(name, TensorProto.DataType.FLOAT_VALUE, data.array(), dims);
	}

	/**
	 * Adds an int64 constant of shape {@code dims} (a shape for {@code Reshape}, axes) and returns its name.
	 *
	 * @throws IllegalArgumentException if the number of values does not fit the shape
	 */
	public String longs(String name, long[] values, long... dims) {
		checkCount(name, values.length, dims);
		ByteBuffer data = ByteBuffer.allocate(values.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
		for (long v : values) {
			data.putLong(v);
		}
		return initializer(name, TensorProto.DataType.INT64_VALUE, data.array(), dims);
	}

	/** Adds a scalar float constant and returns its name. */
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

	/** Records {@code key = value} in the model's metadata (readable with {@link #metadata(byte[], String)}). */
	public OnnxGraphBuilder metadata(String key, String value) {
		model.addMetadataProps(StringStringEntryProto.newBuilder().setKey(key).setValue(value));
		return this;
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

	/** An attribute holding one integer. */
	public static AttributeProto integer(String name, long value) {
		return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value)
				.build();
	}

	/** An attribute holding one float. */
	public static AttributeProto real(String name, float value) {
		return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(value)
				.build();
	}

	/** The serialized model. */
	public byte[] toByteArray() {
		return model.clone().addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
				.setGraph(graph).build().toByteArray();
	}

	/**
	 * The value of metadata {@code key} in a serialized ONNX model, or null when the model has no such entry.
	 *
	 * @throws IllegalArgumentException if the bytes are not an ONNX model
	 */
	public static String metadata(byte[] onnxModel, String key) {
		ModelProto parsed;
		try {
			parsed = ModelProto.parseFrom(onnxModel);
		} catch (org.nd4j.shade.protobuf.InvalidProtocolBufferException e) {
			throw new IllegalArgumentException("not an ONNX model: " + e.getMessage(), e);
		}
		for (StringStringEntryProto entry : parsed.getMetadataPropsList()) {
			if (entry.getKey().equals(key)) {
				return entry.getValue();
			}
		}
		return null;
	}

	private String initializer(String name, int dataType, byte[] raw, long[] dims) {
		TensorProto.Builder tensor = TensorProto.newBuilder().setName(name).setDataType(dataType)
				.setRawData(ByteString.copyFrom(raw));
		for (long d : dims) {
			tensor.addDims(d);
		}
		graph.addInitializer(tensor);
		return name;
	}

	private static void checkCount(String name, int count, long[] dims) {
		long expected = 1;
		for (long d : dims) {
			expected *= d;
		}
		if (expected != count) {
			throw new IllegalArgumentException("the constant '" + name + "' has " + count + " values; its shape "
					+ java.util.Arrays.toString(dims) + " needs " + expected);
		}
	}

	private static Dim[] imageDims(int channels, int height, int width) {
		return new Dim[] { Dim.fixed(1), Dim.fixed(channels), height > 0 ? Dim.fixed(height) : Dim.symbolic("height"),
				width > 0 ? Dim.fixed(width) : Dim.symbolic("width") };
	}

	private static ValueInfoProto value(String name, Dim... dims) {
		TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
		for (Dim d : dims) {
			shape.addDim(d.isSymbolic() ? TensorShapeProto.Dimension.newBuilder().setDimParam(d.symbol())
					: TensorShapeProto.Dimension.newBuilder().setDimValue(d.size()));
		}
		return ValueInfoProto.newBuilder().setName(name)
				.setType(TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
						.setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(shape)))
				.build();
	}
}
