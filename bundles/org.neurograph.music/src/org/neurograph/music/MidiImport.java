package org.neurograph.music;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;

import org.neurograph.music.internal.MidiMelody;

/**
 * Reads Standard MIDI Files into monophonic {@link Tune}s: the melody of one chosen track, or the highest voice of
 * all tracks together. Polyphony (chords, accompaniment in the same track, overlapping notes) is reduced to the
 * highest note sounding, percussion (channel 10) is ignored, times are quantised to a grid, silences become rests
 * and bar lines follow the file's time signature. Tempo, meter and key come from the file's first tempo, time and key
 * signature events (later ones become changes in the tune).
 */
public final class MidiImport {
	/** Use every track: the highest voice of the whole file. */
	public static final int ALL_TRACKS = -1;
	/** The default grid: 24 steps per quarter note (32nd notes and 16th-note triplets). */
	public static final int DEFAULT_GRID = 24;

	private MidiImport() {
	}

	/** Reads a MIDI file's bytes. */
	public static Sequence sequence(byte[] midi) throws MusicException {
		try {
			return MidiSystem.getSequence(new ByteArrayInputStream(midi));
		} catch (InvalidMidiDataException | IOException e) {
			throw new MusicException("This is not a Standard MIDI File that Java can read (" + e.getMessage()
					+ "). Export it again as a type 0 or type 1 MIDI file.", e);
		}
	}

	/** What each track of a file holds. */
	public static List<MidiTrackInfo> tracks(Sequence sequence) {
		return MidiMelody.tracks(sequence);
	}

	/**
	 * Reads a MIDI file's melody.
	 *
	 * @param track          the track index from 0, or {@link #ALL_TRACKS}
	 * @param gridPerQuarter quantisation steps per quarter note, 1 to 480 ({@link #DEFAULT_GRID})
	 * @throws MusicException with a message for the user if the file cannot be read or has no notes there
	 */
	public static Tune read(Path file, int track, int gridPerQuarter) throws IOException, MusicException {
		String name = file.getFileName().toString().replaceFirst("(?i)\\.midi?$", "");
		return fromSequence(sequence(Files.readAllBytes(file)), track, gridPerQuarter, name);
	}

	/**
	 * Turns a MIDI sequence into a tune.
	 *
	 * @param track          the track index from 0, or {@link #ALL_TRACKS}
	 * @param gridPerQuarter quantisation steps per quarter note, 1 to 480 ({@link #DEFAULT_GRID})
	 * @param title          the title if the file names none
	 * @throws MusicException with a message for the user if the sequence has no notes there or uses SMPTE time
	 */
	public static Tune fromSequence(Sequence sequence, int track, int gridPerQuarter, String title) throws MusicException {
		if (gridPerQuarter < 1 || gridPerQuarter > 480) {
			throw new IllegalArgumentException("the grid must be 1 to 480 steps per quarter note, not " + gridPerQuarter);
		}
		return MidiMelody.extract(sequence, track, gridPerQuarter, title);
	}
}
