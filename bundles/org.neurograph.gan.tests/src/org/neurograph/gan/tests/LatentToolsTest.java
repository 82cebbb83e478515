package org.neurograph.gan.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.junit.jupiter.api.Test;
import org.neurograph.gan.AnimatedGif;
import org.neurograph.gan.LatentTools;

class LatentToolsTest {
	private static final float[] A = LatentTools.fromSeed(64, 1, 0);
	private static final float[] B = LatentTools.fromSeed(64, 2, 0);

	@Test
	void seedsGiveTheSameVectorsAndTruncationBoundsThem() {
		assertArrayEquals(A, LatentTools.fromSeed(64, 1, 0));
		assertFalse(Arrays.equals(A, B));
		float[] t = LatentTools.fromSeed(1000, 3, 0.5);
		for (float v : t) {
			assertTrue(Math.abs(v) <= 0.5f, "truncated value " + v);
		}
		double mean = 0;
		double var = 0;
		float[] big = LatentTools.fromSeed(20_000, 4, 0);
		for (float v : big) {
			mean += v;
			var += v * v;
		}
		assertEquals(0, mean / big.length, 0.05);
		assertEquals(1, var / big.length, 0.05);
	}

	@Test
	void interpolationEndpointsAreTheParents() {
		assertArrayEquals(A, LatentTools.slerp(A, B, 0));
		assertArrayEquals(B, LatentTools.slerp(A, B, 1));
		List<float[]> frames = LatentTools.interpolate(A, B, 9);
		assertEquals(9, frames.size());
		assertArrayEquals(A, frames.get(0));
		assertArrayEquals(B, frames.get(8));
	}

	@Test
	void slerpKeepsTheNormBetweenParentsOfEqualNorm() {
		float[] b = scaledTo(B, norm(A));
		float[] mid = LatentTools.slerp(A, b, 0.5);
		assertEquals(norm(A), norm(mid), 1e-3 * norm(A));
		float[] lerp = new float[A.length];
		for (int i = 0; i < A.length; i++) {
			lerp[i] = (A[i] + b[i]) / 2;
		}
		assertTrue(norm(lerp) < norm(mid) * 0.9, "linear interpolation shrinks; slerp does not");
	}

	@Test
	void breedingRatioZeroAndOneGiveTheParents() {
		assertArrayEquals(A, LatentTools.breed(A, B, 0));
		assertArrayEquals(B, LatentTools.breed(A, B, 1));
		float[] child = LatentTools.breed(A, B, 0.3);
		assertTrue(distance(child, A) < distance(child, B), "ratio 0.3 stays nearer the first parent");
		assertThrows(IllegalArgumentException.class, () -> LatentTools.breed(A, B, 1.5));
		assertThrows(IllegalArgumentException.class, () -> LatentTools.breed(A, new float[3], 0.5));
	}

	@Test
	void mutationStrengthSetsTheDistance() {
		assertArrayEquals(A, LatentTools.mutate(A, 0, 9));
		double near = distance(A, LatentTools.mutate(A, 0.1, 9));
		double far = distance(A, LatentTools.mutate(A, 1.0, 9));
		assertEquals(0.1 * Math.sqrt(64), near, 0.4);
		assertEquals(10 * near, far, 1e-3 * far);
		List<float[]> children = LatentTools.children(A, 4, 0.5, 100);
		assertEquals(4, children.size());
		assertFalse(Arrays.equals(children.get(0), children.get(1)));
		assertArrayEquals(children.get(2), LatentTools.mutate(A, 0.5, 102));
	}

	@Test
	void randomWalksAreRepeatableAndStayTypical() {
		List<float[]> walk = LatentTools.randomWalk(A, 500, 0.05, 11);
		assertEquals(500, walk.size());
		for (int i = 0; i < walk.size(); i++) {
			assertArrayEquals(walk.get(i), LatentTools.randomWalk(A, 500, 0.05, 11).get(i));
		}
		double typical = Math.sqrt(64);
		for (float[] z : walk) {
			assertEquals(typical, norm(z), 0.5 * typical);
		}
		double step = distance(walk.get(100), walk.get(101));
		assertTrue(step > 0.05 && step < 2, "consecutive frames are close but not equal: " + step);
		assertTrue(distance(walk.get(0), walk.get(499)) > 5 * step, "the walk goes somewhere");
	}

	@Test
	void animatedGifDecodesWithEveryFrame() throws IOException {
		List<BufferedImage> frames = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			BufferedImage f = new BufferedImage(24, 24, BufferedImage.TYPE_INT_RGB);
			f.getGraphics().setColor(new Color(i * 30, 0, 255 - i * 30));
			f.getGraphics().fillRect(0, 0, 4 + i * 3, 24);
			frames.add(f);
		}
		byte[] gif = AnimatedGif.encode(frames, 120);
		assertEquals('G', gif[0]);
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(gif))) {
			ImageReader reader = ImageIO.getImageReaders(in).next();
			reader.setInput(in);
			assertEquals(7, reader.getNumImages(true));
			assertEquals(24, reader.read(6).getWidth());
		}
		String text = new String(gif, java.nio.charset.StandardCharsets.ISO_8859_1);
		assertTrue(text.contains("NETSCAPE2.0"), "the animation loops");
	}

	private static double norm(float[] v) {
		double s = 0;
		for (float x : v) {
			s += x * x;
		}
		return Math.sqrt(s);
	}

	private static double distance(float[] a, float[] b) {
		double s = 0;
		for (int i = 0; i < a.length; i++) {
			s += (a[i] - b[i]) * (a[i] - b[i]);
		}
		return Math.sqrt(s);
	}

	private static float[] scaledTo(float[] v, double target) {
		double k = target / norm(v);
		float[] out = new float[v.length];
		for (int i = 0; i < v.length; i++) {
			out[i] = (float) (v[i] * k);
		}
		return out;
	}
}
