package org.neurograph.gan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A 2-D plane in a GAN's latent space: a centre and two orthonormal directions. The point at coordinates
 * {@code (x, y)} is {@code centre + x * dirX + y * dirY}; since the latent prior is a standard normal, one unit of a
 * coordinate is one standard deviation of the prior along that direction. Pure and deterministic: the same plane and
 * coordinates give the same floats.
 *
 * @param centre the latent vector at (0, 0)
 * @param dirX   the unit direction of x, orthogonal to {@code dirY}
 * @param dirY   the unit direction of y
 */
public record LatentPlane(float[] centre, float[] dirX, float[] dirY) {

	public LatentPlane {
		if (centre.length != dirX.length || centre.length != dirY.length) {
			throw new IllegalArgumentException("The centre and the directions differ in size: " + centre.length + ", "
					+ dirX.length + " and " + dirY.length + ".");
		}
		centre = centre.clone();
		dirX = dirX.clone();
		dirY = dirY.clone();
	}

	/**
	 * A plane through {@code centre} spanned by two random directions drawn from {@code seed} (standard normal
	 * vectors, made orthonormal).
	 */
	public static LatentPlane random(float[] centre, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		double[] a = new double[centre.length];
		double[] b = new double[centre.length];
		for (int i = 0; i < a.length; i++) {
			a[i] = gaussian(random);
		}
		for (int i = 0; i < b.length; i++) {
			b[i] = gaussian(random);
		}
		return through(centre, a, b);
	}

	/**
	 * A plane through {@code centre} spanned by {@code a} and the part of {@code b} orthogonal to it, both made unit
	 * length.
	 */
	public static LatentPlane through(float[] centre, double[] a, double[] b) {
		if (a.length != centre.length || b.length != centre.length) {
			throw new IllegalArgumentException("The directions must have " + centre.length + " values, not " + a.length
					+ " and " + b.length + ".");
		}
		double[] u = a.clone();
		normalise(u);
		double[] v = b.clone();
		double dot = 0;
		for (int i = 0; i < v.length; i++) {
			dot += u[i] * v[i];
		}
		for (int i = 0; i < v.length; i++) {
			v[i] -= dot * u[i];
		}
		normalise(v);
		float[] x = new float[u.length];
		float[] y = new float[v.length];
		for (int i = 0; i < x.length; i++) {
			x[i] = (float) u[i];
			y[i] = (float) v[i];
		}
		return new LatentPlane(centre, x, y);
	}

	private static void normalise(double[] v) {
		double n = 0;
		for (double d : v) {
			n += d * d;
		}
		n = Math.sqrt(n);
		if (n < 1e-9) {
			throw new IllegalArgumentException("A direction of the plane is zero (or parallel to the other).");
		}
		for (int i = 0; i < v.length; i++) {
			v[i] /= n;
		}
	}

	/** The latent vector at {@code (x, y)}. */
	public float[] at(double x, double y) {
		float[] z = new float[centre.length];
		for (int i = 0; i < z.length; i++) {
			z[i] = (float) (centre[i] + x * dirX[i] + y * dirY[i]);
		}
		return z;
	}

	/** The same directions around another centre. */
	public LatentPlane withCentre(float[] newCentre) {
		return new LatentPlane(newCentre, dirX, dirY);
	}

	/**
	 * The latent vectors of a {@code size} x {@code size} grid, row by row, centred on {@code (x, y)} with
	 * {@code step} between neighbours; x grows to the right and y downwards.
	 */
	public List<float[]> grid(double x, double y, double step, int size) {
		if (size < 1) {
			throw new IllegalArgumentException("A grid needs at least 1 cell a side, not " + size + ".");
		}
		List<float[]> out = new ArrayList<>(size * size);
		for (int row = 0; row < size; row++) {
			for (int col = 0; col < size; col++) {
				out.add(at(cellX(x, step, size, col), cellY(y, step, size, row)));
			}
		}
		return out;
	}

	/** The x coordinate of column {@code col} of a grid centred on {@code x}. */
	public static double cellX(double x, double step, int size, int col) {
		return x + (col - (size - 1) / 2.0) * step;
	}

	/** The y coordinate of row {@code row} of a grid centred on {@code y}. */
	public static double cellY(double y, double step, int size, int row) {
		return y + (row - (size - 1) / 2.0) * step;
	}

	/** A vector as text: its values separated by commas, each as {@link Float#toString} writes it (exact). */
	public static String format(float[] v) {
		StringBuilder s = new StringBuilder(v.length * 12);
		for (int i = 0; i < v.length; i++) {
			if (i > 0) {
				s.append(',');
			}
			s.append(Float.toString(v[i]));
		}
		return s.toString();
	}

	/** Reads a vector written by {@link #format}; throws with a message if it is not a list of numbers. */
	public static float[] parse(String text) {
		String[] parts = text.strip().split("\\s*,\\s*");
		float[] v = new float[parts.length];
		for (int i = 0; i < parts.length; i++) {
			try {
				v[i] = Float.parseFloat(parts[i]);
			} catch (NumberFormatException e) {
				throw new IllegalArgumentException(String.format(Locale.ROOT,
						"value %d of the vector is not a number: '%s'", i + 1, parts[i]), e);
			}
		}
		return v;
	}

	private static double gaussian(SplittableRandom random) {
		double u1 = 1.0 - random.nextDouble();
		double u2 = random.nextDouble();
		return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof LatentPlane p && java.util.Arrays.equals(centre, p.centre)
				&& java.util.Arrays.equals(dirX, p.dirX) && java.util.Arrays.equals(dirY, p.dirY);
	}

	@Override
	public int hashCode() {
		return java.util.Arrays.hashCode(centre) * 31 * 31 + java.util.Arrays.hashCode(dirX) * 31
				+ java.util.Arrays.hashCode(dirY);
	}

	@Override
	public float[] centre() {
		return centre.clone();
	}

	@Override
	public float[] dirX() {
		return dirX.clone();
	}

	@Override
	public float[] dirY() {
		return dirY.clone();
	}

	@Override
	public String toString() {
		return "LatentPlane[" + centre.length + " dimensions]";
	}
}
