package org.neurograph.ui.internal.demo;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.Job;
import org.neurograph.assets.NeurographProject;
import org.neurograph.ui.NeurographUi;
import org.neurograph.ui.internal.Statuses;

/**
 * The project a new user finds on first start: {@value NeurographUi#DEMO_PROJECT}, with a small image dataset and a
 * few generated works. It is created once; a project of that name that exists (even one the user emptied) is left as
 * it is.
 */
public final class DemoProject {
	/** The family of the job that fills the demo project, for whoever waits for the demo to be ready. */
	public static final Object JOB_FAMILY = new Object();

	private DemoProject() {
	}

	/** The demo project handle (it may not exist). */
	public static IProject handle() {
		return ResourcesPlugin.getWorkspace().getRoot().getProject(NeurographUi.DEMO_PROJECT);
	}

	/**
	 * Creates the empty demo project (nature and folders) if the workspace has no project of that name.
	 *
	 * @return true if it was created now
	 */
	public static boolean createIfMissing() {
		IProject project = handle();
		if (project.exists()) {
			return false;
		}
		try {
			NeurographProject.create(project.getName(), null, null);
			return true;
		} catch (CoreException e) {
			Statuses.log(IStatus.ERROR, "Could not create the demo project '" + project.getName() + "': " + e.getMessage(), e);
			return false;
		}
	}

	/** Schedules the job that fills the new demo project with its dataset and outputs. */
	public static Job fillInBackground() {
		Job job = new DemoContentJob(handle());
		job.schedule();
		return job;
	}
}
