package org.neurograph.training;

import java.time.Duration;
import java.util.Objects;

import org.neurograph.api.Parameter;

/**
 * How the engine runs a training, apart from the trainer's own parameters: the seed, when checkpoints are written
 * (every {@code checkpointEverySteps} steps and every {@code checkpointInterval}, whichever comes first), how many
 * are kept (the last {@code keepCheckpoints} and the best by {@code bestMetric}), how often samples are taken, and the
 * name of the model asset a finished run makes ({@code null}: the run id). Stored in {@code run.json}.
 *
 * @param seed                 the seed handed to the trainer
 * @param checkpointEverySteps steps between checkpoints, at least 1
 * @param checkpointInterval   time between checkpoints, positive
 * @param keepCheckpoints      how many of the latest checkpoints to keep, at least 1
 * @param bestMetric           the metric whose best checkpoint is kept as well, or {@code null} for none
 * @param higherIsBetter       true if a higher {@code bestMetric} is better (accuracy), false if lower (loss)
 * @param sampleEverySteps     steps between samples, at least 1
 * @param modelName            the model asset's name, or {@code null} for the run id
 */
public record RunSettings(long seed, int checkpointEverySteps, Duration checkpointInterval, int keepCheckpoints,
		String bestMetric, boolean higherIsBetter, int sampleEverySteps, String modelName) {

	public RunSettings {
		if (checkpointEverySteps < 1) {
			throw new IllegalArgumentException("Checkpoints must be at least 1 step apart, not " + checkpointEverySteps + ".");
		}
		Objects.requireNonNull(checkpointInterval, "checkpointInterval");
		if (checkpointInterval.isNegative() || checkpointInterval.isZero()) {
			throw new IllegalArgumentException("The checkpoint interval must be positive, not " + checkpointInterval + ".");
		}
		if (keepCheckpoints < 1) {
			throw new IllegalArgumentException("At least 1 checkpoint must be kept, not " + keepCheckpoints + ".");
		}
		if (sampleEverySteps < 1) {
			throw new IllegalArgumentException("Samples must be at least 1 step apart, not " + sampleEverySteps + ".");
		}
		if (bestMetric != null && bestMetric.isBlank()) {
			bestMetric = null;
		}
		if (modelName != null && (!Parameter.AssetRef.NAME.matcher(modelName).matches() || modelName.contains(".."))) {
			throw new IllegalArgumentException("'" + modelName
					+ "' cannot be a model name: use letters, digits, spaces, '.', '-' and '_' (at most 128).");
		}
	}

	/**
	 * Seed 1, a checkpoint every 100 steps and every 10 minutes, the last 3 kept and the one with the lowest
	 * {@code loss}, samples every 100 steps, the model named after the run.
	 */
	public static RunSettings defaults() {
		return new RunSettings(1, 100, Duration.ofMinutes(10), 3, "loss", false, 100, null);
	}

	public RunSettings withSeed(long newSeed) {
		return new RunSettings(newSeed, checkpointEverySteps, checkpointInterval, keepCheckpoints, bestMetric,
				higherIsBetter, sampleEverySteps, modelName);
	}

	/** A copy with these checkpoint rules. */
	public RunSettings withCheckpoints(int everySteps, Duration interval, int keep) {
		return new RunSettings(seed, everySteps, interval, keep, bestMetric, higherIsBetter, sampleEverySteps, modelName);
	}

	/** A copy that keeps the best checkpoint by {@code metric} ({@code null}: none). */
	public RunSettings withBest(String metric, boolean higher) {
		return new RunSettings(seed, checkpointEverySteps, checkpointInterval, keepCheckpoints, metric, higher,
				sampleEverySteps, modelName);
	}

	public RunSettings withSampleEverySteps(int steps) {
		return new RunSettings(seed, checkpointEverySteps, checkpointInterval, keepCheckpoints, bestMetric,
				higherIsBetter, steps, modelName);
	}

	public RunSettings withModelName(String name) {
		return new RunSettings(seed, checkpointEverySteps, checkpointInterval, keepCheckpoints, bestMetric,
				higherIsBetter, sampleEverySteps, name);
	}
}
