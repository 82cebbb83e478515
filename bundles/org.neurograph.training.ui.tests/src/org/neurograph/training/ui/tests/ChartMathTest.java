package org.neurograph.training.ui.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.ParsePosition;

import org.junit.jupiter.api.Test;
import org.neurograph.training.ui.internal.Smoothing;
import org.neurograph.training.ui.internal.TickFormat;

/** The arithmetic behind the dashboard's charts: smoothing and the axis labels. */
class ChartMathTest {

	@Test
	void smoothingStartsAtTheFirstValueAndFollowsTheTrend() {
		double[] values = { 10, 0, 10, 0, 10, 0 };
		assertArrayEquals(values, Smoothing.ema(values, 0), "weight 0 leaves the values as they are");
		double[] smooth = Smoothing.ema(values, 0.9);
		assertEquals(10, smooth[0], 1e-12, "no start-up bias: the curve starts at the first value");
		assertEquals((0.9 * 0.1 * 10 + 0.1 * 0) / (1 - 0.81), smooth[1], 1e-12, "the bias-corrected average");
		for (int i = 1; i < smooth.length; i++) {
			assertTrue(smooth[i] > 2 && smooth[i] < 8, "the zig-zag is flattened: " + smooth[i]);
		}
		assertArrayEquals(new double[] { 3, 3, 3 }, Smoothing.ema(new double[] { 3, 3, 3 }, 0.6), 1e-12,
				"a constant stays constant");
	}

	@Test
	void smoothingPointByPointIsTheSameAsAllAtOnce() {
		double[] values = { 5, 4, 4.5, 3, 2.5, 2.75, 1 };
		Smoothing live = new Smoothing(0.7);
		double[] all = Smoothing.ema(values, 0.7);
		for (int i = 0; i < values.length; i++) {
			assertEquals(all[i], live.next(values[i]), 1e-12, "point " + i);
		}
	}

	@Test
	void tickLabelsArePlainForOrdinarySizesAndScientificForOthers() {
		assertEquals("0.25", TickFormat.label(0.25));
		assertEquals("100", TickFormat.label(100));
		assertEquals("-3.5", TickFormat.label(-3.5));
		assertEquals("0", TickFormat.label(0));
		assertEquals("1.0e-04", TickFormat.label(1e-4));
		assertEquals("1.2e+06", TickFormat.label(1.2e6));
		TickFormat format = new TickFormat();
		assertEquals("12000", format.format(12000.0), "SWTChart hands the format boxed doubles");
		ParsePosition at = new ParsePosition(0);
		assertEquals(1.2e6, (Double) format.parseObject("1.2e+06 steps", at), 1e-9);
		assertEquals(7, at.getIndex(), "parsing stops after the number");
	}
}
