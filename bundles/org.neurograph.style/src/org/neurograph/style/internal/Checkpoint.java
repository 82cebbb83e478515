package org.neurograph.style.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.neurograph.style.StyleModelException;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * A deeplearn.js / ml5 checkpoint folder of the Johnson fast-style network, read and checked: {@code manifest.json}
 * maps {@code Variable}, {@code Variable_1}, ... to a file of raw little-endian float32 values and a shape. Every
 * variable the network needs must be there with its exact shape, its file must hold exactly that many values, and
 * every value must be finite; otherwise the checkpoint is refused with a message naming the variable.
 */
public final class Checkpoint {

	/** The manifest's file name. */
	public static final String MANIFEST = "manifest.json";

	private static final long MAX_MANIFEST_BYTES = 1 << 20;

	private final List<float[]> variables;

	private Checkpoint(List<float[]> variables) {
		this.variables = variables;
	}

	/**
	 * A checkpoint of random weights with the network's shapes (kernels Gaussian, He-scaled; norm shift 0, scale 1):
	 * for benchmarks, which time the architecture, not a style.
	 */
	public static Checkpoint random(long seed) {
		java.util.Random random = new java.util.Random(seed);
		List<float[]> values = new ArrayList<>();
		List<long[]> shapes = JohnsonNetwork.variableShapes();
		for (int i = 0; i < shapes.size(); i++) {
			long[] shape = shapes.get(i);
			float[] v = new float[(int) Arrays.stream(shape).reduce(1, Math::multiplyExact)];
			double std = shape.length == 4 ? Math.sqrt(2.0 / (shape[0] * shape[1] * shape[2])) : 0;
			for (int j = 0; j < v.length; j++) {
				v[j] = shape.length == 4 ? (float) (random.nextGaussian() * std) : i % 3 == 2 ? 1f : 0f;
			}
			values.add(v);
		}
		return new Checkpoint(values);
	}

	/** Variable number {@code index} (0 for {@code Variable}, 1 for {@code Variable_1}, ...). */
	public float[] variable(int index) {
		return variables.get(index);
	}

	/** The variable name of {@code index} in a deeplearn.js checkpoint. */
	public static String name(int index) {
		return index == 0 ? "Variable" : "Variable_" + index;
	}

	/** Reads and checks the checkpoint in {@code folder} against the shapes the network expects. */
	public static Checkpoint read(Path folder) throws StyleModelException {
		Path manifestFile = folder.resolve(MANIFEST);
		if (!Files.isRegularFile(manifestFile)) {
			throw new StyleModelException("'" + folder + "' is not a style checkpoint: it has no " + MANIFEST
					+ ". Choose the folder that holds manifest.json and the Variable files, or an .onnx file.");
		}
		JsonObject manifest = manifest(manifestFile);
		List<long[]> shapes = JohnsonNetwork.variableShapes();
		List<float[]> values = new ArrayList<>(shapes.size());
		for (int i = 0; i < shapes.size(); i++) {
			values.add(readVariable(folder, manifest, name(i), shapes.get(i)));
		}
		return new Checkpoint(values);
	}

	private static JsonObject manifest(Path file) throws StyleModelException {
		try {
			if (Files.size(file) > MAX_MANIFEST_BYTES) {
				throw new StyleModelException("The checkpoint's " + MANIFEST + " is larger than 1 MB: it is not a "
						+ "deeplearn.js style checkpoint.");
			}
			try (Reader reader = Files.newBufferedReader(file)) {
				JsonElement root = JsonParser.parseReader(reader);
				if (!root.isJsonObject()) {
					throw new StyleModelException("The checkpoint's " + MANIFEST + " is not a JSON object of variables.");
				}
				return root.getAsJsonObject();
			}
		} catch (JsonParseException e) {
			throw new StyleModelException("The checkpoint's " + MANIFEST + " is not valid JSON: " + e.getMessage(), e);
		} catch (IOException e) {
			throw new StyleModelException("Could not read " + file + ": " + e.getMessage(), e);
		}
	}

	private static float[] readVariable(Path folder, JsonObject manifest, String name, long[] expected)
			throws StyleModelException {
		JsonElement entry = manifest.get(name);
		if (entry == null || !entry.isJsonObject()) {
			throw new StyleModelException("The checkpoint is missing the variable '" + name + "' (shape "
					+ Arrays.toString(expected) + "): it is incomplete or not a Johnson fast-style network.");
		}
		JsonObject o = entry.getAsJsonObject();
		long[] shape = shape(name, o.get("shape"));
		if (!Arrays.equals(shape, expected)) {
			throw new StyleModelException("The checkpoint's variable '" + name + "' has shape " + Arrays.toString(shape)
					+ " where the Johnson fast-style network needs " + Arrays.toString(expected) + ".");
		}
		JsonElement fileName = o.get("filename");
		String file = fileName != null && fileName.isJsonPrimitive() ? fileName.getAsString() : "";
		if (!file.matches("[A-Za-z0-9_.-]{1,100}") || file.startsWith(".")) {
			throw new StyleModelException("The checkpoint's variable '" + name + "' names the file '" + file
					+ "', which is not a plain file name in the checkpoint folder.");
		}
		Path path = folder.resolve(file);
		int count = (int) Arrays.stream(shape).reduce(1, Math::multiplyExact);
		try {
			if (!Files.isRegularFile(path)) {
				throw new StyleModelException("The checkpoint's file '" + file + "' (variable '" + name
						+ "') is missing.");
			}
			long size = Files.size(path);
			if (size != (long) count * Float.BYTES) {
				throw new StyleModelException("The checkpoint's file '" + file + "' (variable '" + name + "') holds "
						+ size + " bytes; shape " + Arrays.toString(shape) + " needs " + count * Float.BYTES + ".");
			}
			float[] values = new float[count];
			ByteBuffer.wrap(Files.readAllBytes(path)).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
			for (float v : values) {
				if (!Float.isFinite(v)) {
					throw new StyleModelException("The checkpoint's variable '" + name
							+ "' holds NaN or infinite values: the file is corrupt or the training diverged.");
				}
			}
			return values;
		} catch (IOException e) {
			throw new StyleModelException("Could not read the checkpoint's file '" + file + "': " + e.getMessage(), e);
		}
	}

	private static long[] shape(String name, JsonElement element) throws StyleModelException {
		if (element == null || !element.isJsonArray()) {
			throw new StyleModelException("The checkpoint's variable '" + name + "' has no shape in " + MANIFEST + ".");
		}
		JsonArray array = element.getAsJsonArray();
		long[] shape = new long[array.size()];
		try {
			for (int i = 0; i < shape.length; i++) {
				shape[i] = array.get(i).getAsLong();
			}
		} catch (RuntimeException e) {
			throw new StyleModelException("The checkpoint's variable '" + name + "' has a malformed shape " + array + ".", e);
		}
		return shape;
	}
}
