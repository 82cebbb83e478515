package org.neurograph.examples.flowfield.internal;

import java.util.SplittableRandom;

/**
 * Seeded 2-D Perlin-style gradient noise with fractal octaves.
 *
 * <p>Fully deterministic: the permutation and gradient tables come from a {@link SplittableRandom} and all
 * trigonometry uses {@link StrictMath}, so the same seed yields the same values on every JVM.
 */
final class GradientNoise {

    private static final int SIZE = 256;
    private static final int MASK = SIZE - 1;

    private final int[] perm = new int[SIZE * 2];
    private final double[] gradX = new double[SIZE];
    private final double[] gradY = new double[SIZE];

    GradientNoise(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] p = new int[SIZE];
        for (int i = 0; i < SIZE; i++) {
            p[i] = i;
        }
        for (int i = SIZE - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        for (int i = 0; i < SIZE * 2; i++) {
            perm[i] = p[i & MASK];
        }
        for (int i = 0; i < SIZE; i++) {
            double angle = random.nextDouble() * 2 * Math.PI;
            gradX[i] = StrictMath.cos(angle);
            gradY[i] = StrictMath.sin(angle);
        }
    }

    /** Single-octave noise, roughly in [-0.71, 0.71], zero at integer lattice points. */
    double noise(double x, double y) {
        double fx0 = Math.floor(x);
        double fy0 = Math.floor(y);
        double dx = x - fx0;
        double dy = y - fy0;
        int xi = (int) fx0 & MASK;
        int yi = (int) fy0 & MASK;

        double n00 = dot(perm[perm[xi] + yi], dx, dy);
        double n10 = dot(perm[perm[xi + 1] + yi], dx - 1, dy);
        double n01 = dot(perm[perm[xi] + yi + 1], dx, dy - 1);
        double n11 = dot(perm[perm[xi + 1] + yi + 1], dx - 1, dy - 1);

        double u = fade(dx);
        double v = fade(dy);
        double nx0 = n00 + u * (n10 - n00);
        double nx1 = n01 + u * (n11 - n01);
        return nx0 + v * (nx1 - nx0);
    }

    /**
     * Sum of {@code octaves} noise layers, each at double the frequency and half the amplitude of the previous,
     * normalised so the result stays in about the same range as {@link #noise}.
     */
    double fractal(double x, double y, int octaves) {
        double sum = 0;
        double amplitude = 1;
        double total = 0;
        for (int o = 0; o < octaves; o++) {
            // Offset each octave so lattice zeros of different octaves do not line up.
            sum += amplitude * noise(x + o * 17.31, y - o * 9.77);
            total += amplitude;
            amplitude *= 0.5;
            x *= 2;
            y *= 2;
        }
        return sum / total;
    }

    private double dot(int hash, double dx, double dy) {
        return gradX[hash] * dx + gradY[hash] * dy;
    }

    private static double fade(double t) {
        return t * t * t * (t * (t * 6 - 15) + 10);
    }
}
