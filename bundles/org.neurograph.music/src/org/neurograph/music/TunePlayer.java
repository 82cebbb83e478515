package org.neurograph.music;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

import javax.sound.midi.Soundbank;
import javax.sound.sampled.AudioFormat;

import org.neurograph.music.internal.Gervill;
import org.neurograph.music.internal.MidiSchedule;

/**
 * Plays tunes with Java's Gervill synthesizer on a background thread: {@link #play}, {@link #stop}, and
 * {@link #position()} for highlighting the note being heard. One tune plays at a time; playing another stops the
 * first. Instrument, tempo factor and SoundFont come from the {@link SynthOptions}. Thread-safe.
 */
public final class TunePlayer implements AutoCloseable {
	private static final int CHUNK_FRAMES = 2048;

	private final SynthOptions options;
	private final AudioOutput output;
	private Session session;

	/**
	 * @param options how to synthesize
	 * @param output  where the audio goes, e.g. {@link AudioOutput#speakers()}
	 */
	public TunePlayer(SynthOptions options, AudioOutput output) {
		this.options = Objects.requireNonNull(options, "options");
		this.output = Objects.requireNonNull(output, "output");
	}

	/**
	 * Starts playing a tune from its beginning (its repeats played out), stopping what was playing.
	 *
	 * @throws MusicException if the SoundFont, the synthesizer or the output cannot be used
	 */
	public synchronized void play(Tune tune) throws MusicException {
		stop();
		Soundbank bank;
		try {
			bank = options.soundFont() == null ? null : SoundFonts.load(options.soundFont());
		} catch (IOException e) {
			throw new MusicException("The SoundFont '" + options.soundFont() + "' cannot be read: " + e.getMessage(), e);
		}
		MidiSchedule schedule = MidiSchedule.of(MidiExport.toSequence(tune, options.midi()));
		AudioFormat format = options.audioFormat();
		Gervill synth = Gervill.open(format, bank);
		try {
			output.open(format);
		} catch (MusicException e) {
			synth.close();
			throw e;
		}
		session = new Session(synth, schedule, format);
		session.thread.start();
	}

	/** Stops playing at once. */
	public synchronized void stop() {
		if (session != null) {
			session.stopped = true;
			output.close();
			try {
				session.thread.join();
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			session = null;
		}
	}

	/** True while a tune is playing. */
	public synchronized boolean isPlaying() {
		return session != null && !session.finished;
	}

	/**
	 * Where playback is, in whole notes from the start of the played-out tune ({@link Tune#unfold()}), or empty when
	 * nothing plays.
	 */
	public synchronized Optional<Fraction> position() {
		if (session == null || session.finished) {
			return Optional.empty();
		}
		MidiSchedule s = session.schedule;
		long micros = output.framesPlayed() * 1_000_000 / options.sampleRate();
		long tick = s.tick(Math.min(micros, s.lengthMicros()));
		return Optional.of(Fraction.of(tick, 4L * s.ticksPerQuarter()));
	}

	@Override
	public void close() {
		stop();
	}

	/** One tune being played: feeds the synthesizer's audio to the output until the end or a stop. */
	private final class Session implements Runnable {
		final Gervill synth;
		final MidiSchedule schedule;
		final AudioFormat format;
		final Thread thread = new Thread(this, "Neurograph tune player");
		volatile boolean stopped;
		volatile boolean finished;

		Session(Gervill synth, MidiSchedule schedule, AudioFormat format) {
			this.synth = synth;
			this.schedule = schedule;
			this.format = format;
			thread.setDaemon(true);
		}

		@Override
		public void run() {
			try {
				for (MidiSchedule.Timed t : schedule.messages()) {
					synth.receiver().send(t.message(), t.micros());
				}
				int frameSize = format.getFrameSize();
				long total = (schedule.lengthMicros() + 500_000) * (long) format.getFrameRate() / 1_000_000 * frameSize;
				byte[] buffer = new byte[CHUNK_FRAMES * frameSize];
				long done = 0;
				while (done < total && !stopped) {
					int n = synth.stream().read(buffer, 0, (int) Math.min(buffer.length, total - done));
					if (n < 0) {
						break;
					}
					output.write(buffer, 0, n);
					done += n;
				}
				if (!stopped) {
					output.drain();
				}
			} catch (IOException e) {
				// the synthesizer's stream failed: playback ends
			} finally {
				synth.close();
				finished = true;
				if (!stopped) {
					output.close();
				}
			}
		}
	}
}
