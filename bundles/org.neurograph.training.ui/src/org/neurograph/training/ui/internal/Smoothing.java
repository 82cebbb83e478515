package org.neurograph.training.ui.internal;

/**
 * The smoothing of the dashboard's curves: an exponential moving average with the start-up bias removed (as
 * TensorBoard does), so that a curve starts at its first value rather than near zero.
 */
public final class Smoothing {
	private Smoothing() {
	}

	/** {@code values} smoothed with {@code weight} in [0, 1): 0 leaves them as they are. */
	public static double[] ema(double[] values, double weight) {
		double[] out = new double[values.length];
		if (weight <= 0) {
			System.arraycopy(values, 0, out, 0, values.length);
			return out;
		}
		double last = 0;
		double factor = 1;
		for (int i = 0; i < values.length; i++) {
			last = last * weight + (1 - weight) * values[i];
			factor *= weight;
			out[i] = last / (1 - factor);
		}
		return out;
	}
}
