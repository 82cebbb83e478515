package org.neurograph.music.internal;

import java.util.ArrayList;
import java.util.List;

import org.neurograph.music.AbcSyntaxException;
import org.neurograph.music.Fraction;
import org.neurograph.music.Key;
import org.neurograph.music.Meter;
import org.neurograph.music.Tempo;
import org.neurograph.music.Tune;
import org.neurograph.music.TuneHeader;

/**
 * Reads one tune: the header fields up to and including {@code K:}, then the body with a {@link MusicParser}.
 * Fields in the file header (before the first tune) give defaults for {@code M:}, {@code L:}, {@code Q:} and
 * {@code R:}.
 */
final class TuneParser {
	private static final String HEADER_FIELD = "a header field such as T:, M:, L: or K: (the key, which ends the header)";

	private final List<String> lines;
	private final int firstLine;
	private final List<String> fileHeader;

	private int number = 1;
	private final List<String> titles = new ArrayList<>();
	private Meter meter = Meter.FREE;
	private Fraction unitLength;
	private String tempoText;
	private int[] tempoAt;
	private String rhythm = "";
	private final List<TuneHeader.Field> fields = new ArrayList<>();
	private String firstVoice;

	/**
	 * @param lines      the tune's lines, from its {@code X:} line to the line before the blank line that ends it
	 * @param firstLine  the line number of the first of them, from 1
	 * @param fileHeader the file header's lines
	 */
	TuneParser(List<String> lines, int firstLine, List<String> fileHeader) {
		this.lines = lines;
		this.firstLine = firstLine;
		this.fileHeader = fileHeader;
	}

	Tune parse() throws AbcSyntaxException {
		for (String line : fileHeader) {
			String t = stripComment(line);
			if (t.length() >= 2 && t.charAt(1) == ':' && "MLQR".indexOf(t.charAt(0)) >= 0) {
				headerField(t, new LineCursor(t, 0, 0));
			}
		}
		int i = 0;
		Key key = null;
		for (; i < lines.size() && key == null; i++) {
			String text = stripComment(lines.get(i));
			LineCursor c = new LineCursor(text, firstLine + i, 0);
			if (text.isBlank()) {
				continue;
			}
			if (text.length() < 2 || text.charAt(1) != ':' || !Character.isLetter(text.charAt(0)) && text.charAt(0) != '+') {
				throw c.error("music before the end of the header", 0, HEADER_FIELD);
			}
			if (text.charAt(0) == 'K') {
				key = parseField(c, 2, () -> Key.parse(text.substring(2)));
			} else {
				headerField(text, c);
			}
		}
		if (key == null) {
			throw new AbcSyntaxException("the tune has no K: field", firstLine + lines.size(), 1,
					"a K: line (the key, e.g. K:G) at the end of the header");
		}
		TuneHeader header = header(key, i);
		MusicParser music = new MusicParser(header, firstVoice);
		for (; i < lines.size(); i++) {
			music.line(stripComment(lines.get(i)), firstLine + i);
		}
		music.finish();
		return music.build(header);
	}

	private TuneHeader header(Key key, int keyLine) throws AbcSyntaxException {
		Fraction unit = unitLength == null ? meter.defaultUnitLength() : unitLength;
		Tempo tempo = null;
		if (tempoText != null) {
			LineCursor c = new LineCursor(tempoText, tempoAt[0], 0);
			tempo = parseField(c, tempoAt[1], () -> Tempo.parse(tempoText, unit));
		}
		try {
			return new TuneHeader(number, titles, meter, unit, key, tempo, rhythm, fields);
		} catch (IllegalArgumentException e) {
			throw new AbcSyntaxException(e.getMessage(), firstLine + keyLine - 1, 1, null);
		}
	}

	private void headerField(String text, LineCursor c) throws AbcSyntaxException {
		char name = text.charAt(0);
		String value = text.substring(2).strip();
		switch (name) {
		case 'X' -> number = parseField(c, 2, () -> {
			int n = Integer.parseInt(value);
			if (n < 1) {
				throw new NumberFormatException();
			}
			return n;
		});
		case 'T' -> titles.add(value);
		case 'M' -> meter = parseField(c, 2, () -> Meter.parse(value));
		case 'L' -> unitLength = parseField(c, 2, () -> unitLength(value));
		case 'Q' -> {
			tempoText = value;
			tempoAt = new int[] { c.line(), 2 };
		}
		case 'R' -> rhythm = value;
		case 'V' -> firstVoice = firstVoice != null || value.isEmpty() ? firstVoice : value.split("\\s+")[0];
		case '+' -> continueField(value);
		default -> fields.add(new TuneHeader.Field(name, value));
		}
	}

	private void continueField(String value) {
		if (!fields.isEmpty()) {
			TuneHeader.Field last = fields.remove(fields.size() - 1);
			fields.add(new TuneHeader.Field(last.name(), last.value() + " " + value));
		} else if (!titles.isEmpty()) {
			titles.set(titles.size() - 1, titles.get(titles.size() - 1) + " " + value);
		}
	}

	/** Reads the value of an {@code L:} field, e.g. {@code 1/8}. */
	static Fraction unitLength(String value) {
		try {
			Fraction f = Fraction.parse(value);
			if (f.isPositive() && f.compareTo(Fraction.of(4)) <= 0) {
				return f;
			}
		} catch (NumberFormatException | ArithmeticException e) {
			// reported below
		}
		throw new IllegalArgumentException("'" + value.strip() + "' is not a unit note length; expected e.g. L:1/8");
	}

	/** Removes a {@code %} comment (outside quotes; {@code \%} is a percent sign) and trailing white space. */
	static String stripComment(String line) {
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char ch = line.charAt(i);
			if (ch == '"') {
				quoted = !quoted;
			} else if (ch == '%' && !quoted && (i == 0 || line.charAt(i - 1) != '\\')) {
				return line.substring(0, i).stripTrailing();
			}
		}
		return line.stripTrailing();
	}

	private interface FieldValue<T> {
		T get();
	}

	private static <T> T parseField(LineCursor c, int valueAt, FieldValue<T> value) throws AbcSyntaxException {
		try {
			return value.get();
		} catch (NumberFormatException e) {
			throw c.error("the value is not a whole number of 1 or more", valueAt, "e.g. X:1");
		} catch (IllegalArgumentException e) {
			throw c.error(e.getMessage(), valueAt, null);
		}
	}
}
