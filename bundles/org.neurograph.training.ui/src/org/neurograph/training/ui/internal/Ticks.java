package org.neurograph.training.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Round axis ticks (1, 2 or 5 times a power of ten) and their labels. */
public final class Ticks {
	private Ticks() {
	}

	/** About {@code count} round values from {@code min} to {@code max}, both inclusive. */
	public static List<Double> between(double min, double max, int count) {
		List<Double> out = new ArrayList<>();
		if (!(max > min) || count < 1) {
			out.add(min);
			return out;
		}
		double raw = (max - min) / count;
		double power = Math.pow(10, Math.floor(Math.log10(raw)));
		double step = power * (raw / power < 1.5 ? 1 : raw / power < 3.5 ? 2 : raw / power < 7.5 ? 5 : 10);
		for (double v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) {
			out.add(Math.abs(v) < step * 1e-9 ? 0.0 : v);
		}
		return out;
	}

	/**
	 * Ticks for a log axis, as exponents of ten from {@code minExp} to {@code maxExp}: whole powers of ten when the
	 * range spans a decade or more, else round values between the two (as their logarithms).
	 */
	public static List<Double> logBetween(double minExp, double maxExp, int count) {
		if (maxExp - minExp >= 1) {
			List<Double> out = new ArrayList<>();
			double step = Math.max(1, Math.ceil((maxExp - minExp) / count));
			for (double e = Math.ceil(minExp / step) * step; e <= maxExp + 1e-9; e += step) {
				out.add(e);
			}
			return out;
		}
		List<Double> out = new ArrayList<>();
		for (double v : between(Math.pow(10, minExp), Math.pow(10, maxExp), count)) {
			if (v > 0) {
				out.add(Math.log10(v));
			}
		}
		return out;
	}

	/** A short label: plain for ordinary sizes, scientific for very large or small ones. */
	public static String label(double v) {
		double a = Math.abs(v);
		if (a == 0) {
			return "0";
		}
		if (a >= 1e5 || a < 1e-3) {
			return String.format(Locale.ROOT, "%.1e", v);
		}
		String s = String.format(Locale.ROOT, "%.4f", v);
		return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
	}
}
