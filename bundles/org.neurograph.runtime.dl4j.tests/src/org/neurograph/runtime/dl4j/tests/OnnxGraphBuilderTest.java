package org.neurograph.runtime.dl4j.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.neurograph.runtime.dl4j.onnx.OnnxGraphBuilder;
import org.neurograph.runtime.dl4j.onnx.OnnxGraphBuilder.Dim;

import onnx.Onnx.ModelProto;
import onnx.Onnx.TensorProto;
import onnx.Onnx.TensorShapeProto;

/** The shared ONNX graph writer: shapes with symbolic dimensions, constants, attributes and metadata as written. */
class OnnxGraphBuilderTest {

	@Test
	void writesInputsAndOutputsOfAnyRankWithSymbolicDimensions() throws Exception {
		OnnxGraphBuilder g = new OnnxGraphBuilder("g", "tester").input("z", Dim.symbolic("batch"), Dim.fixed(100))
				.output("image", Dim.symbolic("batch"), Dim.fixed(3), Dim.fixed(64), Dim.fixed(64));
		String shape = g.longs("shape", new long[] { -1, 3, 64, 64 }, 4);
		g.node("Reshape", "image", new String[] { "z", shape });
		ModelProto model = ModelProto.parseFrom(g.toByteArray());
		assertEquals("tester", model.getProducerName());
		assertEquals(OnnxGraphBuilder.OPSET, model.getOpsetImport(0).getVersion());
		List<TensorShapeProto.Dimension> in = model.getGraph().getInput(0).getType().getTensorType().getShape()
				.getDimList();
		assertEquals("batch", in.get(0).getDimParam());
		assertEquals(100, in.get(1).getDimValue());
		List<TensorShapeProto.Dimension> out = model.getGraph().getOutput(0).getType().getTensorType().getShape()
				.getDimList();
		assertEquals(4, out.size());
		assertEquals("batch", out.get(0).getDimParam());
		assertEquals(64, out.get(3).getDimValue());
		TensorProto constant = model.getGraph().getInitializer(0);
		assertEquals(TensorProto.DataType.INT64_VALUE, constant.getDataType());
		ByteBuffer raw = ByteBuffer.wrap(constant.getRawData().toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
		assertEquals(-1, raw.getLong());
		assertEquals(3, raw.getLong());
	}

	@Test
	void keepsTheImageShapesStyleUses() throws Exception {
		OnnxGraphBuilder g = new OnnxGraphBuilder("style").imageInput("x", 3, 0, 0).imageOutput("y", 3, 224, 224);
		g.constant("w", new float[] { 1.5f, -2f }, 2);
		g.node("Identity", "y", new String[] { "x" });
		ModelProto model = ModelProto.parseFrom(g.toByteArray());
		assertEquals("neurograph", model.getProducerName());
		List<TensorShapeProto.Dimension> in = model.getGraph().getInput(0).getType().getTensorType().getShape()
				.getDimList();
		assertEquals(List.of(1L, 3L), List.of(in.get(0).getDimValue(), in.get(1).getDimValue()));
		assertEquals(List.of("height", "width"), List.of(in.get(2).getDimParam(), in.get(3).getDimParam()));
		assertEquals(224, model.getGraph().getOutput(0).getType().getTensorType().getShape().getDim(2).getDimValue());
		ByteBuffer raw = ByteBuffer.wrap(model.getGraph().getInitializer(0).getRawData().toByteArray())
				.order(ByteOrder.LITTLE_ENDIAN);
		assertArrayEquals(new float[] { 1.5f, -2f }, new float[] { raw.getFloat(), raw.getFloat() });
	}

	@Test
	void recordsMetadataAndReadsItBack() {
		OnnxGraphBuilder g = new OnnxGraphBuilder("m").metadata("source", "abc123");
		byte[] bytes = g.toByteArray();
		assertEquals("abc123", OnnxGraphBuilder.metadata(bytes, "source"));
		assertNull(OnnxGraphBuilder.metadata(bytes, "other"));
		assertThrows(IllegalArgumentException.class, () -> OnnxGraphBuilder.metadata(new byte[] { 1, 2, 3 }, "x"));
	}

	@Test
	void refusesConstantsThatDoNotFitTheirShapeAndBadDimensions() {
		OnnxGraphBuilder g = new OnnxGraphBuilder("bad");
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> g.constant("w", new float[5], 2, 3));
		assertTrue(e.getMessage().contains("'w' has 5 values") && e.getMessage().contains("needs 6"), e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> Dim.fixed(0));
		assertThrows(IllegalArgumentException.class, () -> Dim.symbolic(" "));
	}
}
