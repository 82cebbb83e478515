package org.neurograph.music.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.neurograph.api.Progress;
import org.neurograph.music.MusicBenchmark;

/** The benchmark runs and reports each network size (its figures are read by people, not asserted). */
class MusicBenchmarkTest {

	@Test
	void reportsTrainingAndGenerationSpeedForEachSize() throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		MusicBenchmark benchmark = new MusicBenchmark(16);
		assertEquals("music", new MusicBenchmark().name());
		benchmark.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), Progress.none());
		String report = bytes.toString(StandardCharsets.UTF_8);
		System.out.print("[music] " + report);
		List<String> lines = report.lines().toList();
		assertEquals(2, lines.size(), report);
		assertTrue(lines.get(0).startsWith("music: vocabulary "), report);
		assertTrue(lines.get(1).startsWith("2x16 (") && lines.get(1).contains("training")
				&& lines.get(1).contains("tokens/s") && lines.get(1).contains("generation"), report);
	}
}
