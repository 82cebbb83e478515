package org.neurograph.runtime.dl4j.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.neurograph.runtime.dl4j.Dl4jRuntime;
import org.neurograph.runtime.dl4j.bench.Dl4jBenchmark;
import org.neurograph.runtime.dl4j.internal.Nd4jThreads;

/** Runs the benchmark once (its figures are printed for the record) and checks what it reports, not how fast. */
class Dl4jBenchmarkTest {

	@Test
	void printsStartUpMatmulAndTrainingFiguresForOneAndTwoThreads() throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		// on a worker thread: if this test runs first, the benchmark itself starts ND4J (and times it)
		NullTccl.call(() -> {
			Dl4jBenchmark.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
			return null;
		});
		String report = bytes.toString(StandardCharsets.UTF_8);
		System.out.print("[dl4j benchmark]\n" + report);

		assertTrue(report.contains("ND4J start-up: "), report);
		for (String threads : new String[] { "1 thread:", "2 threads:" }) {
			Matcher gflops = Pattern.compile("matmul 1024x1024 float, " + threads + " ([\\d.]+) GFLOP/s").matcher(report);
			assertTrue(gflops.find(), report);
			assertTrue(Double.parseDouble(gflops.group(1)) > 0, report);
			assertTrue(report.contains("char-LSTM 2x128 training (batch 32, sequence 50), " + threads), report);
		}
		assertEquals(Dl4jRuntime.start().threads(), Nd4jThreads.get(), "the benchmark restores the thread setting");
	}
}
