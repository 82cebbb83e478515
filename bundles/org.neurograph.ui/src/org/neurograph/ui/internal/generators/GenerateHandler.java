package org.neurograph.ui.internal.generators;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;
import org.neurograph.ui.NeurographUi;

/**
 * "Generate" (Ctrl+Shift+G): runs the generator of the generator panel with its values. Without a chosen generator
 * it says how to choose one; with invalid values it brings the panel forward, where the messages are.
 */
public class GenerateHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindowChecked(event);
		IWorkbenchPage page = window.getActivePage();
		if (page == null) {
			return null;
		}
		GeneratorPanelView panel = (GeneratorPanelView) page.findView(NeurographUi.GENERATOR_PANEL_VIEW_ID);
		if (panel == null || panel.generator().isEmpty()) {
			MessageDialog.openInformation(window.getShell(), "Generate",
					"Choose a generator first: double-click one in the Generators view.");
			try {
				page.showView(NeurographUi.GENERATORS_VIEW_ID);
			} catch (PartInitException e) {
				throw new ExecutionException("Could not open the Generators view", e);
			}
			return null;
		}
		if (panel.generate().isEmpty()) {
			page.activate(panel);
		}
		return null;
	}
}
