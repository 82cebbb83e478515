package org.neurograph.training.ui.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.neurograph.training.ui.internal.Smoothing;
import org.neurograph.training.ui.internal.Ticks;

/** The arithmetic behind the dashboard's charts: smoothing and axis ticks. */
class ChartMathTest {

	@Test
	void smoothingStartsAtTheFirstValueAndFollowsTheTrend() {
		double[] values = { 10, 0, 10, 0, 10, 0 };
		assertArrayEquals(values, Smoothing.ema(values, 0), "weight 0 leaves the values as they are");
		double[] smooth = Smoothing.ema(values, 0.9);
		assertEquals(10, smooth[0], 1e-12, "no start-up bias: the curve starts at the first value");
		for (int i = 1; i < smooth.length; i++) {
			assertTrue(smooth[i] > 2 && smooth[i] < 8, "the zig-zag is flattened: " + smooth[i]);
		}
		assertArrayEquals(new double[] { 3, 3, 3 }, Smoothing.ema(new double[] { 3, 3, 3 }, 0.6), 1e-12,
				"a constant stays constant");
	}

	@Test
	void ticksAreRoundNumbersWithinTheRange() {
		assertEquals(List.of(0.0, 0.2, 0.4, 0.6, 0.8, 1.0), rounded(Ticks.between(0, 1, 5)));
		assertEquals(List.of(20.0, 40.0, 60.0, 80.0, 100.0), rounded(Ticks.between(13, 117, 5)));
		assertEquals(List.of(-3.0, -2.0, -1.0, 0.0, 1.0), Ticks.logBetween(-3.2, 1.1, 5),
				"a log axis over decades gets whole powers of ten");
		List<Double> narrow = Ticks.logBetween(Math.log10(2), Math.log10(5), 3);
		assertEquals(List.of(2.0, 3.0, 4.0, 5.0), rounded(narrow.stream().map(e -> Math.pow(10, e)).toList()),
				"within one decade, round values");
		assertEquals("0.25", Ticks.label(0.25));
		assertEquals("100", Ticks.label(100));
		assertEquals("1.0e-04", Ticks.label(1e-4));
		assertEquals("1.2e+06", Ticks.label(1.2e6));
	}

	private static List<Double> rounded(List<Double> values) {
		return values.stream().map(v -> Math.round(v * 1e9) / 1e9).toList();
	}
}
