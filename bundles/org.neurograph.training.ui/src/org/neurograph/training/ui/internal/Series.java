package org.neurograph.training.ui.internal;

import java.util.Arrays;

/** The points of one metric of one run, in step order. */
final class Series {
	private double[] steps = new double[64];
	private double[] values = new double[64];
	private int size;

	/** Adds a point; a step at or before the last one (a run that went back to a checkpoint) replaces the tail. */
	void add(long step, double value) {
		while (size > 0 && steps[size - 1] >= step) {
			size--;
		}
		if (size == steps.length) {
			steps = Arrays.copyOf(steps, size * 2);
			values = Arrays.copyOf(values, size * 2);
		}
		steps[size] = step;
		values[size] = value;
		size++;
	}

	int size() {
		return size;
	}

	double[] steps() {
		return Arrays.copyOf(steps, size);
	}

	double[] values() {
		return Arrays.copyOf(values, size);
	}
}
