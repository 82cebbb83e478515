package org.neurograph.music;

/**
 * An exact rational number in lowest terms with a positive denominator: note lengths and times in whole notes
 * ({@code 1/8} is an eighth note), so that triplets and dotted notes add up without rounding. Arithmetic that would
 * overflow {@code long} throws {@link ArithmeticException}.
 *
 * @param numerator   the numerator
 * @param denominator the denominator, never zero
 */
public record Fraction(long numerator, long denominator) implements Comparable<Fraction> {
	public static final Fraction ZERO = new Fraction(0, 1);
	public static final Fraction ONE = new Fraction(1, 1);

	public Fraction {
		if (denominator == 0) {
			throw new ArithmeticException("denominator is zero");
		}
		if (denominator < 0) {
			numerator = Math.negateExact(numerator);
			denominator = Math.negateExact(denominator);
		}
		long g = gcd(Math.abs(numerator), denominator);
		if (g > 1) {
			numerator /= g;
			denominator /= g;
		}
	}

	/** The fraction {@code numerator/denominator}, reduced. */
	public static Fraction of(long numerator, long denominator) {
		return new Fraction(numerator, denominator);
	}

	/** The whole number {@code n}. */
	public static Fraction of(long n) {
		return new Fraction(n, 1);
	}

	/**
	 * Parses {@code "3/8"} or {@code "2"}.
	 *
	 * @throws NumberFormatException if the text is not such a fraction or its denominator is zero
	 */
	public static Fraction parse(String text) {
		String t = text.strip();
		int slash = t.indexOf('/');
		if (slash < 0) {
			return of(Long.parseLong(t));
		}
		long d = Long.parseLong(t.substring(slash + 1).strip());
		if (d == 0) {
			throw new NumberFormatException("denominator is zero in '" + t + "'");
		}
		return of(Long.parseLong(t.substring(0, slash).strip()), d);
	}

	public Fraction plus(Fraction o) {
		return of(Math.addExact(Math.multiplyExact(numerator, o.denominator), Math.multiplyExact(o.numerator, denominator)),
				Math.multiplyExact(denominator, o.denominator));
	}

	public Fraction minus(Fraction o) {
		return plus(o.negate());
	}

	public Fraction negate() {
		return new Fraction(Math.negateExact(numerator), denominator);
	}

	public Fraction times(Fraction o) {
		long g1 = gcd(Math.abs(numerator), o.denominator);
		long g2 = gcd(Math.abs(o.numerator), denominator);
		return of(Math.multiplyExact(numerator / g1, o.numerator / g2), Math.multiplyExact(denominator / g2, o.denominator / g1));
	}

	public Fraction times(long n) {
		return times(of(n));
	}

	public Fraction dividedBy(Fraction o) {
		if (o.numerator == 0) {
			throw new ArithmeticException("division by zero");
		}
		return times(new Fraction(o.denominator, o.numerator));
	}

	public Fraction dividedBy(long n) {
		return dividedBy(of(n));
	}

	/** -1, 0 or 1. */
	public int signum() {
		return Long.signum(numerator);
	}

	public boolean isZero() {
		return numerator == 0;
	}

	public boolean isPositive() {
		return numerator > 0;
	}

	/** True if this is a whole number. */
	public boolean isInteger() {
		return denominator == 1;
	}

	/** The largest whole number not above this one. */
	public long floor() {
		return Math.floorDiv(numerator, denominator);
	}

	public double toDouble() {
		return (double) numerator / denominator;
	}

	public static Fraction min(Fraction a, Fraction b) {
		return a.compareTo(b) <= 0 ? a : b;
	}

	public static Fraction max(Fraction a, Fraction b) {
		return a.compareTo(b) >= 0 ? a : b;
	}

	@Override
	public int compareTo(Fraction o) {
		return Long.compare(Math.multiplyExact(numerator, o.denominator), Math.multiplyExact(o.numerator, denominator));
	}

	/** {@code "3/8"}, or {@code "2"} for a whole number. */
	@Override
	public String toString() {
		return denominator == 1 ? Long.toString(numerator) : numerator + "/" + denominator;
	}

	private static long gcd(long a, long b) {
		while (b != 0) {
			long t = a % b;
			a = b;
			b = t;
		}
		return a == 0 ? 1 : a;
	}
}
