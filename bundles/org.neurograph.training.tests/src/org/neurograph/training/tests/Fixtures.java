package org.neurograph.training.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.neurograph.api.training.Metric;
import org.neurograph.training.MetricsLog;
import org.neurograph.training.testing.LeastSquaresData;

/** Test projects and checks of a run's files. */
final class Fixtures {
	static final String DATASET = "line";

	private Fixtures() {
	}

	/** A project folder with the dataset {@code line} of {@link LeastSquaresData}. */
	static Path project(Path folder) throws IOException {
		LeastSquaresData.write(folder, DATASET);
		return folder;
	}

	/**
	 * Checks the raw log: every line is complete and well-formed, and each of {@code names} has exactly one line per
	 * step from 1 to {@code lastStep}, in order. Returns the metrics.
	 */
	static List<Metric> assertCleanLog(Path runDir, long lastStep, String... names) throws IOException {
		String text = Files.readString(runDir.resolve(MetricsLog.FILE), StandardCharsets.UTF_8);
		assertTrue(text.isEmpty() || text.endsWith("\n"), "the log ends with a complete line");
		List<Metric> metrics = new ArrayList<>();
		if (!text.isEmpty()) {
			for (String line : text.split("\n")) {
				metrics.add(MetricsLog.parse(line).orElseGet(() -> fail("torn or malformed line: '" + line + "'")));
			}
		}
		for (String name : names) {
			List<Long> steps = metrics.stream().filter(m -> m.name().equals(name)).map(Metric::step).toList();
			assertEquals(lastStep, steps.size(), name + ": one line per step, none duplicated or missing");
			for (int i = 0; i < steps.size(); i++) {
				assertEquals(i + 1, steps.get(i), name + ": steps contiguous and in order");
			}
		}
		return metrics;
	}

	/** The values of metric {@code name}, in step order. */
	static double[] values(List<Metric> metrics, String name) {
		return metrics.stream().filter(m -> m.name().equals(name)).mapToDouble(Metric::value).toArray();
	}
}
