package org.neurograph.poetry;

import java.util.Arrays;
import java.util.Objects;

/**
 * A character-level LSTM for inference, in plain Java: a stack of LSTM layers over one-hot characters and a softmax
 * output. Weights are immutable; a {@link State} carries one sequence's hidden and cell values, so one model serves
 * many samplers at once. This is what the generator samples from, whether the weights come from training here or
 * from an imported char-rnn checkpoint; on one thread it samples several times faster than DL4J's
 * {@code rnnTimeStep} (see the {@code poetry} benchmark).
 * <p>
 * Layer {@code l} holds {@code wx} ({@code [in x 4h]}, row-major; for layer 0 {@code in} is the vocabulary size and a
 * character selects one row), {@code wh} ({@code [h x 4h]}) and {@code b} ({@code [4h]}); the four gate blocks are
 * in the order input, forget, cell candidate, output, and any forget bias is already in {@code b}:
 * {@code i = σ(z₀), f = σ(z₁), g = tanh(z₂), o = σ(z₃), c' = f·c + i·g, h' = o·tanh(c')}. The output is
 * {@code softmax(h_top · wy + by)} with {@code wy} of shape {@code [h x V]}.
 */
public final class CharLstm {

	private final String vocabulary;
	private final int hidden;
	private final float[][] wx;
	private final float[][] wh;
	private final float[][] b;
	private final float[] wy;
	private final float[] by;

	/**
	 * @param vocabulary the characters, index {@code i} being character {@code vocabulary.charAt(i)}; distinct
	 * @param hidden     units per layer
	 * @param wx         per layer, the input weights {@code [in x 4h]}
	 * @param wh         per layer, the recurrent weights {@code [h x 4h]}
	 * @param b          per layer, the biases {@code [4h]}
	 * @param wy         the output weights {@code [h x V]}
	 * @param by         the output biases {@code [V]}
	 */
	public CharLstm(String vocabulary, int hidden, float[][] wx, float[][] wh, float[][] b, float[] wy, float[] by) {
		this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
		int v = vocabulary.length();
		if (v < 1 || vocabulary.chars().distinct().count() != v) {
			throw new IllegalArgumentException("The vocabulary must hold distinct characters, at least one.");
		}
		if (hidden < 1 || wx.length < 1 || wx.length != wh.length || wx.length != b.length) {
			throw new IllegalArgumentException("Inconsistent layers: " + wx.length + " input, " + wh.length
					+ " recurrent and " + b.length + " bias arrays, " + hidden + " units.");
		}
		for (int l = 0; l < wx.length; l++) {
			int in = l == 0 ? v : hidden;
			check("layer " + l + " input weights", wx[l], in * 4 * hidden);
			check("layer " + l + " recurrent weights", wh[l], hidden * 4 * hidden);
			check("layer " + l + " biases", b[l], 4 * hidden);
		}
		check("output weights", wy, hidden * v);
		check("output biases", by, v);
		this.hidden = hidden;
		this.wx = deepCopy(wx);
		this.wh = deepCopy(wh);
		this.b = deepCopy(b);
		this.wy = wy.clone();
		this.by = by.clone();
	}

	private static void check(String what, float[] array, int expected) {
		if (array == null || array.length != expected) {
			throw new IllegalArgumentException("The " + what + " hold " + (array == null ? 0 : array.length)
					+ " values; " + expected + " expected.");
		}
	}

	private static float[][] deepCopy(float[][] arrays) {
		return Arrays.stream(arrays).map(float[]::clone).toArray(float[][]::new);
	}

	/** The characters this model knows, in index order. */
	public String vocabulary() {
		return vocabulary;
	}

	/** The vocabulary size. */
	public int vocabularySize() {
		return vocabulary.length();
	}

	/** The index of {@code c}, or -1 if the model does not know it. */
	public int indexOf(char c) {
		return vocabulary.indexOf(c);
	}

	/** The number of LSTM layers. */
	public int layers() {
		return wx.length;
	}

	/** Units per layer. */
	public int hidden() {
		return hidden;
	}

	/** The number of weights and biases. */
	public long parameterCount() {
		long n = (long) wy.length + by.length;
		for (int l = 0; l < wx.length; l++) {
			n += wx[l].length + wh[l].length + b[l].length;
		}
		return n;
	}

	float[] inputWeights(int layer) {
		return wx[layer];
	}

	float[] recurrentWeights(int layer) {
		return wh[layer];
	}

	float[] biases(int layer) {
		return b[layer];
	}

	float[] outputWeights() {
		return wy;
	}

	float[] outputBiases() {
		return by;
	}

	/** A fresh state: all hidden and cell values zero. */
	public State newState() {
		return new State(wx.length, hidden);
	}

	/**
	 * Feeds character {@code index} and returns the logits (unnormalised log-probabilities) of the next character;
	 * {@code state} moves on by one character.
	 */
	public float[] step(State state, int index) {
		if (index < 0 || index >= vocabulary.length()) {
			throw new IndexOutOfBoundsException("character index " + index + " of " + vocabulary.length());
		}
		int h4 = 4 * hidden;
		float[] z = state.z;
		for (int l = 0; l < wx.length; l++) {
			float[] hPrev = state.h[l];
			if (l == 0) {
				System.arraycopy(wx[0], index * h4, z, 0, h4);
				add(z, b[0]);
			} else {
				System.arraycopy(b[l], 0, z, 0, h4);
				multiplyAdd(state.h[l - 1], wx[l], z);
			}
			multiplyAdd(hPrev, wh[l], z);
			float[] c = state.c[l];
			for (int j = 0; j < hidden; j++) {
				float i = sigmoid(z[j]);
				float f = sigmoid(z[hidden + j]);
				float g = (float) Math.tanh(z[2 * hidden + j]);
				float o = sigmoid(z[3 * hidden + j]);
				c[j] = f * c[j] + i * g;
				hPrev[j] = o * (float) Math.tanh(c[j]);
			}
		}
		float[] logits = by.clone();
		multiplyAdd(state.h[wx.length - 1], wy, logits);
		return logits;
	}

	/** {@code out += x · w} for a row-major {@code w} of {@code x.length} rows. */
	private static void multiplyAdd(float[] x, float[] w, float[] out) {
		int cols = out.length;
		for (int k = 0; k < x.length; k++) {
			float xk = x[k];
			if (xk == 0f) {
				continue;
			}
			int row = k * cols;
			for (int j = 0; j < cols; j++) {
				out[j] += xk * w[row + j];
			}
		}
	}

	private static void add(float[] z, float[] bias) {
		for (int j = 0; j < z.length; j++) {
			z[j] += bias[j];
		}
	}

	private static float sigmoid(float x) {
		return (float) (1.0 / (1.0 + Math.exp(-x)));
	}

	/** The hidden and cell values of one sequence being read or written. Not thread-safe. */
	public static final class State {
		private final float[][] h;
		private final float[][] c;
		private final float[] z;

		State(int layers, int hidden) {
			h = new float[layers][hidden];
			c = new float[layers][hidden];
			z = new float[4 * hidden];
		}

		/** An independent copy, e.g. to look ahead without moving this state. */
		public State copy() {
			State s = new State(h.length, h[0].length);
			for (int l = 0; l < h.length; l++) {
				System.arraycopy(h[l], 0, s.h[l], 0, h[l].length);
				System.arraycopy(c[l], 0, s.c[l], 0, c[l].length);
			}
			return s;
		}
	}
}
