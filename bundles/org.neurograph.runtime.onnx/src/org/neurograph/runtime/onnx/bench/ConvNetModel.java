package org.neurograph.runtime.onnx.bench;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;

/**
 * The benchmark's network, built in code: Conv(3->16, 3x3, pad 1) -> InstanceNormalization -> Relu -> Conv(16->3,
 * 3x3, pad 1) -> Tanh on a 1x3xSxS image (opset 13, IR 7), the shape of a small style-transfer block.
 */
final class ConvNetModel {

	private static final int FLOAT = 1;
	private static final int ATTRIBUTE_FLOAT = 1;
	private static final int ATTRIBUTE_INTS = 7;

	private ConvNetModel() {
	}

	/** Multiply-adds x 2 of the two convolutions for an image of {@code size} x {@code size}. */
	static double flops(int size) {
		return 2.0 * 2 * size * size * 16 * 3 * 9;
	}

	/** The serialized {@code ModelProto} for {@code size} x {@code size} images, weights from {@code seed}. */
	static byte[] build(int size, long seed) {
		Random random = new Random(seed);
		ProtoWriter graph = new ProtoWriter().string(2, "convnet")
				.message(1, node("Conv", "conv1", new String[] { "x", "w1", "b1" }, "c1").message(5, kernel3x3())
						.message(5, pads()))
				.message(1, node("InstanceNormalization", "norm1", new String[] { "c1", "g1", "be1" }, "n1")
						.message(5, new ProtoWriter().string(1, "epsilon").float32(2, 1e-5f)
								.integer(20, ATTRIBUTE_FLOAT)))
				.message(1, node("Relu", "relu1", new String[] { "n1" }, "r1"))
				.message(1, node("Conv", "conv2", new String[] { "r1", "w2", "b2" }, "c2").message(5, kernel3x3())
						.message(5, pads()))
				.message(1, node("Tanh", "tanh", new String[] { "c2" }, "y"))
				.message(5, tensor("w1", random, 0.2f, 0f, 16, 3, 3, 3))
				.message(5, tensor("b1", random, 0.01f, 0f, 16))
				.message(5, tensor("g1", random, 0f, 1f, 16))
				.message(5, tensor("be1", random, 0f, 0f, 16))
				.message(5, tensor("w2", random, 0.1f, 0f, 3, 16, 3, 3))
				.message(5, tensor("b2", random, 0.01f, 0f, 3))
				.message(11, floatInput("x", 1, 3, size, size))
				.message(12, floatInput("y", 1, 3, size, size));
		return new ProtoWriter().integer(1, 7).string(2, "neurograph-bench").message(7, graph)
				.message(8, new ProtoWriter().string(1, "").integer(2, 13)).toByteArray();
	}

	private static ProtoWriter node(String op, String name, String[] inputs, String output) {
		ProtoWriter node = new ProtoWriter();
		for (String input : inputs) {
			node.string(1, input);
		}
		return node.string(2, output).string(3, name).string(4, op);
	}

	private static ProtoWriter kernel3x3() {
		return ints("kernel_shape", 3, 3);
	}

	private static ProtoWriter pads() {
		return ints("pads", 1, 1, 1, 1);
	}

	private static ProtoWriter ints(String name, long... values) {
		ProtoWriter attribute = new ProtoWriter().string(1, name);
		for (long v : values) {
			attribute.integer(8, v);
		}
		return attribute.integer(20, ATTRIBUTE_INTS);
	}

	private static ProtoWriter tensor(String name, Random random, float scale, float offset, long... dims) {
		long count = 1;
		ProtoWriter tensor = new ProtoWriter();
		for (long d : dims) {
			tensor.integer(1, d);
			count *= d;
		}
		ByteBuffer data = ByteBuffer.allocate((int) count * 4).order(ByteOrder.LITTLE_ENDIAN);
		for (int i = 0; i < count; i++) {
			data.putFloat(offset + (float) random.nextGaussian() * scale);
		}
		return tensor.integer(2, FLOAT).string(8, name).bytes(9, data.array());
	}

	private static ProtoWriter floatInput(String name, long... dims) {
		ProtoWriter shape = new ProtoWriter();
		for (long d : dims) {
			shape.message(1, new ProtoWriter().integer(1, d));
		}
		ProtoWriter tensorType = new ProtoWriter().integer(1, FLOAT).message(2, shape);
		return new ProtoWriter().string(1, name).message(2, new ProtoWriter().message(1, tensorType));
	}
}
