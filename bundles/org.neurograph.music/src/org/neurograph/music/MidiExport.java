package org.neurograph.music;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

import org.neurograph.assets.AtomicFiles;

/**
 * Writes tunes as Standard MIDI Files (type 1, {@value #TICKS_PER_QUARTER} ticks per quarter note): a conductor
 * track with title, comment, tempo ({@code Q:}, default 1/4=120, times the tempo factor), meter and key, and one
 * track with the notes on channel 1. Repeats are played out ({@link Tune#unfold()}) and chords keep all their notes.
 */
public final class MidiExport {
	/** The time resolution of exported files. */
	public static final int TICKS_PER_QUARTER = 480;

	private static final int META_TEXT = 0x01;
	private static final int META_TRACK_NAME = 0x03;
	private static final int META_TEMPO = 0x51;
	private static final int META_TIME_SIGNATURE = 0x58;
	private static final int META_KEY_SIGNATURE = 0x59;

	private MidiExport() {
	}

	/** The tune as a MIDI sequence. */
	public static Sequence toSequence(Tune tune, MidiOptions options) {
		try {
			Tune played = tune.unfold();
			Sequence seq = new Sequence(Sequence.PPQ, TICKS_PER_QUARTER);
			Track conductor = seq.createTrack();
			Track notes = seq.createTrack();
			TuneHeader h = played.header();
			if (!h.title().isEmpty()) {
				add(conductor, text(META_TRACK_NAME, h.title()), 0);
			}
			if (!options.comment().isEmpty()) {
				add(conductor, text(META_TEXT, options.comment()), 0);
			}
			add(conductor, tempo(h.effectiveTempo(), options.tempoScale()), 0);
			meter(conductor, h.meter(), 0);
			add(conductor, key(h.key()), 0);
			add(notes, new ShortMessage(ShortMessage.PROGRAM_CHANGE, 0, options.program(), 0), 0);
			for (Event e : played.events()) {
				long tick = ticks(e.time());
				switch (e) {
				case Event.Note n -> {
					for (int p : n.pitches()) {
						add(notes, new ShortMessage(ShortMessage.NOTE_ON, 0, p, options.velocity()), tick);
					}
					for (int p : n.pitches()) {
						add(notes, new ShortMessage(ShortMessage.NOTE_OFF, 0, p, 0), ticks(n.end()));
					}
				}
				case Event.TempoChange t -> add(conductor, tempo(t.tempo(), options.tempoScale()), tick);
				case Event.MeterChange m -> meter(conductor, m.meter(), tick);
				case Event.KeyChange k -> add(conductor, key(k.key()), tick);
				default -> {
					// rests, bar lines and chord symbols have no MIDI form here
				}
				}
			}
			return seq;
		} catch (InvalidMidiDataException e) {
			throw new IllegalStateException("a MIDI message was built out of range", e);
		}
	}

	/** The tune as the bytes of a Standard MIDI File. */
	public static byte[] toBytes(Tune tune, MidiOptions options) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			MidiSystem.write(toSequence(tune, options), 1, out);
		} catch (IOException e) {
			throw new IllegalStateException("writing MIDI to memory failed", e);
		}
		return out.toByteArray();
	}

	/** Writes the tune to a {@code .mid} file atomically (a temporary file in the same folder, then a move). */
	public static void write(Tune tune, Path file, MidiOptions options) throws IOException {
		AtomicFiles.write(file, toBytes(tune, options));
	}

	/** A time in whole notes as MIDI ticks (rounded for tuplets the resolution cannot hold exactly). */
	static long ticks(Fraction wholeNotes) {
		return Math.round(wholeNotes.toDouble() * 4 * TICKS_PER_QUARTER);
	}

	private static void add(Track track, MidiMessage message, long tick) {
		track.add(new MidiEvent(message, tick));
	}

	private static MetaMessage text(int type, String text) throws InvalidMidiDataException {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		return new MetaMessage(type, bytes, bytes.length);
	}

	private static MetaMessage tempo(Tempo tempo, double scale) throws InvalidMidiDataException {
		int mpq = (int) Math.max(1, Math.min(0xFFFFFF, Math.round(tempo.microsecondsPerQuarter() / scale)));
		return new MetaMessage(META_TEMPO, new byte[] { (byte) (mpq >> 16), (byte) (mpq >> 8), (byte) mpq }, 3);
	}

	private static void meter(Track track, Meter meter, long tick) throws InvalidMidiDataException {
		int d = meter.denominator();
		if (meter.isFree() || Integer.bitCount(d) != 1 || meter.numerator() > 255) {
			return;
		}
		byte[] data = { (byte) meter.numerator(), (byte) Integer.numberOfTrailingZeros(d), 24, 8 };
		add(track, new MetaMessage(META_TIME_SIGNATURE, data, 4), tick);
	}

	private static MetaMessage key(Key key) throws InvalidMidiDataException {
		return new MetaMessage(META_KEY_SIGNATURE, new byte[] { (byte) key.fifths(), (byte) (key.isMinor() ? 1 : 0) }, 2);
	}
}
