package org.neurograph.cli.internal;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;

import org.neurograph.api.Progress;

/** Progress as lines on stderr: "[3/10] image 3 of 10 (seed 45)"; cancelled by Ctrl-C. */
final class StderrProgress implements Progress {
	private final PrintStream err;
	private final AtomicBoolean cancelled;
	private final boolean quiet;
	private int total = -1;
	private int done;

	StderrProgress(PrintStream err, AtomicBoolean cancelled, boolean quiet) {
		this.err = err;
		this.cancelled = cancelled;
		this.quiet = quiet;
	}

	@Override
	public synchronized void begin(String taskName, int totalWork) {
		total = totalWork;
		done = 0;
		if (!quiet) {
			err.println(taskName);
		}
	}

	@Override
	public synchronized void worked(int units) {
		done += units;
	}

	@Override
	public synchronized void subTask(String name) {
		if (!quiet) {
			err.println((total > 0 ? "[" + (done + 1) + "/" + total + "] " : "") + name);
		}
	}

	@Override
	public boolean isCancelled() {
		return cancelled.get();
	}
}
