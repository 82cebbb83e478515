package org.neurograph.training;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code run.json} says about a run, with the state as it really is: a run whose file says running or paused
 * but whose process is gone reads as {@link RunState#INTERRUPTED} (see {@link Runs#read}).
 *
 * @param id             the run id, also its folder name under {@code runs/}
 * @param trainerId      the trainer's id
 * @param trainerName    the trainer's display name
 * @param trainerVersion the trainer's version when the run was created
 * @param dataset        the dataset's name under {@code datasets/}
 * @param parameters     the trainer's parameter values as text, in spec order
 * @param settings       the engine's settings for the run
 * @param state          the state
 * @param message        why the run failed or stopped, or what it did last; empty if nothing to say
 * @param step           the steps done when {@code run.json} was last written
 * @param totalSteps     the steps the parameters ask for, or -1 for open-ended training
 * @param checkpointStep the step of the last checkpoint, or -1 if there is none
 * @param model          the model asset the run made, or {@code null}
 * @param created        when the run was created
 * @param started        when training last started or resumed, or {@code null} if never
 * @param updated        when {@code run.json} was last written
 * @param finished       when the run finished, stopped or failed last, or {@code null}
 * @param trainingTime   the time spent training, pauses excluded (to the millisecond)
 * @param owner          the process working on the run, or {@code null} when none is
 */
public record RunInfo(String id, String trainerId, String trainerName, String trainerVersion, String dataset,
		Map<String, String> parameters, RunSettings settings, RunState state, String message, long step,
		long totalSteps, long checkpointStep, String model, Instant created, Instant started, Instant updated,
		Instant finished, Duration trainingTime, ProcessOwner owner) {

	public RunInfo {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(trainerId, "trainerId");
		Objects.requireNonNull(trainerName, "trainerName");
		Objects.requireNonNull(trainerVersion, "trainerVersion");
		Objects.requireNonNull(dataset, "dataset");
		parameters = Map.copyOf(parameters);
		Objects.requireNonNull(settings, "settings");
		Objects.requireNonNull(state, "state");
		message = message == null ? "" : message;
		Objects.requireNonNull(created, "created");
		Objects.requireNonNull(updated, "updated");
		trainingTime = trainingTime == null ? Duration.ZERO : trainingTime.truncatedTo(ChronoUnit.MILLIS);
	}

	/** A copy in another state (with a message), as shown rather than as stored. */
	public RunInfo withState(RunState newState, String newMessage) {
		return new RunInfo(id, trainerId, trainerName, trainerVersion, dataset, parameters, settings, newState,
				newMessage, step, totalSteps, checkpointStep, model, created, started, updated, finished, trainingTime,
				owner);
	}

	/** The share of the steps done, from 0 to 1, or -1 for open-ended training. */
	public double fractionDone() {
		return totalSteps <= 0 ? -1 : Math.min(1.0, (double) step / totalSteps);
	}

	/** A process working on a run: its id and start time (so that a reused process id is not mistaken for it). */
	public record ProcessOwner(long pid, Instant started) {
		public ProcessOwner {
			Objects.requireNonNull(started, "started");
		}
	}
}
