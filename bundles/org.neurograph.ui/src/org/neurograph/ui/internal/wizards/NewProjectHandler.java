package org.neurograph.ui.internal.wizards;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.handlers.HandlerUtil;

/** "New Neurograph Project" (Ctrl+Shift+N): opens the wizard. */
public class NewProjectHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindowChecked(event);
		NewNeurographProjectWizard wizard = new NewNeurographProjectWizard();
		wizard.init(window.getWorkbench(), selection(event));
		new WizardDialog(window.getShell(), wizard).open();
		return null;
	}

	static IStructuredSelection selection(ExecutionEvent event) {
		return HandlerUtil.getCurrentSelection(event) instanceof IStructuredSelection s ? s : StructuredSelection.EMPTY;
	}
}
