package org.neurograph.training;

import java.util.function.BooleanSupplier;

/**
 * Pause, resume and stop for a {@link TrainingRun}, callable from any thread. The run obeys between two steps: a
 * pause writes a checkpoint and waits, a stop writes a checkpoint and ends the run as {@link RunState#STOPPED}.
 */
public final class RunControl {
	private static final long POLL_MILLIS = 100;

	private boolean pauseRequested;
	private boolean stopRequested;

	/** Asks the run to pause after the current step. */
	public synchronized void pause() {
		pauseRequested = true;
	}

	/** Lets a paused run go on. */
	public synchronized void resume() {
		pauseRequested = false;
		notifyAll();
	}

	/** Asks the run to stop with a checkpoint after the current step; wakes a paused run to do so. */
	public synchronized void stop() {
		stopRequested = true;
		notifyAll();
	}

	public synchronized boolean isPauseRequested() {
		return pauseRequested;
	}

	public synchronized boolean isStopRequested() {
		return stopRequested;
	}

	/**
	 * Waits while a pause is requested and neither a stop nor {@code cancelled} says otherwise. Returns true if the
	 * run should go on, false if it should stop.
	 */
	synchronized boolean awaitResume(BooleanSupplier cancelled) throws InterruptedException {
		while (pauseRequested && !stopRequested && !cancelled.getAsBoolean()) {
			wait(POLL_MILLIS);
		}
		return !stopRequested && !cancelled.getAsBoolean();
	}
}
