package org.neurograph.training;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neurograph.api.training.Trainer;
import org.neurograph.api.training.TrainingException;

/**
 * The training engine as an OSGi service: knows the {@link Trainer} services that come and go with their bundles,
 * starts and resumes runs as {@link TrainingJob}s, and posts their metrics, samples and state changes on the event
 * bus ({@link TrainingEvents}).
 */
public interface TrainingService {

	/** The trainers registered now, sorted by name. */
	List<Trainer> trainers();

	/** The trainer with this id, if it is registered. */
	Optional<Trainer> trainer(String id);

	/**
	 * Creates a run (see {@link TrainingRun#create}) and schedules its job.
	 *
	 * @throws TrainingException with a message for the user: unknown trainer, bad parameters, missing dataset
	 */
	TrainingJob start(Path project, String trainerId, String dataset, Map<String, String> parameters,
			RunSettings settings) throws TrainingException;

	/**
	 * Resumes a stopped, failed or interrupted run from its last checkpoint and schedules its job.
	 *
	 * @throws TrainingException with a message for the user: unknown run, trainer missing, run live or finished
	 */
	TrainingJob resume(Path project, String runId) throws TrainingException;

	/** The jobs of runs training (or paused) in this process. */
	List<TrainingJob> activeJobs();

	/** The job training run {@code runId} of {@code project} in this process, if any. */
	Optional<TrainingJob> activeJob(Path project, String runId);
}
