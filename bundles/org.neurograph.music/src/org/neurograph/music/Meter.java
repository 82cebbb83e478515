package org.neurograph.music;

import java.util.Objects;

/**
 * A time signature (ABC field {@code M:}): {@code 6/8}, {@code C} (4/4), {@code C|} (2/2), a sum such as
 * {@code 2+3/8}, or {@code none} for free meter. {@link #text()} is how it is written.
 *
 * @param numerator   beats per bar (the sum for {@code 2+3/8}); 0 for free meter
 * @param denominator the beat's note value; 1 for free meter
 * @param text        the ABC spelling
 */
public record Meter(int numerator, int denominator, String text) {
	/** No meter: bars of any length. */
	public static final Meter FREE = new Meter(0, 1, "none");
	/** Common time, 4/4. */
	public static final Meter COMMON = new Meter(4, 4, "4/4");

	public Meter {
		Objects.requireNonNull(text, "text");
		if (numerator < 0 || denominator < 1 || numerator > 64 || denominator > 64) {
			throw new IllegalArgumentException("invalid meter " + numerator + "/" + denominator);
		}
	}

	/** The meter {@code numerator/denominator}. */
	public static Meter of(int numerator, int denominator) {
		if (numerator < 1) {
			throw new IllegalArgumentException("a meter needs at least one beat per bar, not " + numerator);
		}
		return new Meter(numerator, denominator, numerator + "/" + denominator);
	}

	/**
	 * Reads the value of an {@code M:} field.
	 *
	 * @throws IllegalArgumentException with a message for the user if it is not a meter
	 */
	public static Meter parse(String value) {
		String t = value.strip();
		switch (t) {
		case "C":
			return new Meter(4, 4, "C");
		case "C|":
			return new Meter(2, 2, "C|");
		case "none", "":
			return FREE;
		default:
			break;
		}
		int slash = t.indexOf('/');
		if (slash > 0) {
			try {
				int sum = 0;
				for (String part : t.substring(0, slash).replace("(", "").replace(")", "").split("\\+")) {
					sum += Integer.parseInt(part.strip());
				}
				int den = Integer.parseInt(t.substring(slash + 1).strip());
				if (sum >= 1 && sum <= 64 && den >= 1 && den <= 64) {
					return new Meter(sum, den, t);
				}
			} catch (NumberFormatException e) {
				// reported below
			}
		}
		throw new IllegalArgumentException("'" + t + "' is not a meter; expected e.g. 6/8, 4/4, C, C| or none");
	}

	/** True for free meter ({@code M:none}). */
	public boolean isFree() {
		return numerator == 0;
	}

	/** The length of a full bar in whole notes; zero for free meter. */
	public Fraction barLength() {
		return Fraction.of(numerator, denominator);
	}

	/** True for compound meters (6/8, 9/8, 12/8): beats of three. */
	public boolean isCompound() {
		return numerator > 3 && numerator % 3 == 0;
	}

	/** The length of one beat: a dotted beat in compound meters, a quarter note in free meter. */
	public Fraction beat() {
		if (isFree()) {
			return Fraction.of(1, 4);
		}
		Fraction unit = Fraction.of(1, denominator);
		return isCompound() ? unit.times(3) : unit;
	}

	/**
	 * The unit note length ABC assumes when a tune has no {@code L:} field: 1/16 below 0.75 whole notes per bar,
	 * else 1/8.
	 */
	public Fraction defaultUnitLength() {
		return !isFree() && barLength().compareTo(Fraction.of(3, 4)) < 0 ? Fraction.of(1, 16) : Fraction.of(1, 8);
	}

	@Override
	public String toString() {
		return text;
	}
}
