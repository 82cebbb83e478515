package org.neurograph.style;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.nd4j.shade.protobuf.InvalidProtocolBufferException;
import org.neurograph.runtime.onnx.FloatTensor;
import org.neurograph.runtime.onnx.InvalidModelException;
import org.neurograph.runtime.onnx.OnnxModel;
import org.neurograph.runtime.onnx.OnnxRuntime;
import org.neurograph.runtime.onnx.OnnxUnavailableException;
import org.neurograph.style.internal.NormSplitter;
import org.neurograph.style.internal.NormSplitter.Norm;

/** The statistics and tile graphs of a style model with instance normalisation (see {@link NormSplitter}). */
final class SharedStatistics {

	private final OnnxModel statistics;
	private final OnnxModel tiles;
	private final List<Norm> norms;
	private final String input;
	private final String output;

	private SharedStatistics(OnnxModel statistics, OnnxModel tiles, List<Norm> norms, String input, String output) {
		this.statistics = statistics;
		this.tiles = tiles;
		this.norms = norms;
		this.input = input;
		this.output = output;
	}

	/** The graphs in {@code folder} derived from {@code modelFile}, or null when the folder has none. */
	static SharedStatistics load(OnnxRuntime onnx, Path folder, Path modelFile, String input, String output)
			throws StyleModelException {
		Path statisticsFile = folder.resolve(StyleModel.STATISTICS_FILE);
		Path tilesFile = folder.resolve(StyleModel.TILES_FILE);
		if (!Files.isRegularFile(statisticsFile) || !Files.isRegularFile(tilesFile)) {
			return null;
		}
		try {
			List<Norm> norms = NormSplitter.split(Files.readAllBytes(modelFile)).map(NormSplitter.Split::norms)
					.orElse(null);
			if (norms == null) {
				return null;
			}
			return new SharedStatistics(onnx.load(statisticsFile), onnx.load(tilesFile), norms, input, output);
		} catch (InvalidProtocolBufferException | InvalidModelException e) {
			throw new StyleModelException("The style model in '" + folder.getFileName() + "' is damaged ("
					+ e.getMessage() + "). Import it again.", e);
		} catch (OnnxUnavailableException e) {
			throw new StyleModelException("ONNX Runtime cannot run here: " + e.getMessage(), e);
		} catch (IOException e) {
			throw new StyleModelException("Could not read '" + modelFile + "': " + e.getMessage(), e);
		}
	}

	/** The normalisation of the image {@code rgb} (planar, {@code 3 x height x width}). */
	TileNorms statistics(float[] rgb, int height, int width) throws StyleModelException {
		Map<String, FloatTensor> result = StyleModel.run(statistics, Map.of(input, StyleModel.image(rgb, height, width)),
				width, height);
		float[][] factors = new float[norms.size()][];
		float[][] offsets = new float[norms.size()][];
		for (int k = 0; k < norms.size(); k++) {
			Norm norm = norms.get(k);
			float[] mean = values(result.get(NormSplitter.mean(k)));
			float[] variance = values(result.get(NormSplitter.variance(k)));
			int channels = norm.scale().length;
			factors[k] = new float[channels];
			offsets[k] = new float[channels];
			for (int c = 0; c < channels; c++) {
				factors[k][c] = (float) (norm.scale()[c] / Math.sqrt(variance[c] + norm.epsilon()));
				offsets[k][c] = norm.shift()[c] - mean[c] * factors[k][c];
			}
		}
		return new TileNorms(factors, offsets);
	}

	/** The tile graph's output for {@code rgb} normalised with {@code tileNorms}. */
	float[] run(float[] rgb, int height, int width, TileNorms tileNorms) throws StyleModelException {
		Map<String, FloatTensor> inputs = new HashMap<>();
		inputs.put(input, StyleModel.image(rgb, height, width));
		for (int k = 0; k < norms.size(); k++) {
			inputs.put(NormSplitter.factor(k), channels(tileNorms.factors()[k]));
			inputs.put(NormSplitter.offset(k), channels(tileNorms.offsets()[k]));
		}
		return StyleModel.image(tiles, output, StyleModel.run(tiles, inputs, width, height), height, width);
	}

	private static FloatTensor channels(float[] values) {
		FloatTensor tensor = FloatTensor.allocate(1, values.length, 1, 1);
		tensor.data().put(values);
		return tensor;
	}

	private static float[] values(FloatTensor tensor) {
		float[] values = new float[tensor.size()];
		FloatBuffer data = tensor.data();
		data.get(values);
		return values;
	}
}
