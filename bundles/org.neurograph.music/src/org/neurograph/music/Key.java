package org.neurograph.music;

import java.util.Arrays;
import java.util.Locale;

/**
 * A key signature (ABC field {@code K:}): a tonic and mode such as {@code G}, {@code Am}, {@code Dmix},
 * {@code F#m} or {@code Bb}, optionally with explicit accidentals ({@code K:D =c}, {@code K:D exp ^f}),
 * {@code HP}/{@code Hp} for Highland pipes, or {@code none}. Clef and other options ({@code clef=bass},
 * {@code transpose=...}) are accepted and ignored. {@link #text()} is how it is written.
 */
public final class Key {
	/** Letters in pitch order; index 0 is C. */
	static final String LETTERS = "CDEFGAB";
	private static final int[] LETTER_FIFTHS = { 0, 2, 4, -1, 1, 3, 5 };
	private static final String SHARP_ORDER = "FCGDAEB";
	private static final String[] MODES = { "maj", "ion", "min", "aeo", "mix", "dor", "phr", "lyd", "loc" };
	private static final int[] MODE_FIFTHS = { 0, 0, -3, -3, -1, -2, -4, 1, -5 };
	private static final String USAGE = "expected a key such as G, Am, Dmix, F#m, Bb or none";

	/** C major: no sharps or flats. */
	public static final Key C_MAJOR = parse("C");

	private final String text;
	private final int fifths;
	private final boolean minor;
	private final int[] alterations;

	private Key(String text, int fifths, boolean minor, int[] alterations) {
		this.text = text;
		this.fifths = fifths;
		this.minor = minor;
		this.alterations = alterations;
	}

	/**
	 * Reads the value of a {@code K:} field.
	 *
	 * @throws IllegalArgumentException with a message for the user if it is not a key
	 */
	public static Key parse(String value) {
		String t = value.strip();
		String[] words = t.isEmpty() ? new String[0] : t.split("\\s+");
		int next = 0;
		int fifths = 0;
		boolean minor = false;
		int[] alterations = new int[7];
		if (words.length > 0) {
			String w = words[0];
			if (w.equals("HP")) {
				next = 1;
			} else if (w.equals("Hp")) {
				alterations[LETTERS.indexOf('F')] = 1;
				alterations[LETTERS.indexOf('C')] = 1;
				next = 1;
			} else if (w.equals("none")) {
				next = 1;
			} else if (LETTERS.indexOf(w.charAt(0)) >= 0) {
				int tonic = LETTER_FIFTHS[LETTERS.indexOf(w.charAt(0))];
				String rest = w.substring(1);
				if (rest.startsWith("#")) {
					tonic += 7;
					rest = rest.substring(1);
				} else if (rest.startsWith("b")) {
					tonic -= 7;
					rest = rest.substring(1);
				}
				next = 1;
				if (rest.isEmpty() && words.length > 1 && modeIndex(words[1]) >= 0) {
					rest = words[1];
					next = 2;
				}
				int mode = rest.isEmpty() ? 0 : modeIndex(rest);
				if (mode < 0) {
					throw new IllegalArgumentException("'" + w + "' is not a key; " + USAGE);
				}
				fifths = tonic + MODE_FIFTHS[mode];
				minor = MODE_FIFTHS[mode] == -3;
				applySignature(alterations, fifths);
			} else if (!w.contains("=") && !isClefWord(w) && !w.matches("(\\^\\^|\\^|__|_|=)[A-Ga-g]") && !w.equalsIgnoreCase("exp")) {
				throw new IllegalArgumentException("'" + w + "' is not a key; " + USAGE);
			}
		}
		for (int i = next; i < words.length; i++) {
			String w = words[i];
			if (w.equalsIgnoreCase("exp")) {
				Arrays.fill(alterations, 0);
			} else if (w.matches("(\\^\\^|\\^|__|_|=)[A-Ga-g]")) {
				char letter = Character.toUpperCase(w.charAt(w.length() - 1));
				alterations[LETTERS.indexOf(letter)] = accidentalValue(w.substring(0, w.length() - 1));
			} else if (!w.contains("=") && !isClefWord(w)) {
				throw new IllegalArgumentException("'" + w + "' is not part of a key; " + USAGE);
			}
		}
		return new Key(t.isEmpty() ? "none" : t, Math.abs(fifths) <= 7 ? fifths : 0, minor, alterations);
	}

	/**
	 * The key of a MIDI key signature: {@code fifths} sharps (negative: flats), major or minor.
	 *
	 * @throws IllegalArgumentException if {@code fifths} is outside -7..7
	 */
	public static Key fromSignature(int fifths, boolean minor) {
		if (fifths < -7 || fifths > 7) {
			throw new IllegalArgumentException("a key signature has -7 to 7 sharps, not " + fifths);
		}
		int tonic = minor ? fifths + 3 : fifths;
		int alter = Math.floorDiv(tonic + 1, 7);
		String name = SHARP_ORDER.charAt(Math.floorMod(tonic + 1, 7)) + (alter > 0 ? "#" : alter < 0 ? "b" : "");
		return parse(minor ? name + "m" : name);
	}

	/** The value of an ABC accidental: {@code ^} is +1, {@code __} is -2, {@code =} is 0. */
	static int accidentalValue(String accidental) {
		return switch (accidental) {
		case "^^" -> 2;
		case "^" -> 1;
		case "_" -> -1;
		case "__" -> -2;
		default -> 0;
		};
	}

	private static void applySignature(int[] alterations, int fifths) {
		for (int k = 0; k < Math.abs(fifths); k++) {
			int letter = LETTERS.indexOf(SHARP_ORDER.charAt(fifths > 0 ? k % 7 : 6 - k % 7));
			alterations[letter] += fifths > 0 ? 1 : -1;
		}
	}

	private static int modeIndex(String word) {
		String w = word.toLowerCase(Locale.ROOT);
		if (w.equals("m")) {
			return 2;
		}
		if (w.length() < 3 || !w.chars().allMatch(Character::isLetter)) {
			return -1;
		}
		return Arrays.asList(MODES).indexOf(w.substring(0, 3));
	}

	private static boolean isClefWord(String w) {
		return switch (w.toLowerCase(Locale.ROOT)) {
		case "treble", "bass", "alto", "tenor", "perc", "bass3", "alto1", "alto2", "treble-8", "treble+8", "bass-8" -> true;
		default -> false;
		};
	}

	/** How the key is written after {@code K:}. */
	public String text() {
		return text;
	}

	/** Sharps (positive) or flats (negative) of the key's tonic and mode, for MIDI key signatures; 0 if unknown. */
	public int fifths() {
		return fifths;
	}

	/** True for minor (Aeolian) keys. */
	public boolean isMinor() {
		return minor;
	}

	/** The alteration the signature gives a letter (0 = C ... 6 = B): +1 sharp, -1 flat, 0 natural. */
	public int alteration(int letter) {
		return alterations[letter];
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof Key k && text.equals(k.text) && Arrays.equals(alterations, k.alterations);
	}

	@Override
	public int hashCode() {
		return text.hashCode() * 31 + Arrays.hashCode(alterations);
	}

	@Override
	public String toString() {
		return text;
	}
}
