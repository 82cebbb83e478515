package org.neurograph.poetry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Reads and writes text one character at a time with a {@link CharLstm}: feed a prime, then look at the next
 * character's distribution ({@link #candidates(int)}, for an interactive mode), sample it with a temperature and
 * top-k ({@link #sample(double, int, boolean[])}) or choose it ({@link #accept(char)}). The same model, prime and
 * seed give the same text. Not thread-safe; cheap to create.
 */
public final class TextSampler {

	/** One possible next character and its probability (at temperature 1). */
	public record Candidate(char character, double probability) {
	}

	private final CharLstm model;
	private final CharLstm.State state;
	private final SplittableRandom random;
	private float[] logits;

	/** A sampler at the start of a text; {@code seed} drives every random choice. */
	public TextSampler(CharLstm model, long seed) {
		this.model = model;
		this.state = model.newState();
		this.random = new SplittableRandom(seed);
	}

	/** The model. */
	public CharLstm model() {
		return model;
	}

	/**
	 * Reads {@code prime}; an empty prime starts after a line break (or the first character the model knows, if it
	 * knows no line break).
	 *
	 * @throws IllegalArgumentException naming the characters the model does not know
	 */
	public void prime(String prime) {
		String unknown = unknownCharacters(model, prime);
		if (!unknown.isEmpty()) {
			throw new IllegalArgumentException("The model does not know these characters of the prime: " + unknown
					+ ". Leave them out; it knows: " + printable(model.vocabulary()) + ".");
		}
		if (prime.isEmpty()) {
			int newline = model.indexOf('\n');
			logits = model.step(state, newline >= 0 ? newline : 0);
			return;
		}
		for (int i = 0; i < prime.length(); i++) {
			logits = model.step(state, model.indexOf(prime.charAt(i)));
		}
	}

	/** The distinct characters of {@code text} that {@code model} does not know, quoted; empty if none. */
	static String unknownCharacters(CharLstm model, String text) {
		StringBuilder unknown = new StringBuilder();
		text.chars().distinct().filter(c -> model.indexOf((char) c) < 0)
				.forEach(c -> unknown.append(unknown.isEmpty() ? "" : ", ").append('\'').append(printable(String.valueOf((char) c))).append('\''));
		return unknown.toString();
	}

	private static String printable(String s) {
		return s.replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r");
	}

	/** Feeds the chosen next character. */
	public void accept(char c) {
		int index = model.indexOf(c);
		if (index < 0) {
			throw new IllegalArgumentException("The model does not know the character '" + printable(String.valueOf(c)) + "'.");
		}
		logits = model.step(state, index);
	}

	/** The {@code k} most likely next characters at temperature 1, most likely first. */
	public List<Candidate> candidates(int k) {
		double[] p = probabilities(1.0, 0, null);
		Integer[] order = new Integer[p.length];
		Arrays.setAll(order, i -> i);
		Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -p[i]).thenComparingInt(i -> i));
		List<Candidate> out = new ArrayList<>();
		for (int i = 0; i < Math.min(k, p.length); i++) {
			out.add(new Candidate(model.vocabulary().charAt(order[i]), p[order[i]]));
		}
		return out;
	}

	/**
	 * Samples the next character and feeds it. Temperature 0 takes the most likely character; higher temperatures
	 * flatten the distribution. {@code topK > 0} keeps only the k most likely characters. {@code banned}, if not null,
	 * excludes characters by index (unless that would exclude all).
	 */
	public char sample(double temperature, int topK, boolean[] banned) {
		double[] p = probabilities(temperature, topK, banned);
		int chosen;
		if (temperature <= 0) {
			chosen = argmax(p);
		} else {
			double u = random.nextDouble();
			double sum = 0;
			chosen = -1;
			for (int i = 0; i < p.length; i++) {
				sum += p[i];
				if (u < sum) {
					chosen = i;
					break;
				}
			}
			if (chosen < 0) {
				chosen = argmax(p);
			}
		}
		char c = model.vocabulary().charAt(chosen);
		logits = model.step(state, chosen);
		return c;
	}

	private double[] probabilities(double temperature, int topK, boolean[] banned) {
		if (logits == null) {
			prime("");
		}
		int v = logits.length;
		boolean[] allowed = new boolean[v];
		Arrays.fill(allowed, true);
		if (banned != null) {
			boolean any = false;
			for (int i = 0; i < v; i++) {
				allowed[i] = !banned[i];
				any |= allowed[i];
			}
			if (!any) {
				Arrays.fill(allowed, true);
			}
		}
		if (topK > 0 && topK < v) {
			Integer[] order = new Integer[v];
			Arrays.setAll(order, i -> i);
			Arrays.sort(order, Comparator.comparingDouble((Integer i) -> allowed[i] ? -logits[i] : Double.MAX_VALUE)
					.thenComparingInt(i -> i));
			boolean[] keep = new boolean[v];
			for (int i = 0; i < topK; i++) {
				keep[order[i]] = allowed[order[i]];
			}
			System.arraycopy(keep, 0, allowed, 0, v);
		}
		double t = temperature <= 0 ? 1.0 : temperature;
		double max = Double.NEGATIVE_INFINITY;
		for (int i = 0; i < v; i++) {
			if (allowed[i]) {
				max = Math.max(max, logits[i] / t);
			}
		}
		double[] p = new double[v];
		double sum = 0;
		for (int i = 0; i < v; i++) {
			p[i] = allowed[i] ? Math.exp(logits[i] / t - max) : 0;
			sum += p[i];
		}
		for (int i = 0; i < v; i++) {
			p[i] /= sum;
		}
		return p;
	}

	private static int argmax(double[] p) {
		int best = 0;
		for (int i = 1; i < p.length; i++) {
			if (p[i] > p[best]) {
				best = i;
			}
		}
		return best;
	}
}
