package org.neurograph.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.eclipse.equinox.app.IApplicationContext;
import org.junit.jupiter.api.Test;
import org.neurograph.api.Progress;
import org.neurograph.api.bench.Benchmark;
import org.neurograph.cli.internal.Cli;
import org.neurograph.cli.internal.CliApplication;
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

	/** A benchmark that, like DL4J's SameDiff, also prints to System.out. */
	private static final class Noisy implements Benchmark {
		public String name() {
			return "noisy";
		}

		public String description() {
			return "prints to System.out";
		}

		public void run(PrintStream out, Progress progress) {
			System.out.println("Added differentiated op conv2d");
			out.println("figure: 42");
		}
	}

	@Test
	void theApplicationsStandardOutputHoldsOnlyTheCommandsResults() throws Exception {
		BundleContext ctx = FrameworkUtil.getBundle(getClass()).getBundleContext();
		ServiceRegistration<Benchmark> reg = ctx.registerService(Benchmark.class, new Noisy(), null);
		PrintStream stdout = System.out;
		PrintStream stderr = System.err;
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		try {
			System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
			System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
			Object exit = new CliApplication().start(context("bench", "noisy"));
			assertEquals(Cli.OK, exit);
			System.out.println("after");
		} finally {
			System.setOut(stdout);
			System.setErr(stderr);
			reg.unregister();
		}
		String results = out.toString(StandardCharsets.UTF_8);
		assertTrue(results.contains("figure: 42"), results);
		assertTrue(results.endsWith("after\n"), "stdout is given back when the command ends: " + results);
		assertTrue(!results.contains("Added differentiated op"), "a library's prints stay out of the results: " + results);
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("Added differentiated op conv2d"), "they go to stderr");
	}

	/** An application context that gives {@code args} as the application's arguments. */
	private static IApplicationContext context(String... args) {
		return (IApplicationContext) Proxy.newProxyInstance(BenchCommandTest.class.getClassLoader(),
				new Class<?>[] { IApplicationContext.class }, (proxy, method, a) -> switch (method.getName()) {
				case "getArguments" -> Map.of(IApplicationContext.APPLICATION_ARGS, args);
				default -> null;
				});
	}

	private static String[] run(BundleContext ctx, String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exit = new Cli(ctx, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
				.run(args);
		return new String[] { Integer.toString(exit), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8) };
	}
}
