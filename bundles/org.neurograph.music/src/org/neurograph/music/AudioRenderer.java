package org.neurograph.music;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Path;

import javax.sound.midi.Soundbank;
import javax.sound.sampled.AudioFormat;

import org.neurograph.api.CancelledException;
import org.neurograph.api.Progress;
import org.neurograph.assets.AtomicFiles;
import org.neurograph.music.internal.Gervill;
import org.neurograph.music.internal.MidiSchedule;

/**
 * Renders tunes to WAV files with Java's Gervill synthesizer, faster than real time and without a sound card. The
 * tune is played as {@link MidiExport} writes it (repeats played out) and followed by a second of silence for the
 * last notes to fade. Needs the JVM option {@code --add-opens java.desktop/com.sun.media.sound=ALL-UNNAMED}.
 */
public final class AudioRenderer {
	private static final long TAIL_MICROS = 1_000_000;
	private static final int CHUNK_FRAMES = 4096;

	private AudioRenderer() {
	}

	/**
	 * Renders a tune into a 16-bit stereo WAV file, written atomically (a temporary file in the same folder, then a
	 * move). Reports progress and stops soon after cancellation, leaving no file behind.
	 *
	 * @throws MusicException      if the SoundFont cannot be used or the synthesizer cannot start
	 * @throws CancelledException  if {@code progress} was cancelled
	 */
	public static void renderWav(Tune tune, Path wav, SynthOptions options, Progress progress)
			throws IOException, MusicException, CancelledException {
		Soundbank bank = options.soundFont() == null ? null : SoundFonts.load(options.soundFont());
		MidiSchedule schedule = MidiSchedule.of(MidiExport.toSequence(tune, options.midi()));
		AudioFormat format = options.audioFormat();
		long frames = (schedule.lengthMicros() + TAIL_MICROS) * options.sampleRate() / 1_000_000;
		progress.begin("Rendering " + (tune.header().title().isEmpty() ? "tune" : tune.header().title()), 100);
		try (Gervill synth = Gervill.open(format, bank)) {
			for (MidiSchedule.Timed t : schedule.messages()) {
				synth.receiver().send(t.message(), t.micros());
			}
			AtomicFiles.write(wav, out -> copy(synth, format, frames, out, progress));
		} catch (InterruptedIOException e) {
			throw new CancelledException();
		}
	}

	/** Writes a WAV header and {@code frames} frames from the synthesizer. */
	private static void copy(Gervill synth, AudioFormat format, long frames, OutputStream out, Progress progress)
			throws IOException {
		int frameSize = format.getFrameSize();
		long dataBytes = frames * frameSize;
		if (dataBytes > 0xFFFF_FFFFL - 36) {
			throw new IOException("The tune is too long for a WAV file (over 4 GB of audio).");
		}
		writeHeader(new DataOutputStream(out), format, dataBytes);
		byte[] buffer = new byte[CHUNK_FRAMES * frameSize];
		long done = 0;
		int reported = 0;
		while (done < dataBytes) {
			if (progress.isCancelled()) {
				throw new InterruptedIOException("cancelled");
			}
			int n = synth.stream().read(buffer, 0, (int) Math.min(buffer.length, dataBytes - done));
			if (n < 0) {
				throw new IOException("The synthesizer stopped early.");
			}
			out.write(buffer, 0, n);
			done += n;
			int percent = (int) (done * 100 / dataBytes);
			progress.worked(percent - reported);
			reported = percent;
		}
	}

	private static void writeHeader(DataOutputStream out, AudioFormat format, long dataBytes) throws IOException {
		int channels = format.getChannels();
		int rate = (int) format.getSampleRate();
		int bits = format.getSampleSizeInBits();
		out.writeBytes("RIFF");
		out.writeInt(Integer.reverseBytes((int) (36 + dataBytes)));
		out.writeBytes("WAVEfmt ");
		out.writeInt(Integer.reverseBytes(16));
		out.writeShort(Short.reverseBytes((short) 1));
		out.writeShort(Short.reverseBytes((short) channels));
		out.writeInt(Integer.reverseBytes(rate));
		out.writeInt(Integer.reverseBytes(rate * channels * bits / 8));
		out.writeShort(Short.reverseBytes((short) (channels * bits / 8)));
		out.writeShort(Short.reverseBytes((short) bits));
		out.writeBytes("data");
		out.writeInt(Integer.reverseBytes((int) dataBytes));
		out.flush();
	}
}
