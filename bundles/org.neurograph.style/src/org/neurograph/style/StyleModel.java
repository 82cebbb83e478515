package org.neurograph.style;

import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.neurograph.runtime.onnx.Dimension;
import org.neurograph.runtime.onnx.ElementType;
import org.neurograph.runtime.onnx.FloatTensor;
import org.neurograph.runtime.onnx.InferenceException;
import org.neurograph.runtime.onnx.InvalidModelException;
import org.neurograph.runtime.onnx.OnnxModel;
import org.neurograph.runtime.onnx.OnnxRuntime;
import org.neurograph.runtime.onnx.OnnxUnavailableException;
import org.neurograph.runtime.onnx.ValueKind;
import org.neurograph.runtime.onnx.ValueSpec;

/**
 * A fast style model ready to run: an ONNX graph with one float input and one float output of shape
 * {@code 1 x 3 x H x W}, RGB in 0..255 (the ONNX model zoo's {@code fast_neural_style} convention). H and W are
 * either fixed by the model (the zoo's models take 224 x 224) or chosen per run; chosen sizes are multiples of 4.
 */
public final class StyleModel {

	/** The model file inside a style model's folder. */
	public static final String MODEL_FILE = "style.onnx";

	private final OnnxModel model;
	private final String input;
	private final String output;
	private final int fixedHeight;
	private final int fixedWidth;

	private StyleModel(OnnxModel model, String input, String output, int fixedHeight, int fixedWidth) {
		this.model = model;
		this.input = input;
		this.output = output;
		this.fixedHeight = fixedHeight;
		this.fixedWidth = fixedWidth;
	}

	/**
	 * Loads and checks the model in {@code location}: a style model folder (holding {@value #MODEL_FILE}) or an
	 * {@code .onnx} file.
	 *
	 * @throws StyleModelException if the file is missing, is not a valid ONNX model or does not have the shape of a
	 *                             style model; the message says which
	 */
	public static StyleModel open(OnnxRuntime onnx, Path location) throws StyleModelException {
		Path file = Files.isDirectory(location) ? location.resolve(MODEL_FILE) : location;
		if (!Files.isRegularFile(file)) {
			throw new StyleModelException("There is no style model at '" + file + "'. Import the style again.");
		}
		OnnxModel model;
		try {
			model = onnx.load(file);
		} catch (InvalidModelException e) {
			throw new StyleModelException(e.getMessage(), e);
		} catch (OnnxUnavailableException e) {
			throw new StyleModelException("ONNX Runtime cannot run here: " + e.getMessage(), e);
		}
		List<ValueSpec> inputs = model.signature().inputs();
		List<ValueSpec> outputs = model.signature().outputs();
		if (inputs.size() != 1 || outputs.size() != 1) {
			throw new StyleModelException("'" + file.getFileName() + "' has " + inputs.size() + " input(s) and "
					+ outputs.size() + " output(s); a style model has one image input and one image output "
					+ "(1 x 3 x height x width, RGB 0..255).");
		}
		ValueSpec in = inputs.get(0);
		ValueSpec out = outputs.get(0);
		checkImage(file, "input", in);
		checkImage(file, "output", out);
		Dimension h = in.shape().get(2);
		Dimension w = in.shape().get(3);
		return new StyleModel(model, in.name(), out.name(), (int) Math.max(h.size(), 0), (int) Math.max(w.size(), 0));
	}

	private static void checkImage(Path file, String what, ValueSpec value) throws StyleModelException {
		List<Dimension> shape = value.shape();
		boolean ok = value.kind() == ValueKind.TENSOR && value.elementType() == ElementType.FLOAT
				&& shape.size() == 4 && shape.get(0).accepts(1) && shape.get(1).isFixed() && shape.get(1).size() == 3
				&& sidesFit(shape.get(2), shape.get(3));
		if (!ok) {
			throw new StyleModelException("'" + file.getFileName() + "' has the " + what + " " + value
					+ "; a style model's " + what + " is a float tensor of 1 x 3 x height x width (RGB 0..255), "
					+ "with both sides fixed (at least 16) or both chosen at run time.");
		}
	}

	private static boolean sidesFit(Dimension h, Dimension w) {
		return !h.isFixed() && !w.isFixed() || h.isFixed() && w.isFixed() && h.size() >= 16 && w.size() >= 16;
	}

	/** The height the model requires, or 0 when any multiple of 4 will do. */
	public int fixedHeight() {
		return fixedHeight;
	}

	/** The width the model requires, or 0 when any multiple of 4 will do. */
	public int fixedWidth() {
		return fixedWidth;
	}

	/** The model file. */
	public Path path() {
		return model.path();
	}

	/**
	 * Runs the model on one image in planar RGB ({@code 3 x height x width} values in 0..255) and returns its output
	 * in the same layout and size.
	 *
	 * @throws StyleModelException if the model fails or returns another shape
	 */
	public float[] run(float[] rgb, int height, int width) throws StyleModelException {
		FloatTensor tensor = FloatTensor.allocate(1, 3, height, width);
		tensor.data().put(rgb);
		Map<String, FloatTensor> result;
		try {
			result = model.run(Map.of(input, tensor));
		} catch (InferenceException e) {
			throw new StyleModelException("The style model '" + model.path().getFileName() + "' failed on a "
					+ width + " x " + height + " image: " + e.getMessage(), e);
		}
		FloatTensor y = result.get(output);
		long[] shape = y.shape();
		if (shape.length != 4 || shape[0] != 1 || shape[1] != 3 || shape[2] != height || shape[3] != width) {
			throw new StyleModelException("The style model '" + model.path().getFileName() + "' turned a 1 x 3 x "
					+ height + " x " + width + " image into " + java.util.Arrays.toString(shape)
					+ "; a style model returns an image of the size it is given.");
		}
		float[] values = new float[y.size()];
		FloatBuffer data = y.data();
		data.get(values);
		return values;
	}
}
