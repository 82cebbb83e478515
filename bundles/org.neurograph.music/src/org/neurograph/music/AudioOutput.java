package org.neurograph.music;

import javax.sound.sampled.AudioFormat;

import org.neurograph.music.internal.LineOutput;

/**
 * Where a {@link TunePlayer} sends audio: the sound card ({@link #speakers()}), or anything else that takes PCM
 * frames at their real-time pace. Calls come from the player's thread, except {@link #close()}, which may come from
 * any thread and must make a blocked {@link #write} return.
 */
public interface AudioOutput {

	/** Prepares to receive audio of this format. */
	void open(AudioFormat format) throws MusicException;

	/** Takes {@code length} bytes of whole frames; blocks while the output is full, as a sound card does. */
	void write(byte[] data, int offset, int length);

	/** How many frames have been heard so far, for showing the playing note. */
	long framesPlayed();

	/** Waits until everything written has been heard. */
	void drain();

	/** Stops at once and releases the output; further writes are ignored. */
	void close();

	/** The default audio device. */
	static AudioOutput speakers() {
		return new LineOutput();
	}
}
