package org.neurograph.training;

import java.nio.file.Path;
import java.util.List;

import org.neurograph.api.training.Metric;

/**
 * Hears what a {@link TrainingRun} does, on the run's thread, as it happens; must return quickly. Exceptions thrown
 * by a listener are logged and do not disturb the run.
 */
public interface RunListener {

	/** The run's state or its {@code run.json} changed (also at each checkpoint). */
	default void stateChanged(TrainingRun run, RunInfo info) {
	}

	/** One step's metrics were written to the log. */
	default void metricsLogged(TrainingRun run, List<Metric> metrics) {
	}

	/** The samples of {@code step} were written; {@code files} are the sample files (without sidecars). */
	default void samplesTaken(TrainingRun run, long step, List<Path> files) {
	}

	/** A checkpoint of {@code step} was written. */
	default void checkpointSaved(TrainingRun run, long step) {
	}
}
