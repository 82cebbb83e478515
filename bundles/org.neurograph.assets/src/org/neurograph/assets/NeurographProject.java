package org.neurograph.assets;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;

/**
 * The Neurograph project nature and layout: a project with the nature {@value #NATURE_ID} and the folders
 * {@code datasets}, {@code models}, {@code runs} and {@code outputs}. {@link #ensureLayout(Path)} makes the layout in a
 * plain folder (for the command line); the other methods work on workspace projects.
 */
public final class NeurographProject {
	/** The id of the Neurograph project nature. */
	public static final String NATURE_ID = "org.neurograph.assets.nature";
	/** The top-level folders of a project, one per kind of asset. */
	public static final List<String> FOLDERS = List.of("datasets", "models", "runs", "outputs");

	private NeurographProject() {
	}

	/**
	 * Creates a workspace project with the nature and the four folders, or opens and configures the project if it
	 * exists already. Files already at the location are picked up.
	 *
	 * @param location where the project lives, or {@code null} for the default place in the workspace
	 * @throws CoreException if the name is not a valid project name or the project cannot be made; its status
	 *                       message says why
	 */
	public static IProject create(String name, URI location, IProgressMonitor monitor) throws CoreException {
		IWorkspace workspace = ResourcesPlugin.getWorkspace();
		IStatus valid = workspace.validateName(name, IResource.PROJECT);
		if (!valid.isOK()) {
			throw new CoreException(Status.error("'" + name + "' is not a valid project name: " + valid.getMessage()));
		}
		IProject project = workspace.getRoot().getProject(name);
		workspace.run(m -> {
			SubMonitor sub = SubMonitor.convert(m, "Creating Neurograph project '" + name + "'", 4);
			if (!project.exists()) {
				IProjectDescription description = workspace.newProjectDescription(name);
				description.setLocationURI(location);
				project.create(description, sub.split(1));
				project.open(sub.split(1));
				project.refreshLocal(IResource.DEPTH_INFINITE, sub.split(1));
			} else if (!project.isOpen()) {
				project.open(sub.split(3));
			}
			sub.setWorkRemaining(1);
			configure(project, sub.split(1));
		}, workspace.getRoot(), IWorkspace.AVOID_UPDATE, monitor);
		return project;
	}

	/**
	 * Adds the nature (which creates missing folders) and any missing folders to an existing open project.
	 *
	 * @throws CoreException if the project is closed or cannot be changed
	 */
	public static void configure(IProject project, IProgressMonitor monitor) throws CoreException {
		if (!project.isOpen()) {
			throw new CoreException(Status.error("The project '" + project.getName() + "' is closed: open it first."));
		}
		SubMonitor sub = SubMonitor.convert(monitor, "Configuring '" + project.getName() + "'", 2);
		IProjectDescription description = project.getDescription();
		if (!description.hasNature(NATURE_ID)) {
			String[] natures = Arrays.copyOf(description.getNatureIds(), description.getNatureIds().length + 1);
			natures[natures.length - 1] = NATURE_ID;
			description.setNatureIds(natures);
			project.setDescription(description, sub.split(1));
		}
		createFolders(project, sub.split(1));
	}

	/** True if the project is open and has the Neurograph nature; false on any error. */
	public static boolean isNeurographProject(IProject project) {
		try {
			return project != null && project.isOpen() && project.hasNature(NATURE_ID);
		} catch (CoreException | RuntimeException e) {
			return false;
		}
	}

	/**
	 * Creates the four folders in a plain directory (and the directory itself); does nothing for those that exist.
	 *
	 * @throws IOException if a folder cannot be made, e.g. because a file has its name (the message says which)
	 */
	public static void ensureLayout(Path projectDir) throws IOException {
		for (String name : FOLDERS) {
			Path folder = projectDir.resolve(name);
			try {
				Files.createDirectories(folder);
			} catch (FileAlreadyExistsException e) {
				throw new IOException("'" + folder + "' is a file, but a Neurograph project needs a folder there: "
						+ "rename or remove the file.", e);
			}
		}
	}

	/** Creates the folders the project lacks (folders that exist on disk only are taken into the workspace). */
	static void createFolders(IProject project, IProgressMonitor monitor) throws CoreException {
		SubMonitor sub = SubMonitor.convert(monitor, FOLDERS.size());
		for (String name : FOLDERS) {
			IFolder folder = project.getFolder(name);
			if (folder.exists()) {
				sub.worked(1);
			} else if (project.getFile(name).exists()) {
				throw new CoreException(Status.error("'" + folder.getFullPath() + "' is a file, but a Neurograph project "
						+ "needs a folder there: rename or remove the file."));
			} else {
				folder.create(IResource.FORCE, true, sub.split(1));
			}
		}
	}
}
