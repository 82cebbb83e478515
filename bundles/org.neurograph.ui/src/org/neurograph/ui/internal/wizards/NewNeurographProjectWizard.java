package org.neurograph.ui.internal.wizards;

import java.lang.reflect.InvocationTargetException;
import java.net.URI;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.ui.INewWizard;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.dialogs.WizardNewProjectCreationPage;
import org.eclipse.ui.part.ISetSelectionTarget;
import org.neurograph.assets.NeurographProject;
import org.neurograph.ui.internal.Images;
import org.neurograph.ui.internal.Statuses;

/**
 * "New Neurograph Project": a name and a location (the workspace by default), then a project with the Neurograph
 * nature and its folders datasets/, models/, runs/ and outputs/, selected in the Project Explorer.
 */
public class NewNeurographProjectWizard extends Wizard implements INewWizard {
	private WizardNewProjectCreationPage page;
	private IWorkbench workbench;
	private IProject created;

	public NewNeurographProjectWizard() {
		setWindowTitle("New Neurograph Project");
		setNeedsProgressMonitor(true);
		setDefaultPageImageDescriptor(Images.descriptor(Images.NEW_PROJECT_BANNER));
	}

	@Override
	public void init(IWorkbench wb, IStructuredSelection selection) {
		this.workbench = wb;
	}

	@Override
	public void addPages() {
		page = new WizardNewProjectCreationPage("neurographProject");
		page.setTitle("Neurograph Project");
		page.setDescription("Create a project for datasets, models, training runs and generated works.");
		addPage(page);
	}

	/** The project made by the last finish, or null. */
	public IProject created() {
		return created;
	}

	@Override
	public boolean performFinish() {
		String name = page.getProjectName();
		URI location = page.useDefaults() ? null : page.getLocationURI();
		try {
			getContainer().run(true, false, monitor -> {
				try {
					created = NeurographProject.create(name, location, monitor);
				} catch (CoreException e) {
					throw new InvocationTargetException(e);
				}
			});
		} catch (InvocationTargetException e) {
			Throwable cause = e.getCause();
			MessageDialog.openError(getShell(), "New Neurograph Project",
					"The project '" + name + "' could not be created: " + cause.getMessage());
			Statuses.log(IStatus.ERROR, "Could not create project " + name, cause);
			return false;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
		reveal(created);
		return true;
	}

	private void reveal(IProject project) {
		if (workbench == null || workbench.getActiveWorkbenchWindow() == null) {
			return;
		}
		IWorkbenchPage active = workbench.getActiveWorkbenchWindow().getActivePage();
		if (active != null && active.findView(IPageLayout.ID_PROJECT_EXPLORER) instanceof ISetSelectionTarget target) {
			target.selectReveal(new StructuredSelection(project));
		}
	}
}
