package org.neurograph.style.tests;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.neurograph.runtime.dl4j.onnx.OnnxGraphBuilder;

/** Small ONNX models and images that tests build for themselves. */
final class TestModels {

	private TestModels() {
	}

	/**
	 * A model-zoo style model that inverts the image ({@code 255 - x}) with inputs of {@code size x size}, or of any
	 * size when {@code size} is 0.
	 */
	static Path invert(Path folder, int size) throws IOException {
		OnnxGraphBuilder g = new OnnxGraphBuilder("invert").imageInput("input1", 3, size, size)
				.imageOutput("output1", 3, size, size);
		String negated = g.node("Mul", new String[] { "input1", g.scalar("minus_one", -1f) });
		g.node("Add", "output1", new String[] { negated, g.scalar("white", 255f) });
		return write(folder.resolve("invert" + size + ".onnx"), g);
	}

	/** A model whose input has one channel instead of three. */
	static Path greyInput(Path folder) throws IOException {
		OnnxGraphBuilder g = new OnnxGraphBuilder("grey").imageInput("x", 1, 0, 0).imageOutput("y", 1, 0, 0);
		g.node("Relu", "y", new String[] { "x" });
		return write(folder.resolve("grey.onnx"), g);
	}

	/** A model with two image inputs. */
	static Path twoInputs(Path folder) throws IOException {
		OnnxGraphBuilder g = new OnnxGraphBuilder("two").imageInput("a", 3, 0, 0).imageInput("b", 3, 0, 0)
				.imageOutput("y", 3, 0, 0);
		g.node("Add", "y", new String[] { "a", "b" });
		return write(folder.resolve("two.onnx"), g);
	}

	/** A model that halves the image's size (2 x 2 average pooling). */
	static Path halving(Path folder) throws IOException {
		OnnxGraphBuilder g = new OnnxGraphBuilder("half").imageInput("x", 3, 0, 0).imageOutput("y", 3, 0, 0);
		g.node("AveragePool", "y", new String[] { "x" }, OnnxGraphBuilder.ints("kernel_shape", 2, 2),
				OnnxGraphBuilder.ints("strides", 2, 2));
		return write(folder.resolve("half.onnx"), g);
	}

	/**
	 * A miniature VGG in the ONNX model zoo's layout: five blocks of 3x3 convolutions with biases (1, 1, 2, 2, 1
	 * convolutions of 4 channels), ReLU, and 2x2 max pooling between blocks.
	 */
	static Path miniVgg(Path folder) throws IOException {
		OnnxGraphBuilder g = new OnnxGraphBuilder("mini_vgg").imageInput("data", 3, 0, 0).imageOutput("features", 4, 0, 0);
		java.util.Random random = new java.util.Random(3);
		String x = "data";
		int in = 3;
		int[] convsPerBlock = { 1, 1, 2, 2, 1 };
		for (int block = 0; block < convsPerBlock.length; block++) {
			if (block > 0) {
				x = g.node("MaxPool", new String[] { x }, OnnxGraphBuilder.ints("kernel_shape", 2, 2),
						OnnxGraphBuilder.ints("strides", 2, 2));
			}
			for (int c = 0; c < convsPerBlock[block]; c++) {
				float[] w = new float[4 * in * 9];
				for (int i = 0; i < w.length; i++) {
					w[i] = (float) (random.nextGaussian() * Math.sqrt(2.0 / (9 * in)));
				}
				String name = "conv" + block + "_" + c;
				g.constant(name + "_w", w, 4, in, 3, 3);
				g.constant(name + "_b", new float[] { 0.01f, 0, -0.01f, 0.02f }, 4);
				x = g.node("Conv", new String[] { x, name + "_w", name + "_b" }, OnnxGraphBuilder.ints("pads", 1, 1, 1, 1),
						OnnxGraphBuilder.ints("kernel_shape", 3, 3));
				boolean last = block == convsPerBlock.length - 1 && c == convsPerBlock[block] - 1;
				x = last ? g.node("Relu", "features", new String[] { x }) : g.node("Relu", new String[] { x });
				in = 4;
			}
		}
		return write(folder.resolve("mini-vgg.onnx"), g);
	}

	/** A smooth colourful test image (gradients and rings) of {@code width x height}. */
	static BufferedImage gradient(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				int r = 255 * x / Math.max(1, width - 1);
				int g = 255 * y / Math.max(1, height - 1);
				int b = (int) (127.5 + 127.5 * Math.sin(Math.hypot(x - width / 2.0, y - height / 2.0) / 9.0));
				image.setRGB(x, y, r << 16 | g << 8 | b);
			}
		}
		return image;
	}

	private static Path write(Path file, OnnxGraphBuilder g) throws IOException {
		Files.createDirectories(file.getParent());
		return Files.write(file, g.toByteArray());
	}
}
