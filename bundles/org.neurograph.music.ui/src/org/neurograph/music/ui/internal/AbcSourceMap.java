package org.neurograph.music.ui.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Where each note of a tune is written in its ABC text: a scanner that follows the reader's rules closely enough to
 * find the characters of every note and chord (accidentals, letter, octave marks, length; tied notes together) while
 * skipping chord symbols, decorations, grace notes, inline fields, other voices and comments. The reader itself keeps
 * no positions; {@link #noteRanges} therefore returns nothing when its count of notes disagrees with the reader's, so
 * that a wrong mapping is never shown.
 */
public final class AbcSourceMap {
	private static final String DECORATIONS = ".~HLMOPSTuv";
	private static final String FIELDS = "ABCDFGHIKLMNOPQRSTUVWXZmrsw+";

	/** A note, chord or rest as written. */
	private record Sound(int start, int end, String key, boolean rest) {
	}

	private final String text;
	private final List<Sound> sounds = new ArrayList<>();
	private final List<Integer> tied = new ArrayList<>();
	private String firstVoice;
	private String voice;

	private AbcSourceMap(String text) {
		this.text = text;
	}

	/**
	 * The character ranges {@code [start, end)} of the notes of a tune's ABC text (from its {@code X:} line on), one
	 * per note of the tune as read, or {@code null} if the scan does not find exactly {@code expectedNotes} notes.
	 */
	public static List<int[]> noteRanges(String text, int expectedNotes) {
		AbcSourceMap map = new AbcSourceMap(text);
		map.scan();
		List<int[]> ranges = map.merge();
		return ranges.size() == expectedNotes ? ranges : null;
	}

	private void scan() {
		boolean body = false;
		int lineStart = 0;
		while (lineStart <= text.length()) {
			int nl = text.indexOf('\n', lineStart);
			int lineEnd = nl < 0 ? text.length() : nl;
			int end = contentEnd(lineStart, lineEnd);
			String line = text.substring(lineStart, end);
			if (!body) {
				if (line.length() >= 2 && line.charAt(1) == ':') {
					if (line.charAt(0) == 'V' && firstVoice == null && line.length() > 2) {
						firstVoice = firstWord(line.substring(2));
						voice = firstVoice;
					}
					body = line.charAt(0) == 'K';
				}
			} else if (line.length() >= 2 && line.charAt(1) == ':' && FIELDS.indexOf(line.charAt(0)) >= 0) {
				if (line.charAt(0) == 'V') {
					voiceField(line.substring(2));
				}
			} else {
				scanLine(lineStart, end);
			}
			if (nl < 0) {
				break;
			}
			lineStart = nl + 1;
		}
	}

	/** The end of a line without its {@code %} comment (outside quotes, not {@code \%}) and trailing spaces. */
	private int contentEnd(int from, int to) {
		boolean quoted = false;
		int end = to;
		for (int i = from; i < to; i++) {
			char ch = text.charAt(i);
			if (ch == '"') {
				quoted = !quoted;
			} else if (ch == '%' && !quoted && (i == from || text.charAt(i - 1) != '\\')) {
				end = i;
				break;
			}
		}
		while (end > from && Character.isWhitespace(text.charAt(end - 1))) {
			end--;
		}
		return end;
	}

	private static String firstWord(String value) {
		String v = value.strip();
		return v.isEmpty() ? "" : v.split("\\s+")[0];
	}

	private void voiceField(String value) {
		voice = firstWord(value);
		firstVoice = firstVoice == null ? voice : firstVoice;
	}

	private boolean inFirstVoice() {
		return firstVoice == null || firstVoice.equals(voice);
	}

	private void scanLine(int from, int to) {
		int i = from;
		while (i < to) {
			char ch = text.charAt(i);
			if (!inFirstVoice()) {
				if (ch == '[' && i + 2 < to && text.charAt(i + 1) == 'V' && text.charAt(i + 2) == ':') {
					i = inlineField(i, to);
				} else {
					i++;
				}
				continue;
			}
			switch (ch) {
			case '"' -> i = skipTo(i + 1, to, '"');
			case '!', '+' -> i = skipTo(i + 1, to, ch);
			case '{' -> i = skipTo(i + 1, to, '}');
			case '(' -> {
				i++;
				while (i < to && (Character.isDigit(text.charAt(i)) || text.charAt(i) == ':')) {
					i++;
				}
			}
			case '[' -> {
				char next = i + 1 < to ? text.charAt(i + 1) : 0;
				if (Character.isLetter(next) && i + 2 < to && text.charAt(i + 2) == ':') {
					i = inlineField(i, to);
				} else if (Character.isDigit(next)) {
					i = ending(i + 1, to);
				} else if (next == '|') {
					i = bar(i + 2, to);
				} else {
					i = chord(i, to);
				}
			}
			case '|', ':' -> i = bar(i, to);
			case 'z', 'x', 'Z', 'X' -> {
				int end = length(i + 1, to);
				sounds.add(new Sound(i, end, null, true));
				i = end;
			}
			case '-' -> {
				if (!sounds.isEmpty()) {
					tied.add(sounds.size() - 1);
				}
				i++;
			}
			case '&' -> {
				while (i < to && text.charAt(i) != '|') {
					i++;
				}
			}
			default -> {
				if ("^_=ABCDEFGabcdefg".indexOf(ch) >= 0) {
					int start = i;
					StringBuilder key = new StringBuilder();
					i = note(i, to, key);
					i = length(i, to);
					sounds.add(new Sound(start, i, key.toString(), false));
				} else {
					i++; // spaces, broken rhythm, decorations (DECORATIONS), slurs, spacers
				}
			}
			}
		}
	}

	private int skipTo(int from, int to, char close) {
		int end = text.indexOf(close, from);
		return end < 0 || end >= to ? to : end + 1;
	}

	private int inlineField(int at, int to) {
		int end = skipTo(at + 3, to, ']');
		if (text.charAt(at + 1) == 'V') {
			voiceField(text.substring(at + 3, Math.max(at + 3, end - 1)));
		}
		return end;
	}

	private int ending(int from, int to) {
		int i = from;
		while (i < to && (Character.isDigit(text.charAt(i)) || text.charAt(i) == ',' || text.charAt(i) == '-')) {
			i++;
		}
		return i;
	}

	private int bar(int from, int to) {
		int i = from;
		while (i < to && (text.charAt(i) == '|' || text.charAt(i) == ':')) {
			i++;
		}
		if (i < to && text.charAt(i) == ']' && text.charAt(i - 1) == '|') {
			i++;
		}
		return ending(i, to);
	}

	/** Accidentals, letter and octave marks; appends the letter and octave to {@code key}. */
	private int note(int from, int to, StringBuilder key) {
		int i = from;
		while (i < to && "^_=".indexOf(text.charAt(i)) >= 0) {
			i++;
		}
		if (i >= to) {
			return i;
		}
		char letter = text.charAt(i++);
		int octave = Character.isLowerCase(letter) ? 1 : 0;
		while (i < to && (text.charAt(i) == '\'' || text.charAt(i) == ',')) {
			octave += text.charAt(i++) == '\'' ? 1 : -1;
		}
		key.append(Character.toUpperCase(letter)).append(octave);
		return i;
	}

	private int length(int from, int to) {
		int i = from;
		while (i < to && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '/')) {
			i++;
		}
		return i;
	}

	private int chord(int at, int to) {
		int i = at + 1;
		java.util.TreeSet<String> keys = new java.util.TreeSet<>();
		boolean chordTied = false;
		while (i < to && text.charAt(i) != ']') {
			char ch = text.charAt(i);
			if ("^_=ABCDEFGabcdefg".indexOf(ch) >= 0) {
				StringBuilder key = new StringBuilder();
				i = length(note(i, to, key), to);
				keys.add(key.toString());
				if (i < to && text.charAt(i) == '-') {
					chordTied = true;
					i++;
				}
			} else if (ch == '!') {
				i = skipTo(i + 1, to, '!');
			} else {
				i++;
			}
		}
		int end = length(Math.min(to, i + 1), to);
		sounds.add(new Sound(at, end, String.join(" ", keys), false));
		if (chordTied) {
			tied.add(sounds.size() - 1);
		}
		return end;
	}

	/** One range per note as the reader counts them: a note tied to the next of the same pitches is one note. */
	private List<int[]> merge() {
		List<int[]> ranges = new ArrayList<>();
		String tie = null;
		for (int i = 0; i < sounds.size(); i++) {
			Sound s = sounds.get(i);
			if (s.rest()) {
				tie = null;
				continue;
			}
			if (tie != null && tie.equals(s.key())) {
				ranges.get(ranges.size() - 1)[1] = s.end();
			} else {
				ranges.add(new int[] { s.start(), s.end() });
			}
			tie = tied.contains(i) ? s.key() : null;
		}
		return ranges;
	}
}
