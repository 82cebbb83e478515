package org.neurograph.music;

import java.nio.file.Path;
import java.util.Objects;

import javax.sound.sampled.AudioFormat;

/**
 * How tunes are turned into sound: the SoundFont (an SF2 file, or {@code null} for Java's default instruments), the
 * MIDI options (instrument, velocity, tempo factor) and the sample rate. Audio is 16-bit stereo.
 *
 * @param soundFont  an SF2 file, or {@code null} for the default sound bank
 * @param midi       instrument, velocity and tempo factor
 * @param sampleRate samples per second, 8000 to 96000
 */
public record SynthOptions(Path soundFont, MidiOptions midi, int sampleRate) {
	/** The default instruments, piano, the tune's tempo, 44.1 kHz. */
	public static final SynthOptions DEFAULT = new SynthOptions(null, MidiOptions.DEFAULT, 44_100);

	public SynthOptions {
		Objects.requireNonNull(midi, "midi");
		if (sampleRate < 8000 || sampleRate > 96_000) {
			throw new IllegalArgumentException("The sample rate must be from 8000 to 96000 Hz, not " + sampleRate + ".");
		}
	}

	/** A copy with another SoundFont ({@code null}: the default sound bank). */
	public SynthOptions withSoundFont(Path file) {
		return new SynthOptions(file, midi, sampleRate);
	}

	/** A copy with other MIDI options. */
	public SynthOptions withMidi(MidiOptions options) {
		return new SynthOptions(soundFont, options, sampleRate);
	}

	/** The audio format: signed 16-bit little-endian stereo at the sample rate. */
	public AudioFormat audioFormat() {
		return new AudioFormat(sampleRate, 16, 2, true, false);
	}
}
