package org.neurograph.runtime.onnx.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.neurograph.runtime.onnx.bench.OnnxBenchmark;

/** Runs the benchmark once (its figures are printed for the record) and checks what it reports, not how fast. */
class OnnxBenchmarkTest {

	@Test
	void printsStartUpSessionCreationAndInferenceForOneAndTwoThreads() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		OnnxBenchmark.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
		String report = bytes.toString(StandardCharsets.UTF_8);
		System.out.print("[onnx benchmark]\n" + report);

		assertTrue(report.startsWith("ONNX Runtime 1.29.0 on "), report);
		assertTrue(report.contains("ONNX Runtime start-up: "), report);
		assertTrue(Pattern.compile("session creation: [\\d.]+ ms").matcher(report).find(), report);
		for (String threads : new String[] { "1 intra-op thread:", "2 intra-op threads:" }) {
			Matcher m = Pattern.compile("conv net 1x3x256x256 inference, " + threads + " ([\\d.]+) ms").matcher(report);
			assertTrue(m.find(), report);
			assertTrue(Double.parseDouble(m.group(1)) > 0, report);
		}
	}
}
