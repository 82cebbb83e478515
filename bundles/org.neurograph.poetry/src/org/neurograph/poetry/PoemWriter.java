package org.neurograph.poetry;

import java.util.Objects;

/**
 * Writes a text with a {@link CharLstm}: a prime, then sampled characters until the length is reached, optionally
 * shaped into stanzas of a fixed number of lines (a blank line after every {@code stanzaLines} lines and none
 * inside a stanza). Deterministic: the same model, settings and seed give the same text.
 */
public final class PoemWriter {

	/** How a length is counted. */
	public enum Unit {
		/** Characters written after the prime. */
		CHARACTERS,
		/** Lines written after the prime (a line ends with a line break; blank lines between stanzas do not count). */
		LINES
	}

	/**
	 * What to write.
	 *
	 * @param prime       the text to start from (part of the result)
	 * @param temperature 0 for the most likely character every time; 1 samples the model's own distribution
	 * @param topK        if above 0, sample only among the k most likely characters
	 * @param length      how much to write, in {@code unit}s
	 * @param unit        characters or lines
	 * @param stanzaLines if above 0, a blank line after every this many lines and no blank line elsewhere
	 */
	public record Settings(String prime, double temperature, int topK, int length, Unit unit, int stanzaLines) {
		public Settings {
			Objects.requireNonNull(prime, "prime");
			Objects.requireNonNull(unit, "unit");
			if (!(temperature >= 0) || Double.isInfinite(temperature)) {
				throw new IllegalArgumentException("The temperature must be 0 or more, not " + temperature + ".");
			}
			if (length < 1 || topK < 0 || stanzaLines < 0) {
				throw new IllegalArgumentException("Length must be positive and top-k and stanza lines not negative.");
			}
		}
	}

	/** Most characters per requested line before writing stops anyway (a model that never breaks lines). */
	static final int MAX_LINE_CHARACTERS = 500;

	private PoemWriter() {
	}

	/**
	 * Writes one text.
	 *
	 * @throws IllegalArgumentException with a message for the user if the prime holds unknown characters or lines
	 *                                  are asked of a model that knows no line break
	 */
	public static String write(CharLstm model, Settings settings, long seed) {
		int newline = model.indexOf('\n');
		boolean lines = settings.unit() == Unit.LINES;
		if ((lines || settings.stanzaLines() > 0) && newline < 0) {
			throw new IllegalArgumentException("This model never writes line breaks (its alphabet has none), so it "
					+ "cannot count lines or make stanzas. Ask for a length in characters without stanzas.");
		}
		TextSampler sampler = new TextSampler(model, seed);
		sampler.prime(settings.prime());
		StringBuilder text = new StringBuilder(settings.prime());
		boolean[] noNewline = new boolean[model.vocabularySize()];
		if (newline >= 0) {
			noNewline[newline] = true;
		}
		int linesDone = 0;
		int written = 0;
		long maxCharacters = lines ? (long) settings.length() * MAX_LINE_CHARACTERS : settings.length();
		boolean atLineStart = text.isEmpty() || text.charAt(text.length() - 1) == '\n';
		while (written < maxCharacters && !(lines && linesDone >= settings.length())) {
			boolean[] banned = settings.stanzaLines() > 0 && atLineStart ? noNewline : null;
			char c = sampler.sample(settings.temperature(), settings.topK(), banned);
			text.append(c);
			written++;
			atLineStart = c == '\n';
			if (atLineStart) {
				linesDone++;
				boolean lastLine = lines && linesDone >= settings.length();
				if (settings.stanzaLines() > 0 && linesDone % settings.stanzaLines() == 0 && !lastLine) {
					sampler.accept('\n');
					text.append('\n');
				}
			}
		}
		return text.toString();
	}
}
