package org.neurograph.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Progress reporting and cancellation for long work, handed to a generator or trainer by the host
 * (an Eclipse progress monitor in the workbench, stderr in the command line). Implementations are thread-safe.
 */
@ProviderType
public interface Progress {

	/** Starts the task with a name and an amount of work; {@code totalWork} may be {@code -1} when unknown. */
	void begin(String taskName, int totalWork);

	/** Reports that {@code units} more units of work are done. */
	void worked(int units);

	/** Names the step now under way, e.g. "image 3 of 10". */
	void subTask(String name);

	/** True once the user asked to cancel; long work checks it often and stops soon after. */
	boolean isCancelled();

	/** A progress that reports nothing and is never cancelled. */
	static Progress none() {
		return NoProgress.INSTANCE;
	}
}

enum NoProgress implements Progress {
	INSTANCE;

	@Override
	public void begin(String taskName, int totalWork) {
		// nothing to report
	}

	@Override
	public void worked(int units) {
		// nothing to report
	}

	@Override
	public void subTask(String name) {
		// nothing to report
	}

	@Override
	public boolean isCancelled() {
		return false;
	}
}
