package org.neurograph.music.internal;

import org.neurograph.music.AbcSyntaxException;

/** Reads one line of ABC character by character and makes errors that point at the current column. */
final class LineCursor {
	private final String text;
	private final int line;
	private final int columnOffset;
	private int pos;

	/**
	 * @param text         the characters to read
	 * @param line         the line number, from 1
	 * @param columnOffset the column of {@code text}'s first character, minus one
	 */
	LineCursor(String text, int line, int columnOffset) {
		this.text = text;
		this.line = line;
		this.columnOffset = columnOffset;
	}

	boolean atEnd() {
		return pos >= text.length();
	}

	/** The current character, or 0 at the end. */
	char peek() {
		return peek(0);
	}

	/** The character {@code ahead} places on, or 0 past the end. */
	char peek(int ahead) {
		int i = pos + ahead;
		return i < text.length() ? text.charAt(i) : 0;
	}

	char next() {
		return text.charAt(pos++);
	}

	void skip(int n) {
		pos += n;
	}

	/** Consumes {@code c} if it comes next. */
	boolean accept(char c) {
		if (peek() == c && !atEnd()) {
			pos++;
			return true;
		}
		return false;
	}

	boolean peekDigit() {
		return Character.isDigit(peek()) && !atEnd();
	}

	/** Reads a run of digits; -1 if there is none. */
	int number() throws AbcSyntaxException {
		int start = pos;
		while (peekDigit()) {
			pos++;
		}
		if (start == pos) {
			return -1;
		}
		if (pos - start > 6) {
			throw error("the number " + text.substring(start, pos) + " is too large", start, null);
		}
		return Integer.parseInt(text.substring(start, pos));
	}

	/** Reads up to the next {@code close} (consumed, not returned); null if the line has none. */
	String until(char close) {
		int end = text.indexOf(close, pos);
		if (end < 0) {
			return null;
		}
		String s = text.substring(pos, end);
		pos = end + 1;
		return s;
	}

	/** The rest of the line. */
	String rest() {
		String s = text.substring(pos);
		pos = text.length();
		return s;
	}

	int position() {
		return pos;
	}

	int line() {
		return line;
	}

	/** The column of a position, from 1. */
	int column(int position) {
		return columnOffset + position + 1;
	}

	/** An error at the current position. */
	AbcSyntaxException error(String problem, String expected) {
		return error(problem, pos, expected);
	}

	/** An error at a given position of this line. */
	AbcSyntaxException error(String problem, int position, String expected) {
		return new AbcSyntaxException(problem, line, column(position), expected);
	}

	/** Describes the current character for messages, e.g. {@code "'#'"} or {@code "the end of the line"}. */
	String describeNext() {
		return atEnd() ? "the end of the line" : "'" + peek() + "'";
	}
}
