package org.neurograph.training;

/** Where a training run stands. */
public enum RunState {
	/** Training now, in a live process. */
	RUNNING("Running", false),
	/** Halted by the user with a checkpoint, its process waiting to go on. */
	PAUSED("Paused", false),
	/** Stopped by the user with a checkpoint; can be resumed. */
	STOPPED("Stopped", true),
	/** All steps done and the model saved. */
	FINISHED("Finished", false),
	/** Stopped by an error (bad data, a diverging loss); the message says what happened. */
	FAILED("Failed", true),
	/** Its process is gone without stopping (a crash, {@code kill -9}); resumes from the last checkpoint. */
	INTERRUPTED("Interrupted", true);

	private final String label;
	private final boolean resumable;

	RunState(String label, boolean resumable) {
		this.label = label;
		this.resumable = resumable;
	}

	/** A human-readable name. */
	public String label() {
		return label;
	}

	/** True if a run in this state can be resumed in a new session. */
	public boolean resumable() {
		return resumable;
	}

	/** True while a process is working on the run. */
	public boolean live() {
		return this == RUNNING || this == PAUSED;
	}
}
