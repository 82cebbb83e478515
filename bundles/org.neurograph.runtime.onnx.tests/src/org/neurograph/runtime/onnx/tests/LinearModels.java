package org.neurograph.runtime.onnx.tests;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

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
 * Builds y = Relu(x W + b), x of shape [batch, 4], with the ONNX protobuf classes that ship inside nd4j-api, and
 * computes the same in plain Java.
 */
final class LinearModels {

	static final float[] W = { 1f, -1f, 0.5f, 2f, 0f, -0.5f, -1f, 1f, 0.25f, 0.5f, 0.5f, -2f };
	static final float[] B = { 0.1f, -0.2f, 0.3f };

	private LinearModels() {
	}

	/** The model with W inside and a symbolic batch dimension called {@code batch}. */
	static byte[] linearRelu() {
		return model(weights(), "batch");
	}

	/** The model with a fixed batch of 1. */
	static byte[] linearReluFixed() {
		return model(weights(), null);
	}

	/** The model with W's data in the external file {@code location} (its content: {@link #weightBytes()}). */
	static byte[] linearReluExternal(String location) {
		TensorProto w = TensorProto.newBuilder().setName("W").setDataType(TensorProto.DataType.FLOAT_VALUE)
				.addDims(4).addDims(3).setDataLocation(TensorProto.DataLocation.EXTERNAL)
				.addExternalData(StringStringEntryProto.newBuilder().setKey("location").setValue(location)).build();
		return model(w, "batch");
	}

	/**
	 * The model with an extra If node whose then-branch holds a Constant node whose value tensor is stored in the
	 * external file {@code location}: external data hidden two levels down (ONNX Runtime never sees this model).
	 */
	static byte[] hiddenExternal(String location) throws Exception {
		TensorProto external = TensorProto.newBuilder().setName("hidden").setDataType(TensorProto.DataType.FLOAT_VALUE)
				.addDims(3).setDataLocation(TensorProto.DataLocation.EXTERNAL)
				.addExternalData(StringStringEntryProto.newBuilder().setKey("location").setValue(location)).build();
		NodeProto constant = NodeProto.newBuilder().setOpType("Constant").addOutput("c")
				.addAttribute(AttributeProto.newBuilder().setName("value").setType(AttributeProto.AttributeType.TENSOR)
						.setT(external))
				.build();
		GraphProto branch = GraphProto.newBuilder().setName("then").addNode(constant).build();
		NodeProto condition = NodeProto.newBuilder().setOpType("If").addInput("flag").addOutput("out")
				.addAttribute(AttributeProto.newBuilder().setName("then_branch")
						.setType(AttributeProto.AttributeType.GRAPH).setG(branch))
				.build();
		ModelProto model = ModelProto.parseFrom(linearRelu());
		return model.toBuilder().setGraph(model.getGraph().toBuilder().addNode(condition)).build().toByteArray();
	}

	/** W's values as stored in a tensor file: little-endian floats. */
	static byte[] weightBytes() {
		return floats(W).array();
	}

	/** y = Relu(x W + b) computed in Java, for x of shape [rows, 4]. */
	static float[] expected(float[] x) {
		int rows = x.length / 4;
		float[] y = new float[rows * 3];
		for (int r = 0; r < rows; r++) {
			for (int j = 0; j < 3; j++) {
				float z = B[j];
				for (int i = 0; i < 4; i++) {
					z += x[r * 4 + i] * W[i * 3 + j];
				}
				y[r * 3 + j] = Math.max(0f, z);
			}
		}
		return y;
	}

	private static TensorProto weights() {
		return TensorProto.newBuilder().setName("W").setDataType(TensorProto.DataType.FLOAT_VALUE).addDims(4)
				.addDims(3).setRawData(ByteString.copyFrom(weightBytes())).build();
	}

	private static byte[] model(TensorProto w, String batch) {
		TensorProto b = TensorProto.newBuilder().setName("b").setDataType(TensorProto.DataType.FLOAT_VALUE).addDims(3)
				.setRawData(ByteString.copyFrom(floats(B).array())).build();
		GraphProto graph = GraphProto.newBuilder().setName("linear_relu")
				.addInput(floatInfo("x", batch, 4)).addOutput(floatInfo("y", batch, 3))
				.addInitializer(w).addInitializer(b)
				.addNode(NodeProto.newBuilder().setOpType("MatMul").addInput("x").addInput("W").addOutput("xw"))
				.addNode(NodeProto.newBuilder().setOpType("Add").addInput("xw").addInput("b").addOutput("z"))
				.addNode(NodeProto.newBuilder().setOpType("Relu").addInput("z").addOutput("y")).build();
		return ModelProto.newBuilder().setIrVersion(7).setProducerName("org.neurograph.runtime.onnx.tests")
				.addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(13)).setGraph(graph).build()
				.toByteArray();
	}

	private static ValueInfoProto floatInfo(String name, String batch, long width) {
		TensorShapeProto.Dimension first = batch == null ? TensorShapeProto.Dimension.newBuilder().setDimValue(1).build()
				: TensorShapeProto.Dimension.newBuilder().setDimParam(batch).build();
		TensorShapeProto shape = TensorShapeProto.newBuilder().addDim(first)
				.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(width)).build();
		return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
				TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(shape))).build();
	}

	private static ByteBuffer floats(float[] values) {
		ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
		for (float v : values) {
			bytes.putFloat(v);
		}
		return bytes;
	}
}
