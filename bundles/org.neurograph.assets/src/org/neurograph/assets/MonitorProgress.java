package org.neurograph.assets;

import org.eclipse.core.runtime.IProgressMonitor;
import org.neurograph.api.Progress;

/**
 * {@link Progress} over an Eclipse progress monitor, for generators and trainers run as Eclipse Jobs: the Progress view
 * shows it, its cancel button cancels.
 */
public final class MonitorProgress implements Progress {
	private final IProgressMonitor monitor;

	public MonitorProgress(IProgressMonitor monitor) {
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
