package org.neurograph.training.ui.internal;

/**
 * The smoothing of the dashboard's curves: an exponential moving average with the start-up bias removed (as
 * TensorBoard does), so that a curve starts at its first value rather than near zero. An instance smooths a curve
 * one point at a time, so that a live curve is extended without smoothing it again from the start.
 */
public final class Smoothing {
	private final double weight;
	private double last;
	private double factor = 1;

	/** A smoother with {@code weight} in [0, 1): 0 leaves the values as they are. */
	public Smoothing(double weight) {
		this.weight = weight;
	}

	/** The smoothed value of the next point, {@code value}. */
	public double next(double value) {
		if (weight <= 0) {
			return value;
		}
		last = last * weight + (1 - weight) * value;
		factor *= weight;
		return last / (1 - factor);
	}

	/** {@code values} smoothed with {@code weight} in [0, 1): 0 leaves them as they are. */
	public static double[] ema(double[] values, double weight) {
		Smoothing s = new Smoothing(weight);
		double[] out = new double[values.length];
		for (int i = 0; i < values.length; i++) {
			out[i] = s.next(values[i]);
		}
		return out;
	}
}
