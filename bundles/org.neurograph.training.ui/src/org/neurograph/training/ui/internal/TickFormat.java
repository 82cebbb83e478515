package org.neurograph.training.ui.internal;

import java.text.FieldPosition;
import java.text.Format;
import java.text.ParsePosition;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The labels of the charts' axis ticks: plain for ordinary sizes, scientific for very large or very small ones
 * (SWTChart's own format would print 0.00000012 or 120000000).
 */
public final class TickFormat extends Format {
	private static final long serialVersionUID = 1L;
	private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

	/** A short label of {@code v}. */
	public static String label(double v) {
		double a = Math.abs(v);
		if (a == 0) {
			return "0";
		}
		if (!Double.isFinite(v)) {
			return Double.toString(v);
		}
		if (a >= 1e5 || a < 1e-3) {
			return String.format(Locale.ROOT, "%.1e", v);
		}
		String s = String.format(Locale.ROOT, "%.4f", v);
		return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
	}

	@Override
	public StringBuffer format(Object number, StringBuffer to, FieldPosition position) {
		if (!(number instanceof Number n)) {
			throw new IllegalArgumentException("Not a number: " + number);
		}
		return to.append(label(n.doubleValue()));
	}

	@Override
	public Object parseObject(String source, ParsePosition position) {
		Matcher m = NUMBER.matcher(source).region(position.getIndex(), source.length());
		if (!m.lookingAt()) {
			position.setErrorIndex(position.getIndex());
			return null;
		}
		position.setIndex(m.end());
		return Double.valueOf(m.group());
	}
}
