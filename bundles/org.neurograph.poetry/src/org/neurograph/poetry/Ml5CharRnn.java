package org.neurograph.poetry;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import org.neurograph.api.AssetKind;
import org.neurograph.api.Parameter;
import org.neurograph.assets.AssetCatalog;
import org.neurograph.assets.AtomicFiles;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * Reads pretrained character LSTMs in the ml5.js char-rnn format (a deeplearn.js checkpoint: {@code manifest.json}
 * naming raw little-endian float32 files, and {@code vocab.json} mapping characters to indices) and imports them as
 * model assets.
 * <p>
 * The network is TensorFlow's {@code MultiRNNCell} of {@code BasicLSTMCell}s over an embedding: layer {@code l} has
 * {@code weights [in + h, 4h]} (gate blocks i, j, f, o) and {@code biases [4h]}, with a forget bias of 1 added at run
 * time. Reading folds the embedding into the first layer's input weights, reorders the gates and adds the forget
 * bias, giving an equivalent {@link CharLstm}. The vocabulary fault of the published ml5 models (the key {@code "  "}
 * stands for {@code u} and {@code ""} for {@code U}) is repaired.
 */
public final class Ml5CharRnn {

	private static final String MANIFEST = "manifest.json";
	private static final String VOCAB = "vocab.json";
	private static final String CELL = "rnnlm/multi_rnn_cell/cell_%d/basic_lstm_cell/%s";
	private static final float FORGET_BIAS = 1.0f;
	private static final long MAX_FLOATS = 64L << 20;

	private Ml5CharRnn() {
	}

	/** True if {@code folder} looks like an ml5 char-rnn checkpoint. */
	public static boolean isCheckpoint(Path folder) {
		return Files.isRegularFile(folder.resolve(MANIFEST)) && Files.isRegularFile(folder.resolve(VOCAB));
	}

	/**
	 * Imports the checkpoint in {@code source} as the model asset {@code models/<name>} of the project in
	 * {@code projectDir}: a {@value CharLstmFiles#FILE_NAME} and a {@code model.json} card. Fails with a message if
	 * the name is taken or the checkpoint is broken.
	 *
	 * @return the new model folder
	 */
	public static Path importModel(Path source, Path projectDir, String name) throws IOException {
		if (!Parameter.AssetRef.NAME.matcher(name).matches() || name.contains("..")) {
			throw new IOException("'" + name + "' cannot be a model name: use letters, digits, spaces, '.', '-', '_'.");
		}
		Path folder = projectDir.resolve(AssetKind.MODEL.folder()).resolve(name);
		if (Files.exists(folder)) {
			throw new IOException("The project already has a model '" + name + "'. Choose another name.");
		}
		CharLstm model = read(source);
		Files.createDirectories(folder);
		CharLstmFiles.write(model, folder.resolve(CharLstmFiles.FILE_NAME));
		AtomicFiles.writeString(folder.resolve(AssetCatalog.MODEL_JSON), card(name, source, model));
		return folder;
	}

	private static String card(String name, Path source, CharLstm model) {
		JsonObject o = new JsonObject();
		o.addProperty("name", name);
		o.addProperty("kind", AssetKind.MODEL.name());
		o.addProperty("mediaKind", "TEXT");
		o.addProperty("generator", CharRnnGenerator.ID);
		o.addProperty("importedFrom", source.toAbsolutePath().toString());
		o.addProperty("format", "ml5.js char-rnn checkpoint");
		o.addProperty("created", Instant.now().toString());
		JsonObject architecture = new JsonObject();
		architecture.addProperty("model", "character LSTM");
		architecture.addProperty("layers", model.layers());
		architecture.addProperty("units", model.hidden());
		architecture.addProperty("vocabulary", model.vocabularySize());
		architecture.addProperty("parameters", model.parameterCount());
		o.add("architecture", architecture);
		JsonArray files = new JsonArray();
		files.add(CharLstmFiles.FILE_NAME);
		o.add("files", files);
		Gson gson = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
		return gson.toJson(o) + "\n";
	}

	/** Reads the checkpoint in {@code folder} as an equivalent {@link CharLstm}. */
	public static CharLstm read(Path folder) throws IOException {
		JsonObject manifest = json(folder.resolve(MANIFEST));
		String vocabulary = vocabulary(folder.resolve(VOCAB));
		int v = vocabulary.length();
		float[] embedding = variable(folder, manifest, "embedding", v, -1);
		int e = embedding.length / v;
		int layers = 0;
		while (manifest.has(String.format(CELL, layers, "weights"))) {
			layers++;
		}
		if (layers == 0) {
			throw new IOException(folder + ": the manifest names no LSTM cell weights ('" + String.format(CELL, 0, "weights")
					+ "'); this is not a char-rnn checkpoint.");
		}
		float[] softmaxB = variable(folder, manifest, "rnnlm/softmax_b", v, -1);
		float[] softmaxW = variable(folder, manifest, "rnnlm/softmax_w", -1, v);
		int h = softmaxW.length / v;
		float[][] wx = new float[layers][];
		float[][] wh = new float[layers][];
		float[][] b = new float[layers][];
		for (int l = 0; l < layers; l++) {
			int in = l == 0 ? e : h;
			float[] w = variable(folder, manifest, String.format(CELL, l, "weights"), in + h, 4 * h);
			float[] bias = variable(folder, manifest, String.format(CELL, l, "biases"), 4 * h, -1);
			float[] inputPart = reorder(w, 0, in, h);
			wx[l] = l == 0 ? fold(embedding, v, e, inputPart, 4 * h) : inputPart;
			wh[l] = reorder(w, in, h, h);
			b[l] = reorder(bias, 0, 1, h);
			for (int j = 0; j < h; j++) {
				b[l][h + j] += FORGET_BIAS;
			}
		}
		return new CharLstm(vocabulary, h, wx, wh, b, softmaxW, softmaxB);
	}

