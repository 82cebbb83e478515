package org.neurograph.music;

import java.util.Objects;

/**
 * How a tune becomes MIDI: the General MIDI instrument, how hard the notes are struck, a tempo factor on top of the
 * tune's own tempo ({@code Q:}), and a text to embed (e.g. the provenance record).
 *
 * @param program    General MIDI program 0..127 (0 piano, 73 flute, 40 violin, ...)
 * @param velocity   note velocity 1..127
 * @param tempoScale tempo factor 0.25..4 (2 plays twice as fast)
 * @param comment    text stored in a MIDI text event; empty for none
 */
public record MidiOptions(int program, int velocity, double tempoScale, String comment) {
	/** Piano, velocity 90, the tune's tempo, no comment. */
	public static final MidiOptions DEFAULT = new MidiOptions(0, 90, 1.0, "");

	public MidiOptions {
		if (program < 0 || program > 127) {
			throw new IllegalArgumentException("The instrument must be a General MIDI program from 0 to 127, not " + program + ".");
		}
		if (velocity < 1 || velocity > 127) {
			throw new IllegalArgumentException("The velocity must be from 1 to 127, not " + velocity + ".");
		}
		if (!(tempoScale >= 0.25 && tempoScale <= 4)) {
			throw new IllegalArgumentException("The tempo factor must be from 0.25 to 4, not " + tempoScale + ".");
		}
		Objects.requireNonNull(comment, "comment");
	}

	/** A copy with another instrument. */
	public MidiOptions withProgram(int newProgram) {
		return new MidiOptions(newProgram, velocity, tempoScale, comment);
	}

	/** A copy with another tempo factor. */
	public MidiOptions withTempoScale(double newTempoScale) {
		return new MidiOptions(program, velocity, newTempoScale, comment);
	}

	/** A copy with a comment. */
	public MidiOptions withComment(String newComment) {
		return new MidiOptions(program, velocity, tempoScale, newComment);
	}
}
