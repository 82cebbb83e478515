package org.neurograph.style.tests;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.neurograph.style.internal.OnnxGraphBuilder;

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
