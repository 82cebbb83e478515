package org.neurograph.poetry.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.neurograph.api.Progress;
import org.neurograph.poetry.PoetryBenchmark;

/** The benchmark runs and reports each network size (its figures are read by people, not asserted). */
class PoetryBenchmarkTest {

	@Test
	void reportsTrainingAndSamplingSpeedForEachSize() throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		PoetryBenchmark benchmark = new PoetryBenchmark(16, 32);
		assertEquals("poetry", new PoetryBenchmark().name());
		assertEquals("poetry", benchmark.name());
		benchmark.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), Progress.none());
		String report = bytes.toString(StandardCharsets.UTF_8);
		System.out.print("[poetry] " + report);
		List<String> lines = report.lines().toList();
		assertEquals(3, lines.size(), report);
		assertTrue(lines.get(1).startsWith("2x16 (") && lines.get(1).contains("training"), report);
		assertTrue(lines.get(2).startsWith("2x32 (") && lines.get(2).contains("plain Java"), report);
	}
}
