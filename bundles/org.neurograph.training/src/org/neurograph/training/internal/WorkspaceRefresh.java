package org.neurograph.training.internal;

import java.nio.file.Path;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.ICoreRunnable;
import org.eclipse.core.runtime.jobs.Job;

/**
 * Lets the Eclipse workspace see what the engine wrote with plain file operations (a run's folder, a new model), so
 * that the project explorer shows it. Does nothing for folders outside the workspace or without a workspace.
 */
final class WorkspaceRefresh {
	private WorkspaceRefresh() {
	}

	/** Refreshes the workspace folders at {@code folder} (and below) in the background. */
	static void refresh(Path folder) {
		IWorkspace workspace;
		try {
			workspace = ResourcesPlugin.getWorkspace();
		} catch (IllegalStateException e) {
			return; // no workspace in this application
		}
		for (IContainer container : workspace.getRoot().findContainersForLocationURI(folder.toUri())) {
			ICoreRunnable refresh = monitor -> container.refreshLocal(IResource.DEPTH_INFINITE, monitor);
			Job job = Job.create("Refresh " + container.getFullPath(), refresh);
			job.setSystem(true);
			job.setRule(workspace.getRuleFactory().refreshRule(container));
			job.schedule();
		}
	}
}
