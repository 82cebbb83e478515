package org.neurograph.training.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/** The data {@link LeastSquaresTrainer} learns from: 200 noisy rows of {@code y = 2 x1 - 3 x2 + 0.5 x3 + 1}. */
public final class LeastSquaresData {
	/** The true weights and bias. */
	private static final double[] TRUTH = { 2, -3, 0.5, 1 };

	private LeastSquaresData() {
	}

	/** The true weights and bias, which a finished fit comes close to. */
	public static double[] truth() {
		return TRUTH.clone();
	}

	/** Writes the dataset {@code datasets/<name>/data.csv} into {@code project} (the same rows every time). */
	public static Path write(Path project, String name) throws IOException {
		Path folder = project.resolve("datasets").resolve(name);
		Files.createDirectories(folder);
		Random random = new Random(7);
		StringBuilder csv = new StringBuilder("# x1,x2,x3,y\n");
		for (int i = 0; i < 200; i++) {
			double x1 = random.nextGaussian();
			double x2 = random.nextGaussian();
			double x3 = random.nextGaussian();
			double y = TRUTH[0] * x1 + TRUTH[1] * x2 + TRUTH[2] * x3 + TRUTH[3] + 0.01 * random.nextGaussian();
			csv.append(String.format(Locale.ROOT, "%.6f,%.6f,%.6f,%.6f%n", x1, x2, x3, y));
		}
		Files.writeString(folder.resolve("data.csv"), csv, StandardCharsets.UTF_8);
		return folder;
	}
}
