package org.neurograph.music.internal;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

import org.neurograph.music.AudioOutput;
import org.neurograph.music.MusicException;

/** Audio to the default sound device through a {@link SourceDataLine} with about a fifth of a second of buffer. */
public final class LineOutput implements AudioOutput {
	private volatile SourceDataLine line;

	@Override
	public void open(AudioFormat format) throws MusicException {
		try {
			SourceDataLine l = AudioSystem.getSourceDataLine(format);
			l.open(format, (int) (format.getFrameRate() / 5) * format.getFrameSize());
			l.start();
			line = l;
		} catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
			throw new MusicException("No sound output is available (" + e.getMessage()
					+ "). Check the sound settings, or render the tune to a WAV file instead.", e);
		}
	}

	@Override
	public void write(byte[] data, int offset, int length) {
		SourceDataLine l = line;
		if (l != null && l.isOpen()) {
			l.write(data, offset, length);
		}
	}

	@Override
	public long framesPlayed() {
		SourceDataLine l = line;
		return l == null ? 0 : l.getLongFramePosition();
	}

	@Override
	public void drain() {
		SourceDataLine l = line;
		if (l != null && l.isOpen()) {
			l.drain();
		}
	}

	@Override
	public void close() {
		SourceDataLine l = line;
		if (l != null) {
			l.stop();
			l.flush();
			l.close();
		}
	}
}
