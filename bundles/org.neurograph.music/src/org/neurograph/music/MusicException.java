package org.neurograph.music;

/**
 * Music that cannot be imported, exported or rendered: a MIDI file without notes, a SoundFont the synthesizer cannot
 * play, a missing JVM option. The message is for the user as it is and says what to do.
 */
public class MusicException extends Exception {
	private static final long serialVersionUID = 1L;

	public MusicException(String message) {
		super(message);
	}

	public MusicException(String message, Throwable cause) {
		super(message, cause);
	}
}
