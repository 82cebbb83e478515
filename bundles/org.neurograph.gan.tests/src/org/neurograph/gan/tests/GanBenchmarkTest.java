package org.neurograph.gan.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.junit.jupiter.api.Test;
import org.neurograph.api.Progress;
import org.neurograph.gan.internal.DcganConfig;
import org.neurograph.gan.internal.GanBenchmark;
import org.neurograph.runtime.onnx.OnnxPreferences;

/**
 * The benchmark runs and reports each figure it promises (its figures are read by people, not asserted), here on a
 * tiny configuration. The full benchmark takes minutes: run it with {@code neurograph cli bench gan}.
 */
class GanBenchmarkTest {

	@Test
	void reportsTrainingAndGenerationOnBothEnginesForOneAndTwoThreads() throws Exception {
		String report = run(new GanBenchmark(List.of(new DcganConfig(32, 1, 16, 4, 2e-4, 2e-4, 0.5)), false, 1));
		assertEquals("gan", new GanBenchmark().name());
		assertTrue(report.startsWith("DCGAN, batch 64, ") && report.contains("load average"), report);
		for (String threads : new String[] { "1 thread", "2 threads" }) {
			assertTrue(report.contains("training 32x32x1 (filters 4), " + threads + ": "), report);
			for (String engine : new String[] { "DL4J", "ONNX Runtime" }) {
				Matcher m = Pattern.compile("generation 32x32x1 on " + engine + ", " + threads
						+ ": (\\d+) img/s network alone, (\\d+) img/s with conversion to images").matcher(report);
				assertTrue(m.find(), report);
				assertTrue(Integer.parseInt(m.group(1)) > 0, report);
			}
		}
		assertNull(InstanceScope.INSTANCE.getNode(OnnxPreferences.QUALIFIER).get(OnnxPreferences.INTRA_OP_THREADS,
				null), "the benchmark puts ONNX Runtime's thread preference back");
	}

	private static String run(GanBenchmark benchmark) throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		benchmark.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), Progress.none());
		String report = bytes.toString(StandardCharsets.UTF_8);
		System.out.print("[gan benchmark]\n" + report);
		return report;
	}
}
