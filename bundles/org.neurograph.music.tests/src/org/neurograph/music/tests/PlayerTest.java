package org.neurograph.music.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sound.sampled.AudioFormat;

import org.junit.jupiter.api.Test;
import org.neurograph.music.AbcReader;
import org.neurograph.music.AudioOutput;
import org.neurograph.music.Fraction;
import org.neurograph.music.SynthOptions;
import org.neurograph.music.Tune;
import org.neurograph.music.TunePlayer;

/**
 * Playback through an output that stands in for the sound card: it records the audio and holds the player at a
 * chosen frame, as a full sound card would, so that the position can be checked there.
 */
class PlayerTest {
	private static final int RATE = 44_100;

	/** Records audio; blocks in {@code write} once {@code holdAt} frames have arrived, until released or closed. */
	private static final class HeldOutput implements AudioOutput {
		final ByteArrayOutputStream audio = new ByteArrayOutputStream();
		final CountDownLatch held = new CountDownLatch(1);
		final CountDownLatch release = new CountDownLatch(1);
		final long holdAt;
		volatile long frames;
		volatile boolean closed;
		int frameSize;

		HeldOutput(long holdAt) {
			this.holdAt = holdAt;
		}

		@Override
		public void open(AudioFormat format) {
			frameSize = format.getFrameSize();
		}

		@Override
		public void write(byte[] data, int offset, int length) {
			if (closed) {
				return;
			}
			synchronized (audio) {
				audio.write(data, offset, length);
			}
			frames += length / frameSize;
			if (frames >= holdAt && held.getCount() > 0) {
				held.countDown();
				try {
					release.await();
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			}
		}

		@Override
		public long framesPlayed() {
			return frames;
		}

		@Override
		public void drain() {
			// everything written counts as heard
		}

		@Override
		public void close() {
			closed = true;
			release.countDown();
		}
	}

	/** Two bars at 120 quarters a minute: 4 seconds. */
	private static Tune tune() throws Exception {
		return AbcReader.read("X:1\nT:Play\nM:4/4\nL:1/8\nQ:1/4=120\nK:D\nd2f2 a2f2|d8|]\n");
	}

	private static void await(CountDownLatch latch) throws InterruptedException {
		if (!latch.await(60, TimeUnit.SECONDS)) {
			fail("the player did not get there");
		}
	}

	private static void awaitEnd(TunePlayer player) throws InterruptedException {
		for (int i = 0; i < 600 && player.isPlaying(); i++) {
			Thread.sleep(100);
		}
		assertFalse(player.isPlaying(), "the player did not finish");
	}

	@Test
	void playsTheWholeTuneAndTellsWhereItIs() throws Exception {
		HeldOutput out = new HeldOutput(RATE);
		try (TunePlayer player = new TunePlayer(SynthOptions.DEFAULT, out)) {
			player.play(tune());
			await(out.held);
			assertTrue(player.isPlaying());
			Fraction at = player.position().orElseThrow();
			// one second at 120 quarters a minute is half a whole note (plus at most one chunk of 2048 frames)
			assertTrue(at.compareTo(Fraction.of(1, 2)) >= 0 && at.compareTo(Fraction.of(9, 16)) < 0, "position " + at);
			out.release.countDown();
			awaitEnd(player);
			assertTrue(player.position().isEmpty());
		}
		assertEquals((4 * RATE + RATE / 2) * 4L, out.audio.size(), "4 seconds and half a second of fade, 16-bit stereo");
		ByteBuffer b = ByteBuffer.wrap(out.audio.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
		double energy = 0;
		for (int i = 0; i < RATE * 2; i++) {
			energy += Math.abs(b.getShort(i * 2));
		}
		assertTrue(energy / (RATE * 2) > 100, "the first second is not silent");
	}

	@Test
	void stopEndsPlaybackAtOnce() throws Exception {
		HeldOutput out = new HeldOutput(RATE / 2);
		TunePlayer player = new TunePlayer(SynthOptions.DEFAULT, out);
		player.play(tune());
		await(out.held);
		player.stop();
		assertFalse(player.isPlaying());
		assertTrue(player.position().isEmpty());
		assertTrue(out.closed);
		assertTrue(out.frames < RATE, "stopped after half a second: " + out.frames + " frames");
		player.close();
	}
}
