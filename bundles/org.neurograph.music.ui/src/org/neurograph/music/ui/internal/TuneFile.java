package org.neurograph.music.ui.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sound.midi.Sequence;

import org.neurograph.music.AbcReader;
import org.neurograph.music.AbcSyntaxException;
import org.neurograph.music.AbcWriter;
import org.neurograph.music.MidiImport;
import org.neurograph.music.MidiTrackInfo;
import org.neurograph.music.MusicException;
import org.neurograph.music.Tune;
import org.neurograph.music.TuneBook;

/**
 * The tunes of an {@code .abc} or MIDI file as the tune editor shows them: for each tune its ABC text (the tune's
 * own lines of an ABC file; for MIDI, the melody written as ABC) and where each note is in that text, and the
 * errors of the tunes that could not be read. Headless: read off the UI thread.
 *
 * @param tunes   the tunes read
 * @param errors  one message per tune that could not be read (line and column in the file)
 * @param source  the whole text of an ABC file, or "" for MIDI
 * @param problem what made the file unreadable as a whole (no tune could be read), or {@code null}
 * @param line    for an unreadable ABC file, the line of the first error from 1; 0 if not known
 * @param column  its column from 1; 0 if not known
 * @param midi    true for a MIDI file, whose entries are its tracks (all together first, then each with notes)
 */