	/** Rows {@code [from, from + rows)} of a {@code [*, 4h]} matrix with gate blocks i, j, f, o reordered to i, f, j, o. */
	private static float[] reorder(float[] w, int from, int rows, int h) {
		int[] source = { 0, 2, 1, 3 };
		float[] out = new float[rows * 4 * h];
		for (int r = 0; r < rows; r++) {
			for (int gate = 0; gate < 4; gate++) {
				System.arraycopy(w, (from + r) * 4 * h + source[gate] * h, out, r * 4 * h + gate * h, h);
			}
		}
		return out;
	}

	/** {@code embedding [v x e] · w [e x cols]}, in double precision. */
	private static float[] fold(float[] embedding, int v, int e, float[] w, int cols) {
		float[] out = new float[v * cols];
		double[] row = new double[cols];
		for (int c = 0; c < v; c++) {
			java.util.Arrays.fill(row, 0);
			for (int k = 0; k < e; k++) {
				double x = embedding[c * e + k];
				for (int j = 0; j < cols; j++) {
					row[j] += x * w[k * cols + j];
				}
			}
			for (int j = 0; j < cols; j++) {
				out[c * cols + j] = (float) row[j];
			}
		}
		return out;
	}

	private static String vocabulary(Path file) throws IOException {
		JsonObject vocab = json(file);
		Map<Integer, String> byIndex = new TreeMap<>();
		for (Map.Entry<String, JsonElement> entry : vocab.entrySet()) {
			int index;
			try {
				index = entry.getValue().getAsInt();
			} catch (RuntimeException ex) {
				throw new IOException(file + ": the value of '" + entry.getKey() + "' is not an index.");
			}
			if (byIndex.put(index, entry.getKey()) != null) {
				throw new IOException(file + ": index " + index + " is given twice.");
			}
		}
		StringBuilder chars = new StringBuilder();
		for (int i = 0; i < byIndex.size(); i++) {
			String key = byIndex.get(i);
			if (key == null) {
				throw new IOException(file + ": the indices are not 0 to " + (byIndex.size() - 1) + "; " + i + " is missing.");
			}
			chars.append(character(file, key, byIndex));
		}
		if (chars.chars().distinct().count() != chars.length()) {
			throw new IOException(file + " maps two indices to the same character.");
		}
		return chars.toString();
	}

	/** The character of a vocabulary key, repairing the ml5 fault ("  " for 'u', "" for 'U') when it is there. */
	private static char character(Path file, String key, Map<Integer, String> all) throws IOException {
		if (key.length() == 1) {
			return key.charAt(0);
		}
		if (key.equals("  ") && !all.containsValue("u")) {
			return 'u';
		}
		if (key.isEmpty() && !all.containsValue("U")) {
			return 'U';
		}
		throw new IOException(file + ": the key '" + key + "' is not one character.");
	}

	private static float[] variable(Path folder, JsonObject manifest, String name, int rows, int cols) throws IOException {
		JsonElement entry = manifest.get(name);
		if (entry == null || !entry.isJsonObject()) {
			throw new IOException(folder + ": the manifest has no variable '" + name + "'.");
		}
		JsonObject o = entry.getAsJsonObject();
		String fileName;
		long count = 1;
		int[] shape;
		try {
			fileName = o.get("filename").getAsString();
			JsonArray s = o.getAsJsonArray("shape");
			shape = new int[s.size()];
			for (int i = 0; i < shape.length; i++) {
				shape[i] = s.get(i).getAsInt();
				count *= shape[i];
			}
		} catch (RuntimeException e) {
			throw new IOException(folder + ": the manifest entry of '" + name + "' has no filename and shape.");
		}
		boolean fits = shape.length >= 1 && shape.length <= 2 && (rows < 0 || shape[0] == rows)
				&& (cols < 0 || shape.length == 2 && shape[1] == cols);
		if (!fits || count < 1 || count > MAX_FLOATS) {
			throw new IOException(folder + ": '" + name + "' has shape " + java.util.Arrays.toString(shape)
					+ ", which does not fit a char-rnn of this vocabulary.");
		}
		Path file = folder.resolve(fileName).normalize();
		if (!file.getParent().equals(folder.normalize()) || !Files.isRegularFile(file)) {
			throw new IOException(folder + ": the weights file '" + fileName + "' of '" + name + "' is missing.");
		}
		if (Files.size(file) != count * Float.BYTES) {
			throw new IOException(file + " holds " + Files.size(file) + " bytes; its shape needs " + count * Float.BYTES + ".");
		}
		float[] values = new float[(int) count];
		ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
		return values;
	}

	private static JsonObject json(Path file) throws IOException {
		if (!Files.isRegularFile(file)) {
			throw new IOException("There is no " + file.getFileName() + " in " + file.getParent() + ".");
		}
		try {
			return JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
		} catch (JsonParseException | IllegalStateException e) {
			throw new IOException(file + " is not a JSON object: " + e.getMessage());
		}
	}
}
