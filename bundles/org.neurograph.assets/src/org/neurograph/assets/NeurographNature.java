package org.neurograph.assets;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectNature;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.NullProgressMonitor;

/**
 * The Neurograph project nature ({@value NeurographProject#NATURE_ID}). Adding it creates the project's asset
 * folders; removing it leaves the user's files alone.
 */
public class NeurographNature implements IProjectNature {
	private IProject project;

	@Override
	public void configure() throws CoreException {
		NeurographProject.createFolders(project, new NullProgressMonitor());
	}

	@Override
	public void deconfigure() {
		// the folders hold the user's work: they stay
	}

	@Override
	public IProject getProject() {
		return project;
	}

	@Override
	public void setProject(IProject project) {
		this.project = project;
	}
}
