package org.neurograph.poetry;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.neurograph.assets.AtomicFiles;

/**
 * Reads and writes a {@link CharLstm} as one file, {@value #FILE_NAME}, in a model folder: a header (magic, version,
 * vocabulary, layers, units) and the weights as big-endian float32. Plain numbers only: reading a file runs no code
 * from it. A model folder may instead hold an ml5.js char-rnn checkpoint, which {@link #load(Path)} reads too.
 */
public final class CharLstmFiles {

	/** The model file's name inside a model folder. */
	public static final String FILE_NAME = "charlstm.bin";

	private static final int MAGIC = 0x4E47434C; // "NGCL"
	private static final int VERSION = 1;
	private static final int MAX_VOCABULARY = 65_536;
	private static final int MAX_LAYERS = 16;
	private static final int MAX_HIDDEN = 8192;

	private CharLstmFiles() {
	}

	/** Loads the model in {@code folder}: a {@value #FILE_NAME}, or else an ml5.js char-rnn checkpoint. */
	public static CharLstm load(Path folder) throws IOException {
		Path file = folder.resolve(FILE_NAME);
		if (Files.isRegularFile(file)) {
			return read(file);
		}
		if (Ml5CharRnn.isCheckpoint(folder)) {
			return Ml5CharRnn.read(folder);
		}
		throw new IOException("The folder " + folder + " holds no character LSTM: neither " + FILE_NAME
				+ " (train one with the poetry trainer) nor an ml5.js char-rnn checkpoint (manifest.json and vocab.json).");
	}

	/** Writes {@code model} to {@code file} atomically. */
	public static void write(CharLstm model, Path file) throws IOException {
		AtomicFiles.write(file, out -> {
			DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out, 1 << 16));
			data.writeInt(MAGIC);
			data.writeInt(VERSION);
			String vocabulary = model.vocabulary();
			data.writeInt(vocabulary.length());
			data.writeChars(vocabulary);
			data.writeInt(model.layers());
			data.writeInt(model.hidden());
			for (int l = 0; l < model.layers(); l++) {
				writeFloats(data, model.inputWeights(l));
				writeFloats(data, model.recurrentWeights(l));
				writeFloats(data, model.biases(l));
			}
			writeFloats(data, model.outputWeights());
			writeFloats(data, model.outputBiases());
			data.flush();
		});
	}

	/** Reads a {@value #FILE_NAME} file, with a message naming the file if it is not one. */
	public static CharLstm read(Path file) throws IOException {
		try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
				DataInputStream data = new DataInputStream(in)) {
			if (data.readInt() != MAGIC) {
				throw new IOException(file + " is not a Neurograph character LSTM file.");
			}
			int version = data.readInt();
			if (version != VERSION) {
				throw new IOException(file + " has format version " + version + "; this version reads " + VERSION
						+ ". Update Neurograph.");
			}
			int v = bounded(file, "vocabulary size", data.readInt(), MAX_VOCABULARY);
			char[] chars = new char[v];
			for (int i = 0; i < v; i++) {
				chars[i] = data.readChar();
			}
			int layers = bounded(file, "layer count", data.readInt(), MAX_LAYERS);
			int hidden = bounded(file, "unit count", data.readInt(), MAX_HIDDEN);
			float[][] wx = new float[layers][];
			float[][] wh = new float[layers][];
			float[][] b = new float[layers][];
			for (int l = 0; l < layers; l++) {
				wx[l] = readFloats(data, (l == 0 ? v : hidden) * 4 * hidden);
				wh[l] = readFloats(data, hidden * 4 * hidden);
				b[l] = readFloats(data, 4 * hidden);
			}
			float[] wy = readFloats(data, hidden * v);
			float[] by = readFloats(data, v);
			if (data.read() != -1) {
				throw new IOException(file + " has extra bytes after the weights; it is damaged.");
			}
			return new CharLstm(new String(chars), hidden, wx, wh, b, wy, by);
		} catch (EOFException e) {
			throw new IOException(file + " ends too early; it is damaged or was not completely written.", e);
		} catch (IllegalArgumentException e) {
			throw new IOException(file + " is damaged: " + e.getMessage(), e);
		}
	}

	private static int bounded(Path file, String what, int value, int max) throws IOException {
		if (value < 1 || value > max) {
			throw new IOException(file + " is damaged: its " + what + " is " + value + ".");
		}
		return value;
	}

	private static void writeFloats(DataOutputStream data, float[] values) throws IOException {
		for (float f : values) {
			data.writeFloat(f);
		}
	}

	private static float[] readFloats(DataInputStream data, int n) throws IOException {
		float[] values = new float[n];
		for (int i = 0; i < n; i++) {
			values[i] = data.readFloat();
		}
		return values;
	}
}
