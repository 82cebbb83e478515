package org.neurograph.style;

import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
import org.neurograph.style.internal.NormSplitter;

/**
 * A fast style model ready to run: an ONNX graph with one float input and one float output of shape
 * {@code 1 x 3 x H x W}, RGB in 0..255 (the ONNX model zoo's {@code fast_neural_style} convention). H and W are
 * either fixed by the model (the zoo's models take 224 x 224) or chosen per run; chosen sizes are multiples of 4.
 */
public final class StyleModel {

	/** The model file inside a style model's folder. */
	public static final String MODEL_FILE = "style.onnx";
	/** The statistics graph derived from the model file at import (see {@link NormSplitter}). */
	public static final String STATISTICS_FILE = "statistics.onnx";
	/** The tile graph derived from the model file at import (see {@link NormSplitter}). */
	public static final String TILES_FILE = "tiles.onnx";

	private final OnnxModel model;
	private final String input;
	private final String output;
	private final int fixedHeight;
	private final int fixedWidth;
	private final SharedStatistics shared;

	private StyleModel(OnnxModel model, String input, String output, int fixedHeight, int fixedWidth,
			SharedStatistics shared) {
		this.model = model;
		this.input = input;
		this.output = output;
		this.fixedHeight = fixedHeight;
		this.fixedWidth = fixedWidth;
		this.shared = shared;
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
		SharedStatistics shared = Files.isDirectory(location) ? SharedStatistics.load(onnx, location, file, in.name(),
				out.name()) : null;
		return new StyleModel(model, in.name(), out.name(), (int) Math.max(h.size(), 0), (int) Math.max(w.size(), 0),
				shared);
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

	/**
	 * True if tiles can share the whole image's normalisation statistics (the model's folder holds the graphs the
	 * importer derives), so that a tiled render matches an untiled one closely.
	 */
	public boolean sharesStatistics() {
		return shared != null;
	}

	/** The whole image's normalisation parameters, from a (scaled-down) copy in planar RGB. */
	TileNorms statistics(float[] rgb, int height, int width) throws StyleModelException {
		return shared.statistics(rgb, height, width);
	}

	/** Like {@link #run(float[], int, int)}, normalising with {@code norms} instead of the tile's own statistics. */
	float[] run(float[] rgb, int height, int width, TileNorms norms) throws StyleModelException {
		return shared.run(rgb, height, width, norms);
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
		return image(model, output, run(model, Map.of(input, image(rgb, height, width)), width, height), height, width);
	}

	/** A {@code 1 x 3 x height x width} tensor of {@code rgb}. */
	static FloatTensor image(float[] rgb, int height, int width) {
		FloatTensor tensor = FloatTensor.allocate(1, 3, height, width);
		tensor.data().put(rgb);
		return tensor;
	}

	/** Runs {@code model}, turning its failures into messages. */
	static Map<String, FloatTensor> run(OnnxModel model, Map<String, FloatTensor> inputs, int width, int height)
			throws StyleModelException {
		try {
			return model.run(inputs);
		} catch (InferenceException e) {
			throw new StyleModelException("The style model '" + model.path().getFileName() + "' failed on a "
					+ width + " x " + height + " image: " + e.getMessage(), e);
		}
	}

	/** The output image {@code name} of {@code result}, checked to be {@code 1 x 3 x height x width}. */
	static float[] image(OnnxModel model, String name, Map<String, FloatTensor> result, int height, int width)
			throws StyleModelException {
		FloatTensor y = result.get(name);
		long[] shape = y.shape();
		if (shape.length != 4 || shape[0] != 1 || shape[1] != 3 || shape[2] != height || shape[3] != width) {
			throw new StyleModelException("The style model '" + model.path().getFileName() + "' turned a 1 x 3 x "
					+ height + " x " + width + " image into " + Arrays.toString(shape)
					+ "; a style model returns an image of the size it is given.");
		}
		float[] values = new float[y.size()];
		FloatBuffer data = y.data();
		data.get(values);
		return values;
	}
}
