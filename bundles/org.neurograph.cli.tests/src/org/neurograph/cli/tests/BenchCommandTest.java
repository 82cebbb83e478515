package org.neurograph.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.neurograph.api.Progress;
import org.neurograph.api.bench.Benchmark;
import org.neurograph.cli.internal.Cli;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

/** {@code bench} finds Benchmark services and runs the ones named. */
class BenchCommandTest {

	private static final class Squares implements Benchmark {
		public String name() {
			return "squares";
		}

		public String description() {
			return "sums squares";
		}

		public void run(PrintStream out, Progress progress) {
			long sum = 0;
			for (int i = 1; i <= 1000; i++) {
				sum += (long) i * i;
			}
			out.println("sum of squares to 1000: " + sum);
		}
	}

	@Test
	void listsRunsAndRefuses() {
		BundleContext ctx = FrameworkUtil.getBundle(getClass()).getBundleContext();
		ServiceRegistration<Benchmark> reg = ctx.registerService(Benchmark.class, new Squares(), null);
		try {
			String[] listed = run(ctx, "bench");
			assertEquals("0", listed[0]);
			assertTrue(listed[1].contains("squares      sums squares"), listed[1]);

			String[] ran = run(ctx, "bench", "squares");
			assertEquals("0", ran[0], ran[2]);
			assertTrue(ran[1].contains("== bench squares: sums squares"), ran[1]);
			assertTrue(ran[1].contains("sum of squares to 1000: 333833500"), ran[1]);

			String[] bad = run(ctx, "bench", "nope");
			assertEquals("2", bad[0]);
			assertTrue(bad[2].contains("No benchmark 'nope'. Installed: "), bad[2]);
			assertTrue(bad[2].contains("squares"), bad[2]);
		} finally {
			reg.unregister();
		}
	}

	private static String[] run(BundleContext ctx, String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exit = new Cli(ctx, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
				.run(args);
		return new String[] { Integer.toString(exit), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8) };
	}
}
