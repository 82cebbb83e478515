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
import java.util.Locale;
import java.util.Random;

import org.neurograph.api.training.Metric;
import org.neurograph.training.MetricsLog;

/** Test projects and checks of a run's files. */
final class Fixtures {
	/** The dataset's true weights and bias: y = 2 x1 - 3 x2 + 0.5 x3 + 1. */
	static final double[] TRUTH = { 2, -3, 0.5, 1 };
	static final String DATASET = "line";

	private Fixtures() {
	}

	/** A project folder with the dataset {@code line}: 200 noisy rows of {@link #TRUTH}. */
	static Path project(Path folder) throws IOException {
		Path data = folder.resolve("datasets").resolve(DATASET);
		Files.createDirectories(data);
		Random random = new Random(7);
		StringBuilder csv = new StringBuilder("# x1,x2,x3,y\n");
		for (int i = 0; i < 200; i++) {
			double x1 = random.nextGaussian();
			double x2 = random.nextGaussian();
			double x3 = random.nextGaussian();
			double y = TRUTH[0] * x1 + TRUTH[1] * x2 + TRUTH[2] * x3 + TRUTH[3] + 0.01 * random.nextGaussian();
			csv.append(String.format(Locale.ROOT, "%.6f,%.6f,%.6f,%.6f%n", x1, x2, x3, y));
		}
		Files.writeString(data.resolve("data.csv"), csv, StandardCharsets.UTF_8);
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
