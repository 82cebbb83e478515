package org.neurograph.ui.internal.generators;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.ui.progress.IProgressConstants;
import org.neurograph.api.AssetKind;
import org.neurograph.api.CancelledException;
import org.neurograph.api.GenerationException;
import org.neurograph.api.Generator;
import org.neurograph.assets.GenerationRunner;
import org.neurograph.ui.NeurographUi;
import org.neurograph.ui.internal.Images;
import org.neurograph.ui.internal.Projects;
import org.neurograph.ui.internal.Statuses;
import org.neurograph.assets.MonitorProgress;

/**
 * One generation as a user job: runs the generator through {@link GenerationRunner} (progress in the Progress view,
 * cancel from there), then refreshes the project's outputs. A failure ends the job with an error whose message the
 * workbench shows in one dialog: a {@link GenerationException}'s own message, or a short note for anything
 * unexpected; the cause and its trace go to the Error Log. Works made before a cancel or a failure stay on disk,
 * and the refresh at the end shows them in the workspace.
 */
public final class GenerateJob extends Job {
	/** The family of every generation job. */
	public static final Object FAMILY = GenerateJob.class;

	private final Generator generator;
	private final IProject project;
	private final Map<String, String> parameters;
	private final int count;
	private final long seed;
	private final String modelName;
	private volatile List<Path> outputs = List.of();

	GenerateJob(Generator generator, IProject project, Map<String, String> parameters, int count, long seed,
			String modelName) {
		super("Generating " + count + " " + plural(count, generator) + " with " + generator.info().name());
		this.generator = generator;
		this.project = project;
		this.parameters = Map.copyOf(parameters);
		this.count = count;
		this.seed = seed;
		this.modelName = modelName;
		setUser(true);
		setProperty(IProgressConstants.ICON_PROPERTY, Images.descriptor(Images.GENERATE));
	}

	@Override
	public boolean belongsTo(Object family) {
		return family == FAMILY;
	}

	/** The files written, once the job has succeeded (empty before, and after a cancel or a failure). */
	public List<Path> outputs() {
		return outputs;
	}

	/** The project the works go to. */
	public IProject project() {
		return project;
	}

	@Override
	protected IStatus run(IProgressMonitor monitor) {
		SubMonitor progress = SubMonitor.convert(monitor, getName(), 20);
		Path projectDir = Projects.location(project).orElse(null);
		if (projectDir == null) {
			return failed("The project '" + project.getName() + "' is not on the local disk.", null);
		}
		try {
			GenerationRunner.Result result = GenerationRunner.run(generator, projectDir, parameters, count, seed, modelName,
					new MonitorProgress(progress.newChild(19)));
			outputs = result.outputs();
			return Status.OK_STATUS;
		} catch (CancelledException e) {
			return Status.CANCEL_STATUS;
		} catch (GenerationException e) {
			return failed(e.getMessage(), e.getCause());
		} catch (IOException e) {
			return failed("The works could not be written into '" + project.getName() + "': " + e.getMessage(), e);
		} catch (RuntimeException e) {
			return failed("The generator '" + generator.info().name() + "' failed unexpectedly (" + Statuses.describe(e)
					+ "). The details are in the Error Log.", e);
		} finally {
			refreshOutputs(progress.newChild(1));
		}
	}

	/**
	 * The job's result for a failure: an error with the message alone, which the workbench shows in a dialog (never
	 * a stack trace) and logs. A cause, if there is one, is logged with its trace first.
	 */
	private static IStatus failed(String message, Throwable cause) {
		if (cause != null) {
			Statuses.log(IStatus.ERROR, message, cause);
		}
		return new Status(IStatus.ERROR, NeurographUi.PLUGIN_ID, message);
	}

	private void refreshOutputs(IProgressMonitor monitor) {
		IFolder folder = project.getFolder(AssetKind.OUTPUT.folder());
		try {
			folder.refreshLocal(IResource.DEPTH_INFINITE, monitor);
		} catch (CoreException e) {
			Statuses.log(IStatus.WARNING, "Could not refresh " + folder.getFullPath() + ": " + e.getMessage(), e);
		}
	}

	private static String plural(int count, Generator generator) {
		String noun = switch (generator.info().mediaKind()) {
		case IMAGE -> "image";
		case TEXT -> "text";
		case MUSIC -> "tune";
		};
		return count == 1 ? noun : noun + "s";
	}
}
