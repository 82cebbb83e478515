package org.neurograph.gan.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.neurograph.gan.LatentDirections;
import org.neurograph.gan.LatentPlane;
import org.neurograph.gan.LatentTools;

class LatentPlaneTest {
	private static final float[] C = LatentTools.fromSeed(32, 5, 0);

	@Test
	void randomPlanesAreOrthonormalRepeatableAndPassThroughTheCentre() {
		LatentPlane p = LatentPlane.random(C, 3);
		assertEquals(p, LatentPlane.random(C, 3));
		assertNotEquals(p, LatentPlane.random(C, 4));
		assertEquals(1, dot(p.dirX(), p.dirX()), 1e-5);
		assertEquals(1, dot(p.dirY(), p.dirY()), 1e-5);
		assertEquals(0, dot(p.dirX(), p.dirY()), 1e-5);
		assertArrayEquals(C, p.at(0, 0));
		float[] z = p.at(2, -1.5);
		for (int i = 0; i < C.length; i++) {
			assertEquals(C[i] + 2 * p.dirX()[i] - 1.5 * p.dirY()[i], z[i], 1e-5);
		}
	}

	@Test
	void aGridIsRowByRowAroundItsCentre() {
		LatentPlane p = LatentPlane.random(C, 1);
		List<float[]> grid = p.grid(1, 2, 0.5, 5);
		assertEquals(25, grid.size());
		assertArrayEquals(p.at(1, 2), grid.get(12), "the middle cell is the grid's centre");
		assertArrayEquals(p.at(0, 1), grid.get(0), "top left: two steps left and up");
		assertArrayEquals(p.at(1.5, 2), grid.get(13), "x grows to the right");
		assertArrayEquals(p.at(1, 2.5), grid.get(17), "y grows downwards");
		assertEquals(4, p.grid(0, 0, 1, 2).size());
		assertEquals(-0.5, LatentPlane.cellX(0, 1, 2, 0), 0);
		assertThrows(IllegalArgumentException.class, () -> p.grid(0, 0, 1, 0));
	}

	@Test
	void vectorsAsTextReadBackExactly() {
		float[] v = LatentTools.fromSeed(100, 9, 0);
		v[3] = 1e-30f;
		v[4] = -0.0f;
		assertArrayEquals(v, LatentPlane.parse(LatentPlane.format(v)));
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LatentPlane.parse("1, 2, x"));
		assertTrue(e.getMessage().contains("value 3"), e.getMessage());
	}

	@Test
	void aPlaneOfParallelDirectionsIsRefused() {
		double[] a = new double[C.length];
		a[0] = 1;
		double[] b = a.clone();
		b[0] = 3;
		assertThrows(IllegalArgumentException.class, () -> LatentPlane.through(C, a, b));
		assertThrows(IllegalArgumentException.class, () -> new LatentPlane(C, new float[3], new float[3]));
	}

	@Test
	void principalDirectionsFindThePlantedModesOfVariation() {
		// latents vary most along axis 3, then along axis 7; the rest is small noise
		SplittableRandom r = new SplittableRandom(1);
		List<float[]> latents = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			float[] z = new float[16];
			for (int k = 0; k < z.length; k++) {
				z[k] = (float) (0.1 * r.nextGaussian());
			}
			z[3] += (float) (5 * r.nextGaussian());
			z[7] += (float) (2 * r.nextGaussian());
			latents.add(z);
		}
		List<double[]> asFeatures = latents.stream().map(LatentPlaneTest::toDouble).toList();
		List<double[]> dirs = LatentDirections.principal(latents, asFeatures, 2);
		assertEquals(0.99, Math.abs(dirs.get(0)[3]), 0.01, "first component: axis 3");
		assertEquals(0.99, Math.abs(dirs.get(1)[7]), 0.01, "second component: axis 7");

		// features that depend on the latent only through w . z: the direction found in the latent space is w
		double[] w = new double[16];
		w[1] = 0.6;
		w[2] = -0.8;
		List<float[]> white = new ArrayList<>();
		List<double[]> features = new ArrayList<>();
		for (int i = 0; i < 400; i++) {
			float[] z = LatentTools.fromSeed(16, 100 + i, 0);
			white.add(z);
			double s = 0;
			for (int k = 0; k < 16; k++) {
				s += w[k] * z[k];
			}
			features.add(new double[] { 3 * s, -2 * s, 0.5 * s + 0.01 * Math.sin(i) });
		}
		double[] found = LatentDirections.principal(white, features, 1).get(0);
		double cos = 0;
		for (int k = 0; k < 16; k++) {
			cos += found[k] * w[k];
		}
		assertTrue(Math.abs(cos) > 0.95, "the direction found is w (|cos| = " + Math.abs(cos) + ")");
		assertArrayEquals(found, LatentDirections.principal(white, features, 1).get(0), "deterministic");
		assertThrows(IllegalArgumentException.class, () -> LatentDirections.principal(white.subList(0, 2),
				features.subList(0, 2), 2));
	}

	private static double[] toDouble(float[] v) {
		double[] d = new double[v.length];
		for (int i = 0; i < v.length; i++) {
			d[i] = v[i];
		}
		return d;
	}

	private static double dot(float[] a, float[] b) {
		double s = 0;
		for (int i = 0; i < a.length; i++) {
			s += a[i] * b[i];
		}
		return s;
	}
}
