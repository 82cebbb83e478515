package org.neurograph.training;

import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.neurograph.api.training.TrainingException;
import org.neurograph.assets.MonitorProgress;

/**
 * An Eclipse Job that trains one {@link TrainingRun}, with the steps as its progress. Cancelling the job stops the
 * run with a checkpoint ({@link RunState#STOPPED}); pause and resume go through {@link #control()}. A failed run ends
 * the job with an error status that carries the run's message.
 */
public final class TrainingJob extends Job {
	/** The family of all training jobs, for {@code IJobManager.join} and {@code find}. */
	public static final Object FAMILY = TrainingJob.class;
	private static final String BUNDLE = "org.neurograph.training";

	private final TrainingRun run;
	private volatile RunInfo result;

	public TrainingJob(TrainingRun run) {
		super("Training " + run.id());
		this.run = run;
		setPriority(LONG);
	}

	@Override
	protected IStatus run(IProgressMonitor monitor) {
		try {
			result = run.run(new MonitorProgress(monitor));
		} catch (TrainingException e) {
			return new Status(IStatus.ERROR, BUNDLE, e.getMessage());
		}
		if (result.state() == RunState.FAILED) {
			return new Status(IStatus.ERROR, BUNDLE, "Training run " + run.id() + " failed: " + result.message());
		}
		return Status.OK_STATUS;
	}

	@Override
	protected void canceling() {
		run.control().stop();
	}

	@Override
	public boolean belongsTo(Object family) {
		return family == FAMILY;
	}

	/** The run this job trains. */
	public TrainingRun trainingRun() {
		return run;
	}

	/** Pause, resume and stop. */
	public RunControl control() {
		return run.control();
	}

	/** What {@code run.json} said when the job ended; empty while it runs. */
	public Optional<RunInfo> result() {
		return Optional.ofNullable(result);
	}
}
