package org.neurograph.training.ui.internal;

import java.util.Arrays;

/**
 * The points of one metric of one run, in step order. Points are appended; a step at or before the last one (a run
 * that went back to a checkpoint) replaces the tail, which {@link #revision()} tells apart from an append.
 */
final class Series {
	private double[] steps = new double[64];
	private double[] values = new double[64];
	private int size;
	private int revision;

	/** Adds a point; a step at or before the last one replaces the tail. */
	void add(long step, double value) {
		if (size > 0 && steps[size - 1] >= step) {
			revision++;
		}
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

	/** Changes whenever points were taken back (not when points are only appended). */
	int revision() {
		return revision;
	}

	double step(int i) {
		return steps[i];
	}

	double value(int i) {
		return values[i];
	}

	double[] steps() {
		return Arrays.copyOf(steps, size);
	}

	double[] values() {
		return Arrays.copyOf(values, size);
	}
}
