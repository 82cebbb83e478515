package org.neurograph.ui.internal.wizards;

import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.ui.IImportWizard;
import org.eclipse.ui.IWorkbench;
import org.neurograph.ui.internal.Images;
import org.neurograph.ui.internal.Projects;

/**
 * "Import Dataset": a project, a name, a kind and the files or folders to copy. The import runs as a job and ends
 * with a report of what was imported and every file that was not, with the reason.
 */
public class ImportDatasetWizard extends Wizard implements IImportWizard {
	private ImportDatasetPage page;
	private IStructuredSelection selection;

	public ImportDatasetWizard() {
		setWindowTitle("Import Dataset");
		setDefaultPageImageDescriptor(Images.descriptor(Images.IMPORT_DATASET_BANNER));
	}

	@Override
	public void init(IWorkbench workbench, IStructuredSelection currentSelection) {
		this.selection = currentSelection;
	}

	@Override
	public void addPages() {
		page = new ImportDatasetPage(Projects.fromSelection(selection).orElse(null));
		addPage(page);
	}

	/** The page (for tests). */
	public ImportDatasetPage page() {
		return page;
	}

	@Override
	public boolean performFinish() {
		new ImportDatasetJob(page.project(), page.datasetName(), page.kind(), page.sources()).schedule();
		return true;
	}
}
