package org.neurograph.ui.internal.wizards;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.PlatformUI;
import org.neurograph.api.AssetKind;
import org.neurograph.api.CancelledException;
import org.neurograph.assets.DatasetImporter;
import org.neurograph.ui.NeurographUi;
import org.neurograph.ui.internal.Projects;
import org.neurograph.ui.internal.Statuses;
import org.neurograph.assets.MonitorProgress;

/**
 * Imports a dataset with {@link DatasetImporter} as a user job, refreshes the project's datasets and then shows the
 * report: how many files were imported and each one that was not, with the reason. If nothing could be imported,
 * the job ends with an error that the workbench shows with its message.
 */
public final class ImportDatasetJob extends Job {
	/** The family of every dataset import job. */
	public static final Object FAMILY = ImportDatasetJob.class;

	private final IProject project;
	private final String name;
	private final AssetKind kind;
	private final List<Path> sources;
	private volatile DatasetImporter.Report report;

	public ImportDatasetJob(IProject project, String name, AssetKind kind, List<Path> sources) {
		super("Importing the dataset '" + name + "' into " + project.getName());
		this.project = project;
		this.name = name;
		this.kind = kind;
		this.sources = List.copyOf(sources);
		setUser(true);
	}

	@Override
	public boolean belongsTo(Object family) {
		return family == FAMILY;
	}

	/** The report, once the import succeeded. */
	public DatasetImporter.Report report() {
		return report;
	}

	@Override
	protected IStatus run(IProgressMonitor monitor) {
		SubMonitor progress = SubMonitor.convert(monitor, getName(), 20);
		Path projectDir = Projects.location(project).orElse(null);
		if (projectDir == null) {
			return failed("The project '" + project.getName() + "' is not on the local disk.", null);
		}
		try {
			report = new DatasetImporter().importDataset(projectDir, name, kind, sources,
					new MonitorProgress(progress.newChild(19)));
		} catch (CancelledException e) {
			return Status.CANCEL_STATUS;
		} catch (IllegalArgumentException e) { // a bad or taken name: the message says which
			return failed("The dataset '" + name + "' could not be imported: " + e.getMessage(), null);
		} catch (IOException e) {
			return failed("The dataset '" + name + "' could not be imported: " + e.getMessage(), e);
		} finally {
			refresh(progress.newChild(1));
		}
		DatasetImporter.Report done = report;
		Display display = PlatformUI.getWorkbench().getDisplay();
		display.asyncExec(() -> ImportReportDialog.open(display.getActiveShell(), project.getName(), done));
		return Status.OK_STATUS;
	}

	/**
	 * The job's result for a failure: an error with the message alone, which the workbench shows and logs; a cause
	 * is logged with its trace first.
	 */
	private static IStatus failed(String message, Throwable cause) {
		if (cause != null) {
			Statuses.log(IStatus.ERROR, message, cause);
		}
		return new Status(IStatus.ERROR, NeurographUi.PLUGIN_ID, message);
	}

	private void refresh(IProgressMonitor monitor) {
		IFolder datasets = project.getFolder(kind.folder());
		try {
			datasets.refreshLocal(IResource.DEPTH_INFINITE, monitor);
		} catch (CoreException e) {
			Statuses.log(IStatus.WARNING, "Could not refresh " + datasets.getFullPath() + ": " + e.getMessage(), e);
		}
	}
}
