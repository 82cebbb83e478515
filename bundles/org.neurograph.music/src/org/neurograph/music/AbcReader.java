package org.neurograph.music;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import org.neurograph.music.internal.AbcBookParser;

/**
 * Reads ABC 2.1 notation into {@link Tune}s: the headers real collections use ({@code X T M L K Q R}, others kept
 * as written), notes with accidentals, octaves and lengths, rests, bar lines, repeats and endings, ties, broken
 * rhythm, tuplets, chords, chord symbols (kept), grace notes, decorations and slurs (read and left out), inline
 * fields and parts. Errors name the line and column and say what was expected.
 */
public final class AbcReader {
	private AbcReader() {
	}

	/**
	 * Reads the first tune of an ABC text (a text without {@code X:} line is read as one tune).
	 *
	 * @throws AbcSyntaxException if there is no tune or it cannot be read
	 */
	public static Tune read(String abc) throws AbcSyntaxException {
		return AbcBookParser.parseFirst(abc);
	}

	/** Reads every tune of an ABC collection; tunes that cannot be read are reported and skipped. */
	public static TuneBook readBook(String abc) {
		return AbcBookParser.parse(abc);
	}

	/** Reads every tune of an ABC file: UTF-8, or Latin-1 if it is not valid UTF-8 (older collections). */
	public static TuneBook readBook(Path file) throws IOException {
		return readBook(text(Files.readAllBytes(file)));
	}

	/** Decodes ABC bytes: UTF-8 if valid, else Latin-1. */
	static String text(byte[] bytes) {
		try {
			return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
		} catch (CharacterCodingException e) {
			return new String(bytes, StandardCharsets.ISO_8859_1);
		}
	}
}
