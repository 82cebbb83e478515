package org.neurograph.music;

/**
 * ABC text that cannot be read: where (line and column, from 1, in the text given to the reader), what is wrong and
 * what was expected there. The message says all three, e.g.
 * {@code "Tune 12 (The Lark), line 40, column 7: unexpected '#'; expected a note, a rest or a bar line."}
 */
public class AbcSyntaxException extends Exception {
	private static final long serialVersionUID = 1L;

	private final int line;
	private final int column;
	private final String problem;
	private final String expected;
	private final String tune;

	/**
	 * @param problem  what is wrong, e.g. {@code "unexpected '#'"}
	 * @param line     the line, from 1
	 * @param column   the column, from 1
	 * @param expected what would have been valid there, or {@code null}
	 */
	public AbcSyntaxException(String problem, int line, int column, String expected) {
		this(problem, line, column, expected, null);
	}

	private AbcSyntaxException(String problem, int line, int column, String expected, String tune) {
		super(format(problem, line, column, expected, tune));
		this.problem = problem;
		this.line = line;
		this.column = column;
		this.expected = expected;
		this.tune = tune;
	}

	/** The same error, named as being in a tune of a collection: {@code "Tune 12 (The Lark)"}. */
	public AbcSyntaxException inTune(int number, String title) {
		return new AbcSyntaxException(problem, line, column, expected,
				"Tune " + number + (title == null || title.isEmpty() ? "" : " (" + title + ")"));
	}

	private static String format(String problem, int line, int column, String expected, String tune) {
		String where = "line " + line + ", column " + column;
		return (tune == null ? Character.toUpperCase(where.charAt(0)) + where.substring(1) : tune + ", " + where) + ": "
				+ problem + (expected == null ? "" : "; expected " + expected) + ".";
	}

	/** The line, from 1. */
	public int line() {
		return line;
	}

	/** The column, from 1. */
	public int column() {
		return column;
	}

	/** What is wrong. */
	public String problem() {
		return problem;
	}

	/** What would have been valid, or {@code null}. */
	public String expected() {
		return expected;
	}
}
