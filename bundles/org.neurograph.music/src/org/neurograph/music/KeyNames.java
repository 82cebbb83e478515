package org.neurograph.music;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keys as the tune tokens name them: a tonic and a mode, {@code G}, {@code Em}, {@code Ador}, {@code Dmix},
 * {@code Bb}, {@code F#m}, and their transposition. Only such plain keys can be tokenised; keys with explicit
 * accidentals ({@code K:D =c}), Highland pipes and {@code none} cannot.
 */
public final class KeyNames {
	private static final Pattern KEY = Pattern.compile("([A-G])([#b]?)\\s*([A-Za-z]*)");
	/** Modes as written in tokens, and their offset on the circle of fifths from the major key of the tonic. */
	private static final String[] MODES = { "", "m", "mix", "dor", "phr", "lyd", "loc" };
	private static final int[] MODE_FIFTHS = { 0, -3, -1, -2, -4, 1, -5 };
	private static final int[] LETTER_FIFTHS = { 0, 2, 4, -1, 1, 3, 5 };
	private static final String LETTERS = "CDEFGAB";

	private KeyNames() {
	}

	/**
	 * The canonical name of a key ({@code "Gmaj"} and {@code "G major"} become {@code "G"}, {@code "Amin"}
	 * {@code "Am"}, {@code "E dorian"} {@code "Edor"}), or empty if it is not a plain tonic-and-mode key.
	 */
	public static Optional<String> canonical(String key) {
		Matcher m = KEY.matcher(key.strip());
		if (!m.matches()) {
			return Optional.empty();
		}
		int mode = mode(m.group(3));
		if (mode < 0) {
			return Optional.empty();
		}
		return Optional.of(m.group(1) + m.group(2) + MODES[mode]);
	}

	/** The canonical name of {@code key} moved by {@code semitones}, spelled with the fewest sharps or flats. */
	public static Optional<String> transpose(String key, int semitones) {
		Optional<String> name = canonical(key);
		if (name.isEmpty()) {
			return Optional.empty();
		}
		Matcher m = KEY.matcher(name.get());
		m.matches();
		int mode = mode(m.group(3));
		int tonic = LETTER_FIFTHS[LETTERS.indexOf(m.group(1))] + (m.group(2).equals("#") ? 7 : m.group(2).equals("b") ? -7 : 0);
		// tonic' on the circle of fifths: 7 fifths make a semitone up (mod 12)
		int moved = Math.floorMod(tonic + 7 * semitones, 12); // 0..11
		int best = Integer.MIN_VALUE;
		for (int t = moved - 12; t <= moved; t += 12) {
			if (t < -7 || t > 7) {
				continue;
			}
			if (best == Integer.MIN_VALUE || Math.abs(t + MODE_FIFTHS[mode]) < Math.abs(best + MODE_FIFTHS[mode])) {
				best = t;
			}
		}
		if (best == Integer.MIN_VALUE || Math.abs(best + MODE_FIFTHS[mode]) > 7) {
			return Optional.empty();
		}
		int alter = Math.floorDiv(best + 1, 7);
		String tonicName = "FCGDAEB".charAt(Math.floorMod(best + 1, 7)) + (alter > 0 ? "#" : alter < 0 ? "b" : "");
		return Optional.of(tonicName + MODES[mode]);
	}

	private static int mode(String word) {
		String w = word.toLowerCase(Locale.ROOT);
		if (w.isEmpty() || w.startsWith("maj") || w.startsWith("ion")) {
			return 0;
		}
		if (w.equals("m") || w.startsWith("min") || w.startsWith("aeo")) {
			return 1;
		}
		for (int i = 2; i < MODES.length; i++) {
			if (w.startsWith(MODES[i])) {
				return i;
			}
		}
		return -1;
	}
}
