package org.neurograph.gan;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Moves in a GAN's latent space: latent vectors from seeds (with truncation), spherical interpolation, random walks,
 * breeding two vectors and mutating one. Every method is pure and deterministic: the same arguments give the same
 * floats.
 */
public final class LatentTools {
	private static final double TURN = Math.sqrt(1 - 0.9 * 0.9);

	private LatentTools() {
	}

	/**
	 * A standard normal latent vector drawn from {@code seed}. With {@code truncation > 0}, each value whose magnitude
	 * exceeds it is drawn again (the truncation trick: typical, cleaner images); 0 means no truncation.
	 */
	public static float[] fromSeed(int size, long seed, double truncation) {
		SplittableRandom random = new SplittableRandom(seed);
		float[] z = new float[size];
		for (int i = 0; i < size; i++) {
			double v = gaussian(random);
			while (truncation > 0 && Math.abs(v) > truncation) {
				v = gaussian(random);
			}
			z[i] = (float) v;
		}
		return z;
	}

	private static double gaussian(SplittableRandom random) {
		// Box-Muller from SplittableRandom, whose sequence is specified, so latents never change between JDKs
		double u1 = 1.0 - random.nextDouble();
		double u2 = random.nextDouble();
		return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
	}

	/**
	 * Spherical interpolation: {@code t = 0} gives {@code a}, {@code t = 1} gives {@code b}, and in between the path
	 * follows the great circle, keeping the norm typical of the latent distribution (linear interpolation would pass
	 * through washed-out images near the origin). Nearly parallel vectors are interpolated linearly.
	 */
	public static float[] slerp(float[] a, float[] b, double t) {
		checkSameSize(a, b);
		double dot = 0;
		double na = 0;
		double nb = 0;
		for (int i = 0; i < a.length; i++) {
			dot += (double) a[i] * b[i];
			na += (double) a[i] * a[i];
			nb += (double) b[i] * b[i];
		}
		double cos = na == 0 || nb == 0 ? 1 : Math.max(-1, Math.min(1, dot / Math.sqrt(na * nb)));
		double omega = Math.acos(cos);
		double wa;
		double wb;
		if (Math.sin(omega) < 1e-6) {
			wa = 1 - t;
			wb = t;
		} else {
			wa = Math.sin((1 - t) * omega) / Math.sin(omega);
			wb = Math.sin(t * omega) / Math.sin(omega);
		}
		float[] out = new float[a.length];
		for (int i = 0; i < a.length; i++) {
			out[i] = (float) (wa * a[i] + wb * b[i]);
		}
		return out;
	}

	/** {@code frames} vectors from {@code a} to {@code b} inclusive, evenly spaced along the slerp path. */
	public static List<float[]> interpolate(float[] a, float[] b, int frames) {
		if (frames < 2) {
			throw new IllegalArgumentException("An interpolation needs at least 2 frames, not " + frames + ".");
		}
		List<float[]> out = new ArrayList<>(frames);
		for (int i = 0; i < frames; i++) {
			out.add(i == 0 ? a.clone() : i == frames - 1 ? b.clone() : slerp(a, b, (double) i / (frames - 1)));
		}
		return out;
	}

	/**
	 * A random walk of {@code steps} vectors after {@code start}: each step moves along a slowly turning direction by
	 * {@code stepSize} and is pulled back towards the typical norm, so the walk wanders without drifting away.
	 */
	public static List<float[]> randomWalk(float[] start, int steps, double stepSize, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		int n = start.length;
		double[] z = new double[n];
		double[] dir = new double[n];
		for (int i = 0; i < n; i++) {
			z[i] = start[i];
			dir[i] = gaussian(random);
		}
		double typical = Math.sqrt(n);
		List<float[]> out = new ArrayList<>(steps);
		for (int s = 0; s < steps; s++) {
			double norm = 0;
			for (int i = 0; i < n; i++) {
				dir[i] = 0.9 * dir[i] + TURN * gaussian(random); // stays standard normal: 0.81 + 0.19 = 1
				z[i] += stepSize * dir[i];
				norm += z[i] * z[i];
			}
			double scale = 1 + 0.1 * (typical / Math.max(1e-9, Math.sqrt(norm)) - 1);
			float[] v = new float[n];
			for (int i = 0; i < n; i++) {
				z[i] *= scale;
				v[i] = (float) z[i];
			}
			out.add(v);
		}
		return out;
	}

	/**
	 * A child of two parents: {@code ratio = 0} gives {@code a}, {@code 1} gives {@code b}, in between the
	 * spherical blend of the two.
	 */
	public static float[] breed(float[] a, float[] b, double ratio) {
		if (!(ratio >= 0 && ratio <= 1)) {
			throw new IllegalArgumentException("The breeding ratio must be from 0 to 1, not " + ratio + ".");
		}
		return ratio == 0 ? a.clone() : ratio == 1 ? b.clone() : slerp(a, b, ratio);
	}

	/**
	 * A mutated copy of {@code parent}: each value moves by normal noise of standard deviation {@code strength}
	 * (0 gives the parent; 1 a wholly new neighbour), drawn from {@code seed}.
	 */
	public static float[] mutate(float[] parent, double strength, long seed) {
		if (!(strength >= 0)) {
			throw new IllegalArgumentException("The mutation strength must not be negative, not " + strength + ".");
		}
		SplittableRandom random = new SplittableRandom(seed);
		float[] out = new float[parent.length];
		for (int i = 0; i < parent.length; i++) {
			out[i] = (float) (parent[i] + strength * gaussian(random));
		}
		return out;
	}

	/** {@code count} children of {@code parent} with mutation {@code strength}, child {@code i} from {@code seed + i}. */
	public static List<float[]> children(float[] parent, int count, double strength, long seed) {
		List<float[]> out = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			out.add(mutate(parent, strength, seed + i));
		}
		return out;
	}

	private static void checkSameSize(float[] a, float[] b) {
		if (a.length != b.length) {
			throw new IllegalArgumentException("The latent vectors differ in size: " + a.length + " and " + b.length + ".");
		}
	}
}
