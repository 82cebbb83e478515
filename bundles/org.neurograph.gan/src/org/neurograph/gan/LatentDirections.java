package org.neurograph.gan;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Meaningful directions in a GAN's latent space, after GANSpace (Härkönen et al., 2020): sample latent vectors,
 * render them, find the principal components of the images, and map each component back to the latent space by
 * regressing the latents on the component's scores. Moving along such a direction changes the image along one of
 * its main modes of variation (shape, brightness, thickness...), where a random direction mixes them.
 */
public final class LatentDirections {

	private LatentDirections() {
	}

	/**
	 * The first {@code count} principal directions of a model: {@code samples} latent vectors drawn from seeds
	 * {@code seed, seed + 1, ...} are rendered and analysed with {@link #principal(List, List, int)}.
	 */
	public static List<double[]> principal(GanModel model, int samples, long seed, int count) {
		List<float[]> latents = new ArrayList<>(samples);
		for (int i = 0; i < samples; i++) {
			latents.add(LatentTools.fromSeed(model.latentSize(), seed + i, 0));
		}
		List<BufferedImage> images = model.render(latents);
		List<double[]> features = new ArrayList<>(samples);
		for (BufferedImage img : images) {
			features.add(pixels(img));
		}
		return principal(latents, features, count);
	}

	/** The image's pixels as numbers (red, green, blue of each pixel, 0 to 1). */
	static double[] pixels(BufferedImage img) {
		int w = img.getWidth();
		int h = img.getHeight();
		int[] rgb = img.getRGB(0, 0, w, h, null, 0, w);
		double[] f = new double[3 * rgb.length];
		for (int i = 0; i < rgb.length; i++) {
			f[3 * i] = (rgb[i] >> 16 & 0xff) / 255.0;
			f[3 * i + 1] = (rgb[i] >> 8 & 0xff) / 255.0;
			f[3 * i + 2] = (rgb[i] & 0xff) / 255.0;
		}
		return f;
	}

	/**
	 * The latent directions (unit length, in order of explained variance) of the first {@code count} principal
	 * components of {@code features}, where {@code features.get(i)} describes {@code latents.get(i)}: for component
	 * weights {@code a} over the samples (an eigenvector of the centred features' Gram matrix), the direction is
	 * {@code sum_i a_i (z_i - mean z)}, the least-squares regression of the latents on the component's scores.
	 * Passing the latents as their own features gives the plain principal components of the latents. Deterministic.
	 */
	public static List<double[]> principal(List<float[]> latents, List<double[]> features, int count) {
		int n = latents.size();
		if (features.size() != n) {
			throw new IllegalArgumentException("There are " + n + " latent vectors but " + features.size() + " feature vectors.");
		}
		if (n < count + 1) {
			throw new IllegalArgumentException("Principal directions need more samples than directions: " + n
					+ " samples for " + count + " directions.");
		}
		double[][] x = centred(features);
		double[][] gram = new double[n][n];
		for (int i = 0; i < n; i++) {
			for (int j = i; j < n; j++) {
				double s = 0;
				double[] a = x[i];
				double[] b = x[j];
				for (int k = 0; k < a.length; k++) {
					s += a[k] * b[k];
				}
				gram[i][j] = s;
				gram[j][i] = s;
			}
		}
		double[][] z = new double[n][];
		for (int i = 0; i < n; i++) {
			z[i] = new double[latents.get(i).length];
			for (int k = 0; k < z[i].length; k++) {
				z[i][k] = latents.get(i)[k];
			}
		}
		z = centred(List.of(z));
		List<double[]> out = new ArrayList<>(count);
		for (int c = 0; c < count; c++) {
			double[] a = topEigenvector(gram, c);
			double lambda = rayleigh(gram, a);
			for (int i = 0; i < n; i++) { // deflate
				for (int j = 0; j < n; j++) {
					gram[i][j] -= lambda * a[i] * a[j];
				}
			}
			double[] dir = new double[z[0].length];
			for (int i = 0; i < n; i++) {
				for (int k = 0; k < dir.length; k++) {
					dir[k] += a[i] * z[i][k];
				}
			}
			double norm = 0;
			for (double d : dir) {
				norm += d * d;
			}
			norm = Math.sqrt(norm);
			if (norm < 1e-12) {
				throw new IllegalArgumentException("The samples do not vary along principal component " + (c + 1) + ".");
			}
			for (int k = 0; k < dir.length; k++) {
				dir[k] /= norm;
			}
			out.add(dir);
		}
		return out;
	}

	private static double[][] centred(List<double[]> rows) {
		int n = rows.size();
		int d = rows.get(0).length;
		double[] mean = new double[d];
		for (double[] r : rows) {
			if (r.length != d) {
				throw new IllegalArgumentException("The samples differ in size: " + d + " and " + r.length + ".");
			}
			for (int k = 0; k < d; k++) {
				mean[k] += r[k] / n;
			}
		}
		double[][] out = new double[n][d];
		for (int i = 0; i < n; i++) {
			for (int k = 0; k < d; k++) {
				out[i][k] = rows.get(i)[k] - mean[k];
			}
		}
		return out;
	}

	/** Power iteration from a fixed start; the sign is fixed so that the largest weight is positive. */
	private static double[] topEigenvector(double[][] m, int salt) {
		int n = m.length;
		double[] v = new double[n];
		for (int i = 0; i < n; i++) {
			v[i] = 1 + 0.5 * Math.sin(1.7 * i + salt); // not orthogonal to any component by accident
		}
		normaliseInPlace(v);
		for (int iter = 0; iter < 500; iter++) {
			double[] w = new double[n];
			for (int i = 0; i < n; i++) {
				double s = 0;
				for (int j = 0; j < n; j++) {
					s += m[i][j] * v[j];
				}
				w[i] = s;
			}
			if (normaliseInPlace(w) < 1e-15) {
				break;
			}
			double change = 0;
			for (int i = 0; i < n; i++) {
				change += Math.abs(w[i] - v[i]);
			}
			v = w;
			if (change < 1e-10) {
				break;
			}
		}
		int big = 0;
		for (int i = 1; i < n; i++) {
			if (Math.abs(v[i]) > Math.abs(v[big])) {
				big = i;
			}
		}
		if (v[big] < 0) {
			for (int i = 0; i < n; i++) {
				v[i] = -v[i];
			}
		}
		return v;
	}

	private static double rayleigh(double[][] m, double[] v) {
		double s = 0;
		for (int i = 0; i < m.length; i++) {
			double r = 0;
			for (int j = 0; j < m.length; j++) {
				r += m[i][j] * v[j];
			}
			s += v[i] * r;
		}
		return s;
	}

	private static double normaliseInPlace(double[] v) {
		double n = 0;
		for (double d : v) {
			n += d * d;
		}
		n = Math.sqrt(n);
		if (n > 0) {
			for (int i = 0; i < v.length; i++) {
				v[i] /= n;
			}
		}
		return n;
	}
}
