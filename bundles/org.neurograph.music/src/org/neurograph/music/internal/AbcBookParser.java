package org.neurograph.music.internal;

import java.util.ArrayList;
import java.util.List;

import org.neurograph.music.AbcSyntaxException;
import org.neurograph.music.Tune;
import org.neurograph.music.TuneBook;

/**
 * Splits ABC text into tunes and reads each. A tune starts at an {@code X:} line and ends at a blank line (or the
 * next {@code X:} line); lines before the first tune, up to a blank line, are the file header. Text without any
 * {@code X:} line is read as one tune numbered 1, up to its first blank line.
 */
public final class AbcBookParser {
	private AbcBookParser() {
	}

	/** Every tune of the text; a tune that cannot be read becomes an error and the others are still read. */
	public static TuneBook parse(String text) {
		List<Tune> tunes = new ArrayList<>();
		List<AbcSyntaxException> errors = new ArrayList<>();
		String[] lines = lines(text);
		List<String> fileHeader = fileHeader(lines);
		for (int[] block : blocks(lines)) {
			List<String> tuneLines = List.of(lines).subList(block[0], block[1]);
			try {
				tunes.add(new TuneParser(tuneLines, block[0] + 1, fileHeader).parse());
			} catch (AbcSyntaxException e) {
				errors.add(e.inTune(number(tuneLines), title(tuneLines)));
			}
		}
		return new TuneBook(tunes, errors);
	}

	/**
	 * The first tune of the text.
	 *
	 * @throws AbcSyntaxException if there is no tune or the first cannot be read
	 */
	public static Tune parseFirst(String text) throws AbcSyntaxException {
		String[] lines = lines(text);
		List<int[]> blocks = blocks(lines);
		if (blocks.isEmpty()) {
			throw new AbcSyntaxException("there is no tune", 1, 1, "a tune: X:1, T:title, K:key and the notes");
		}
		int[] block = blocks.get(0);
		return new TuneParser(List.of(lines).subList(block[0], block[1]), block[0] + 1, fileHeader(lines)).parse();
	}

	private static String[] lines(String text) {
		return text.split("\r\n|\r|\n", -1);
	}

	private static boolean startsTune(String line) {
		return line.startsWith("X:");
	}

	private static List<String> fileHeader(String[] lines) {
		List<String> header = new ArrayList<>();
		if (List.of(lines).stream().noneMatch(AbcBookParser::startsTune)) {
			return header;
		}
		for (String line : lines) {
			if (line.isBlank() || startsTune(line)) {
				break;
			}
			header.add(line);
		}
		return header;
	}

	/** The {@code [from, to)} line ranges of the tunes. */
	private static List<int[]> blocks(String[] lines) {
		List<int[]> blocks = new ArrayList<>();
		boolean numbered = List.of(lines).stream().anyMatch(AbcBookParser::startsTune);
		int i = 0;
		while (i < lines.length) {
			boolean starts = numbered ? startsTune(lines[i]) : !lines[i].isBlank();
			if (!starts) {
				i++;
				continue;
			}
			int from = i++;
			while (i < lines.length && !lines[i].isBlank() && !startsTune(lines[i])) {
				i++;
			}
			blocks.add(new int[] { from, i });
			if (!numbered) {
				break;
			}
		}
		return blocks;
	}

	private static int number(List<String> lines) {
		try {
			return lines.isEmpty() || !startsTune(lines.get(0)) ? 1 : Integer.parseInt(TuneParser.stripComment(lines.get(0)).substring(2).strip());
		} catch (NumberFormatException e) {
			return 1;
		}
	}

	private static String title(List<String> lines) {
		return lines.stream().filter(l -> l.startsWith("T:")).map(l -> l.substring(2).strip()).findFirst().orElse("");
	}
}
