package org.neurograph.api.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.neurograph.api.Artifact;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * One training in progress, driven by the host one step at a time from a single thread; between steps the host may
 * pause, take samples, write a checkpoint or stop. A session opened from a checkpoint continues at the step that
 * checkpoint was written at.
 */
@ConsumerType
public interface TrainingSession extends AutoCloseable {

	/** The number of steps done so far. */
	long step();

	/** The number of steps the parameters ask for, or {@code -1} if training runs until stopped. */
	long totalSteps();

	/** Does one step (a minibatch update) and returns what it measured, e.g. {@code loss}. */
	List<Metric> trainStep() throws TrainingException;

	/** True when {@link #totalSteps()} steps are done. */
	default boolean isFinished() {
		return totalSteps() >= 0 && step() >= totalSteps();
	}

	/** Samples of what the model makes now (the same latent vectors or primes every time), for the dashboard. */
	List<Artifact> samples() throws TrainingException;

	/** Writes everything needed to resume into {@code file} (the host makes the write atomic). */
	void saveCheckpoint(Path file) throws IOException;

	/** Writes the trained model's files into {@code directory}, which exists and is empty. */
	void exportModel(Path directory) throws IOException;

	/** A short description of the model for its card: layers, sizes, parameter count. */
	Map<String, String> architecture();

	/** Releases memory and native resources. */
	@Override
	void close();
}