public record TuneFile(List<Entry> tunes, List<String> errors, String source, String problem, int line, int column,
		boolean midi) {

	/**
	 * One tune.
	 *
	 * @param label  how the tune chooser names it
	 * @param tune   the tune as written and as played
	 * @param abc    its ABC text
	 * @param ranges for each written note, its characters {@code [start, end)} in {@code abc}; {@code null} when the
	 *               notes could not be matched to the text
	 */
	public record Entry(String label, PlayedTune tune, String abc, List<int[]> ranges) {
	}

	public TuneFile {
		tunes = List.copyOf(tunes);
		errors = List.copyOf(errors);
	}

	/** True if the editor can show at least one tune. */
	public boolean readable() {
		return problem == null;
	}

	/** Reads a file by its extension: {@code .mid} / {@code .midi} as MIDI, anything else as ABC. */
	public static TuneFile read(Path file) {
		String name = file.getFileName().toString();
		try {
			byte[] bytes = Files.readAllBytes(file);
			if (name.toLowerCase(Locale.ROOT).matches(".*\\.midi?$")) {
				return midi(bytes, name.replaceFirst("(?i)\\.midi?$", ""));
			}
			return abc(decode(bytes));
		} catch (NoSuchFileException e) {
			return failure("The file " + file + " does not exist (any more).", "", 0, 0);
		} catch (IOException e) {
			return failure("The file " + name + " cannot be read: " + e.getMessage(), "", 0, 0);
		}
	}

	/**
	 * Reads MIDI bytes: the melody of all tracks together (the highest voice), as {@link MidiImport} finds it, and,
	 * when several tracks have notes, the melody of each of them.
	 */
	static TuneFile midi(byte[] bytes, String title) {
		try {
			Sequence sequence = MidiImport.sequence(bytes);
			Tune all = MidiImport.fromSequence(sequence, MidiImport.ALL_TRACKS, MidiImport.DEFAULT_GRID, title);
			List<MidiTrackInfo> tracks = MidiImport.tracks(sequence).stream().filter(t -> t.notes() > 0).toList();
			List<Entry> entries = new ArrayList<>();
			List<String> errors = new ArrayList<>();
			if (tracks.size() <= 1) {
				entries.add(entry("Melody", all, AbcWriter.write(all)));
			} else {
				entries.add(entry("All tracks (highest voice)", all, AbcWriter.write(all)));
				for (MidiTrackInfo t : tracks) {
					String label = "Track " + (t.index() + 1) + (t.name().isBlank() ? "" : ": " + t.name().strip()) + " ("
							+ t.notes() + " notes, " + PianoRoll.name(t.lowest()) + "-" + PianoRoll.name(t.highest()) + ")";
					try {
						Tune tune = MidiImport.fromSequence(sequence, t.index(), MidiImport.DEFAULT_GRID, title);
						entries.add(entry(label, tune, AbcWriter.write(tune)));
					} catch (MusicException e) {
						errors.add(label + ": " + e.getMessage());
					}
				}
			}
			return new TuneFile(entries, errors, "", null, 0, 0, true);
		} catch (MusicException e) {
			return failure(e.getMessage(), "", 0, 0);
		}
	}

	/** Reads ABC text: every tune of a collection. */
	public static TuneFile abc(String text) {
		String source = text.replace("\r\n", "\n").replace('\r', '\n');
		TuneBook book = AbcReader.readBook(source);
		List<String> errors = book.errors().stream().map(Throwable::getMessage).toList();
		if (book.tunes().isEmpty()) {
			if (book.errors().isEmpty()) {
				return failure("There is no tune in this file. An ABC tune starts with X:1, then T:title, M:meter,"
						+ " L:unit length and K:key lines, then the notes.", source, 0, 0);
			}
			AbcSyntaxException first = book.errors().get(0);
			String message = book.errors().size() == 1 ? first.getMessage()
					: "None of the " + book.errors().size() + " tunes can be read. " + String.join("\n", errors);
			return failure(message, source, first.line(), first.column());
		}
		String[] lines = source.split("\n", -1);
		List<int[]> blocks = blocks(lines);
		List<String> texts = new ArrayList<>();
		for (int[] block : blocks) {
			boolean failed = book.errors().stream().anyMatch(e -> e.line() >= block[0] + 1 && e.line() <= block[1] + 1);
			if (!failed) {
				texts.add(String.join("\n", List.of(lines).subList(block[0], block[1])) + "\n");
			}
		}
		boolean matched = texts.size() == book.tunes().size();
		List<Entry> entries = new ArrayList<>();
		for (int i = 0; i < book.tunes().size(); i++) {
			Tune tune = book.tunes().get(i);
			entries.add(entry(tune, matched ? texts.get(i) : AbcWriter.write(tune)));
		}
		return new TuneFile(entries, errors, source, null, 0, 0, false);
	}

	private static Entry entry(Tune tune, String abc) {
		String title = tune.header().title().isEmpty() ? "(untitled)" : tune.header().title();
		return entry(tune.header().number() + ": " + title, tune, abc);
	}

	private static Entry entry(String label, Tune tune, String abc) {
		return new Entry(label, PlayedTune.of(tune), abc, AbcSourceMap.noteRanges(abc, tune.notes().size()));
	}

	private static TuneFile failure(String problem, String source, int line, int column) {
		return new TuneFile(List.of(), List.of(), source, problem, line, column, false);
	}

	/** ABC bytes as text: UTF-8 if valid, else Latin-1 (older collections), as the reader does. */
	static String decode(byte[] bytes) {
		try {
			return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
		} catch (CharacterCodingException e) {
			return new String(bytes, StandardCharsets.ISO_8859_1);
		}
	}

	/** The {@code [from, to)} line ranges of the tunes, split as the reader splits them. */
	private static List<int[]> blocks(String[] lines) {
		List<int[]> blocks = new ArrayList<>();
		boolean numbered = List.of(lines).stream().anyMatch(l -> l.startsWith("X:"));
		int i = 0;
		while (i < lines.length) {
			boolean starts = numbered ? lines[i].startsWith("X:") : !lines[i].isBlank();
			if (!starts) {
				i++;
				continue;
			}
			int from = i++;
			while (i < lines.length && !lines[i].isBlank() && !lines[i].startsWith("X:")) {
				i++;
			}
			blocks.add(new int[] { from, i });
			if (!numbered) {
				break;
			}
		}
		return blocks;
	}
}
