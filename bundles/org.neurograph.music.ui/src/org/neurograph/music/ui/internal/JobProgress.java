package org.neurograph.music.ui.internal;

import org.eclipse.core.runtime.IProgressMonitor;
import org.neurograph.api.Progress;

/** An Eclipse progress monitor as the API's {@link Progress}. */
final class JobProgress implements Progress {

	private final IProgressMonitor monitor;

	JobProgress(IProgressMonitor monitor) {
		this.monitor = monitor;
	}

	@Override
	public void begin(String taskName, int totalWork) {
		monitor.beginTask(taskName, totalWork < 0 ? IProgressMonitor.UNKNOWN : totalWork);
	}

	@Override
	public void worked(int units) {
		monitor.worked(units);
	}

	@Override
	public void subTask(String name) {
		monitor.subTask(name);
	}

	@Override
	public boolean isCancelled() {
		return monitor.isCanceled();
	}
}
