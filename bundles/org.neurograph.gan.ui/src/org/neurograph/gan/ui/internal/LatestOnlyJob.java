package org.neurograph.gan.ui.internal;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;

/**
 * Runs work off the UI thread where only the latest request matters (rendering the grid for where the user is
 * now): a new request replaces one still waiting, and the result of a request that was overtaken while it ran is
 * dropped, so a user moving quickly never waits for the grids of places already left. Results are delivered on the
 * UI thread.
 */
final class LatestOnlyJob<T> {

	private record Request<T>(long generation, Callable<T> work, Consumer<T> done, Consumer<Exception> failed) {
	}

	private final Display display;
	private final Job job;
	private Request<T> pending;
	private long generation;
	private long stale;

	LatestOnlyJob(String name, Display display) {
		this.display = display;
		this.job = new Job(name) {
			@Override
			protected IStatus run(IProgressMonitor monitor) {
				return drain(monitor);
			}
		};
		job.setSystem(true);
	}

	/** Asks for {@code work}; {@code done} gets its result on the UI thread unless a newer request came first. */
	void submit(Callable<T> work, Consumer<T> done, Consumer<Exception> failed) {
		synchronized (this) {
			generation++;
			if (pending != null) {
				stale++;
			}
			pending = new Request<>(generation, work, done, failed);
		}
		job.schedule();
	}

	private IStatus drain(IProgressMonitor monitor) {
		while (!monitor.isCanceled()) {
			Request<T> r;
			synchronized (this) {
				r = pending;
				pending = null;
			}
			if (r == null) {
				return Status.OK_STATUS;
			}
			try {
				T result = r.work().call();
				deliver(r, () -> r.done().accept(result));
			} catch (Exception e) {
				deliver(r, () -> r.failed().accept(e));
			}
		}
		return Status.CANCEL_STATUS;
	}

	private void deliver(Request<T> r, Runnable onUi) {
		synchronized (this) {
			if (r.generation() != generation) {
				stale++;
				return; // overtaken while it ran
			}
		}
		if (!display.isDisposed()) {
			display.asyncExec(() -> {
				synchronized (this) {
					if (r.generation() != generation) {
						stale++;
						return;
					}
				}
				onUi.run();
			});
		}
	}

	/** True while a request waits or runs. */
	boolean busy() {
		synchronized (this) {
			if (pending != null) {
				return true;
			}
		}
		return job.getState() != Job.NONE;
	}

	/** How many requests were dropped because newer ones overtook them. */
	synchronized long staleCount() {
		return stale;
	}

	/** Drops every request; a running one finishes but delivers nothing. */
	void cancel() {
		synchronized (this) {
			generation++;
			pending = null;
		}
		job.cancel();
	}
}
