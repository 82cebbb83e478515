package org.neurograph.music;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.neurograph.assets.AtomicFiles;
import org.neurograph.music.internal.AbcFormatter;

/**
 * Writes {@link Tune}s as ABC 2.1 text in a regular form (one header field per line, four bars to a line, notes
 * grouped by beats, accidentals only where needed, notes across bar lines split and tied). {@link AbcReader} reads
 * the text back to the same events.
 */
public final class AbcWriter {
	private AbcWriter() {
	}

	/** One tune as ABC, ending with a line break. */
	public static String write(Tune tune) {
		return AbcFormatter.format(tune);
	}

	/** Several tunes as an ABC collection, separated by blank lines. */
	public static String write(List<Tune> tunes) {
		return tunes.stream().map(AbcFormatter::format).collect(Collectors.joining("\n"));
	}

	/** Writes tunes to a UTF-8 {@code .abc} file atomically (a temporary file in the same folder, then a move). */
	public static void write(List<Tune> tunes, Path file) throws IOException {
		AtomicFiles.write(file, write(tunes).getBytes(StandardCharsets.UTF_8));
	}
}
