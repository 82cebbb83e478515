package org.neurograph.music.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.neurograph.music.Event;
import org.neurograph.music.Fraction;
import org.neurograph.music.Tune;
import org.neurograph.music.TuneModel;
import org.neurograph.poetry.CharLstm;

/** Test helpers: the bars of a tune that do not fit its meter, and untrained models. */
final class Bars {
	private Bars() {
	}

	/**
	 * The bars of a tune whose length differs from a full bar of its meter, as "bar n: length"; the first bar may be
	 * shorter (a pickup) and the part after the last bar line may be shorter (an unfinished last bar). Empty if all
	 * fit. Computed from the events AbcReader read, not from the tokens.
	 */
	static List<String> misfits(Tune tune) {
		Fraction bar = tune.header().meter().barLength();
		List<Fraction> lines = new ArrayList<>();
		for (Event e : tune.events()) {
			if (e instanceof Event.BarLine b && (lines.isEmpty() || !lines.get(lines.size() - 1).equals(b.time()))) {
				lines.add(b.time());
			}
		}
		List<String> bad = new ArrayList<>();
		Fraction start = Fraction.ZERO;
		int n = 0;
		for (Fraction line : lines) {
			Fraction length = line.minus(start);
			if (length.isPositive()) {
				n++;
				boolean pickup = n == 1 && length.compareTo(bar) < 0;
				if (!pickup && !length.equals(bar)) {
					bad.add("bar " + n + ": " + length + " instead of " + bar);
				}
			}
			start = line;
		}
		Fraction tail = tune.duration().minus(start);
		if (tail.compareTo(bar) > 0) {
			bad.add("after the last bar line: " + tail + " instead of at most " + bar);
		}
		return bad;
	}

	/** The number of bar lines that close a bar with notes in it. */
	static int fullBars(Tune tune) {
		Fraction bar = tune.header().meter().barLength();
		int count = 0;
		Fraction start = Fraction.ZERO;
		for (Event e : tune.events()) {
			if (e instanceof Event.BarLine b && b.time().compareTo(start) > 0) {
				if (b.time().minus(start).equals(bar)) {
					count++;
				}
				start = b.time();
			}
		}
		return count;
	}

	/** An untrained network with random weights over {@code tokens}. */
	static TuneModel randomModel(List<String> tokens, int hidden, long seed) {
		SplittableRandom r = new SplittableRandom(seed);
		int v = tokens.size();
		float[][] wx = { random(r, v * 4 * hidden) };
		float[][] wh = { random(r, hidden * 4 * hidden) };
		float[][] b = { random(r, 4 * hidden) };
		CharLstm net = new CharLstm(TuneModel.vocabulary(v), hidden, wx, wh, b, random(r, hidden * v), random(r, v));
		return new TuneModel(net, tokens);
	}

	private static float[] random(SplittableRandom r, int n) {
		float[] a = new float[n];
		for (int i = 0; i < n; i++) {
			a[i] = (float) (r.nextGaussian() * 0.5);
		}
		return a;
	}
}
