package org.neurograph.gan.ui.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;

/**
 * Starts the installation mode from the latent explorer's model and centre, with its tempo; opens the explorer
 * (which says what to choose) when it has no model yet.
 */
public final class InstallationHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		IWorkbenchPage page = HandlerUtil.getActiveWorkbenchWindowChecked(event).getActivePage();
		try {
			ExplorerView explorer = (ExplorerView) page.showView(ExplorerView.ID);
			explorer.startInstallation();
		} catch (PartInitException e) {
			throw new ExecutionException("The latent explorer could not be opened: " + e.getMessage(), e);
		}
		return null;
	}
}
