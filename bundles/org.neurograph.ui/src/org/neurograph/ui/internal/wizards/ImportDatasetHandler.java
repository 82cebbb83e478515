package org.neurograph.ui.internal.wizards;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.handlers.HandlerUtil;

/** "Import Dataset" (Ctrl+Shift+I): opens the wizard for the project of the current selection. */
public class ImportDatasetHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindowChecked(event);
		ImportDatasetWizard wizard = new ImportDatasetWizard();
		wizard.init(window.getWorkbench(), NewProjectHandler.selection(event));
		new WizardDialog(window.getShell(), wizard).open();
		return null;
	}
}
