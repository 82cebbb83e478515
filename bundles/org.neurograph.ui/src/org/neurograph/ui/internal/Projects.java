package org.neurograph.ui.internal;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.IPath;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.neurograph.assets.NeurographProject;

/** Finding Neurograph projects in the workspace and in selections. */
public final class Projects {
	private Projects() {
	}

	/** The open Neurograph projects of the workspace, by name. */
	public static List<IProject> neurographProjects() {
		return Arrays.stream(ResourcesPlugin.getWorkspace().getRoot().getProjects())
				.filter(NeurographProject::isNeurographProject).sorted(Comparator.comparing(IProject::getName)).toList();
	}

	/** The Neurograph project of the first selected resource, if it is in one. */
	public static Optional<IProject> fromSelection(ISelection selection) {
		if (selection instanceof IStructuredSelection structured && !structured.isEmpty()) {
			IResource resource = Adapters.adapt(structured.getFirstElement(), IResource.class);
			if (resource != null && NeurographProject.isNeurographProject(resource.getProject())) {
				return Optional.of(resource.getProject());
			}
		}
		return Optional.empty();
	}

	/** Where a resource is on disk, if it is on the local file system. */
	public static Optional<Path> location(IResource resource) {
		IPath location = resource == null ? null : resource.getLocation();
		return location == null ? Optional.empty() : Optional.of(location.toPath());
	}
}
