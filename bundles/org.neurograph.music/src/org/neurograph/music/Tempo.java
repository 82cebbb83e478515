package org.neurograph.music;

import java.util.Objects;

/**
 * A tempo (ABC field {@code Q:}): {@link #beatsPerMinute()} beats of length {@link #beat()}, e.g. {@code 1/4=120} or
 * {@code 3/8=100}, optionally with a label such as {@code "Allegro"}.
 *
 * @param beat           the length of one beat in whole notes
 * @param beatsPerMinute beats per minute, 1 to 2000
 * @param label          text shown with the tempo; empty if none
 */
public record Tempo(Fraction beat, int beatsPerMinute, String label) {
	/** What players assume when a tune gives no tempo: 120 quarter notes per minute. */
	public static final Tempo DEFAULT = new Tempo(Fraction.of(1, 4), 120, "");

	public Tempo {
		Objects.requireNonNull(beat, "beat");
		label = label == null ? "" : label;
		if (!beat.isPositive()) {
			throw new IllegalArgumentException("a beat must be longer than zero, not " + beat);
		}
		if (beatsPerMinute < 1 || beatsPerMinute > 2000) {
			throw new IllegalArgumentException("the tempo must be 1 to 2000 beats per minute, not " + beatsPerMinute);
		}
		if (label.indexOf('"') >= 0) {
			throw new IllegalArgumentException("a tempo label cannot contain '\"'");
		}
	}

	/** {@code beatsPerMinute} quarter notes per minute. */
	public static Tempo quarterNotes(int beatsPerMinute) {
		return new Tempo(Fraction.of(1, 4), beatsPerMinute, "");
	}

	/**
	 * Reads the value of a {@code Q:} field: {@code 1/4=120}, {@code "Allegro" 1/4=120}, {@code 1/8 3/8=40} (beats
	 * add up), or the old form {@code 120}, which counts unit notes ({@code unitLength}). A label alone
	 * ({@code "Allegro"}) gets the {@link #DEFAULT} speed.
	 *
	 * @throws IllegalArgumentException with a message for the user if it is not a tempo
	 */
	public static Tempo parse(String value, Fraction unitLength) {
		String t = value.strip();
		StringBuilder label = new StringBuilder();
		while (t.startsWith("\"")) {
			int close = t.indexOf('"', 1);
			if (close < 0) {
				throw new IllegalArgumentException("the tempo's label has no closing '\"'");
			}
			label.append(label.isEmpty() ? "" : " ").append(t, 1, close);
			t = t.substring(close + 1).strip();
		}
		int trailing = t.indexOf('"');
		if (trailing >= 0) {
			int close = t.indexOf('"', trailing + 1);
			if (close < 0) {
				throw new IllegalArgumentException("the tempo's label has no closing '\"'");
			}
			label.append(label.isEmpty() ? "" : " ").append(t, trailing + 1, close);
			t = t.substring(0, trailing).strip();
		}
		if (t.isEmpty() && !label.isEmpty()) {
			return new Tempo(DEFAULT.beat(), DEFAULT.beatsPerMinute(), label.toString());
		}
		try {
			int eq = t.indexOf('=');
			if (eq < 0) {
				return new Tempo(unitLength, Integer.parseInt(t), label.toString());
			}
			Fraction beat = Fraction.ZERO;
			for (String part : t.substring(0, eq).strip().split("\\s+")) {
				beat = beat.plus(Fraction.parse(part));
			}
			return new Tempo(beat, Integer.parseInt(t.substring(eq + 1).strip()), label.toString());
		} catch (NumberFormatException | ArithmeticException e) {
			throw new IllegalArgumentException("'" + value.strip() + "' is not a tempo; expected e.g. 1/4=120");
		}
	}

	/** The MIDI tempo: microseconds per quarter note. */
	public int microsecondsPerQuarter() {
		return (int) Math.round(60_000_000.0 / (beatsPerMinute * beat.toDouble() * 4));
	}

	/** How the tempo is written after {@code Q:}. */
	public String text() {
		return (label.isEmpty() ? "" : "\"" + label + "\" ") + beat + "=" + beatsPerMinute;
	}

	@Override
	public String toString() {
		return text();
	}
}
