package org.neurograph.music.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurograph.api.CancelledException;
import org.neurograph.api.Progress;
import org.neurograph.music.AbcReader;
import org.neurograph.music.AudioRenderer;
import org.neurograph.music.MidiOptions;
import org.neurograph.music.MusicException;
import org.neurograph.music.SoundFonts;
import org.neurograph.music.SynthOptions;
import org.neurograph.music.Tune;

/** Rendering to WAV with Gervill: the loudest pitch is where the notes say; SoundFonts; cancellation. */
class SynthesisTest {
	private static final String TIMGM6MB = "/usr/share/sounds/sf2/TimGM6mb.sf2";
	private static final double D5 = 587.33;
	private static final double A4 = 440.0;

	/** Two bars of one note at 120 quarters a minute: 4 seconds. */
	private static Tune oneNote(String note) throws Exception {
		return AbcReader.read("X:1\nT:" + note + "\nM:4/4\nL:1/8\nQ:1/4=120\nK:C\n" + note + "4 " + note + "4|" + note + "8|]\n");
	}

	/** The mono samples of a WAV file, checking its format. */
	private static double[] samples(Path wav) throws Exception {
		AudioFileFormat fileFormat = AudioSystem.getAudioFileFormat(wav.toFile());
		assertEquals(AudioFileFormat.Type.WAVE, fileFormat.getType());
		AudioFormat f = fileFormat.getFormat();
		assertEquals(44_100, f.getSampleRate());
		assertEquals(16, f.getSampleSizeInBits());
		assertEquals(2, f.getChannels());
		byte[] bytes;
		try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
			bytes = in.readAllBytes();
		}
		ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
		double[] mono = new double[bytes.length / 4];
		for (int i = 0; i < mono.length; i++) {
			mono[i] = (b.getShort(i * 4) + b.getShort(i * 4 + 2)) / 2.0;
		}
		return mono;
	}

	/** The frequency (1 Hz steps, 100-2000 Hz) with the most energy in one second from 0.5 s, by Goertzel filters. */
	static double loudestFrequency(double[] x, double rate) {
		int from = (int) (rate / 2);
		int n = (int) rate;
		double best = 0;
		double bestF = 0;
		for (int hz = 100; hz <= 2000; hz++) {
			double w = 2 * Math.cos(2 * Math.PI * hz / rate);
			double s1 = 0;
			double s2 = 0;
			for (int i = from; i < from + n; i++) {
				double s0 = x[i] + w * s1 - s2;
				s2 = s1;
				s1 = s0;
			}
			double power = s1 * s1 + s2 * s2 - w * s1 * s2;
			if (power > best) {
				best = power;
				bestF = hz;
			}
		}
		return bestF;
	}

	private static void assertNear(double expected, double actual) {
		assertTrue(Math.abs(actual - expected) / expected < 0.015, "loudest frequency " + actual + " Hz, expected " + expected);
	}

	@Test
	void aTuneOfD5PeaksNear587HzAndAnA4TuneNear440(@TempDir Path dir) throws Exception {
		Path d5 = dir.resolve("d5.wav");
		AudioRenderer.renderWav(oneNote("d"), d5, SynthOptions.DEFAULT, Progress.none());
		double[] x = samples(d5);
		assertEquals((4 + 1) * 44_100, x.length, "4 seconds of music and 1 second for the last note to fade");
		assertNear(D5, loudestFrequency(x, 44_100));

		Path a4 = dir.resolve("a4.wav");
		AudioRenderer.renderWav(oneNote("A"), a4, SynthOptions.DEFAULT, Progress.none());
		assertNear(A4, loudestFrequency(samples(a4), 44_100));
	}

	@Test
	void theDebianSoundFontLoadsAndRenders(@TempDir Path dir) throws Exception {
		Path sf2 = SharedData.debianFile(TIMGM6MB, "timgm6mb-soundfont");
		assertTrue(SoundFonts.load(sf2).getInstruments().length >= 128, "a General MIDI set");
		Path wav = dir.resolve("d5.wav");
		AudioRenderer.renderWav(oneNote("d"), wav, SynthOptions.DEFAULT.withSoundFont(sf2), Progress.none());
		assertNear(D5, loudestFrequency(samples(wav), 44_100));
	}

	/** A minimal SoundFont header: RIFF sfbk with an INFO list holding the version. */
	private static byte[] soundFontHeader(int major) {
		ByteBuffer b = ByteBuffer.allocate(36).order(ByteOrder.LITTLE_ENDIAN);
		b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(28).put("sfbk".getBytes(StandardCharsets.US_ASCII));
		b.put("LIST".getBytes(StandardCharsets.US_ASCII)).putInt(16).put("INFO".getBytes(StandardCharsets.US_ASCII));
		b.put("ifil".getBytes(StandardCharsets.US_ASCII)).putInt(4).putShort((short) major).putShort((short) 1);
		return b.array();
	}

	@Test
	void sf3SoundFontsAreRefused(@TempDir Path dir) throws Exception {
		Path sf3 = Files.write(dir.resolve("compressed.sf2"), soundFontHeader(3));
		MusicException e = assertThrows(MusicException.class, () -> SoundFonts.check(sf3));
		assertTrue(e.getMessage().startsWith("'compressed.sf2' is an SF3 SoundFont (compressed samples), which Java's"
				+ " synthesizer plays as noise. Choose an SF2 file"), e.getMessage());
		Path named = Files.write(dir.resolve("named.sf3"), soundFontHeader(2));
		assertThrows(MusicException.class, () -> SoundFonts.check(named));
		Path sf2 = Files.write(dir.resolve("plain.sf2"), soundFontHeader(2));
		SoundFonts.check(sf2);
		Path text = Files.writeString(dir.resolve("notes.sf2"), "not a SoundFont at all");
		e = assertThrows(MusicException.class, () -> SoundFonts.check(text));
		assertTrue(e.getMessage().contains("is not a SoundFont"), e.getMessage());

		Path wav = dir.resolve("never.wav");
		e = assertThrows(MusicException.class,
				() -> AudioRenderer.renderWav(oneNote("d"), wav, SynthOptions.DEFAULT.withSoundFont(sf3), Progress.none()));
		assertTrue(e.getMessage().contains("SF3"), e.getMessage());
		assertFalse(Files.exists(wav));
	}

	@Test
	void cancellingLeavesNoFileAndReplacingIsAtomic(@TempDir Path dir) throws Exception {
		Path wav = dir.resolve("tune.wav");
		Files.writeString(wav, "the old file");
		Progress cancelSoon = new Progress() {
			private int calls;

			@Override
			public void begin(String taskName, int totalWork) {
				assertTrue(taskName.contains("d"), taskName);
			}

			@Override
			public void worked(int units) {
				calls++;
			}

			@Override
			public void subTask(String name) {
				// not used
			}

			@Override
			public boolean isCancelled() {
				return calls >= 3;
			}
		};
		assertThrows(CancelledException.class, () -> AudioRenderer.renderWav(oneNote("d"), wav, SynthOptions.DEFAULT, cancelSoon));
		assertEquals("the old file", Files.readString(wav), "a cancelled render leaves the old file");
		assertEquals(List.of(wav), list(dir), "and no temporary file");

		AudioRenderer.renderWav(oneNote("d"), wav, SynthOptions.DEFAULT.withMidi(MidiOptions.DEFAULT.withTempoScale(2)),
				Progress.none());
		assertEquals((2 + 1) * 44_100, samples(wav).length, "twice as fast: 2 seconds and the fade");
		assertEquals(List.of(wav), list(dir));
	}

	private static List<Path> list(Path dir) throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			return s.toList();
		}
	}
}
