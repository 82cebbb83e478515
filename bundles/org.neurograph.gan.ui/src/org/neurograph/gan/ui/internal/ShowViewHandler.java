package org.neurograph.gan.ui.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;

/** Opens the latent explorer or the breeding view, whichever the command names. */
public final class ShowViewHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindowChecked(event);
		String view = event.getCommand().getId().endsWith(".breeding") ? BreedingView.ID : ExplorerView.ID;
		try {
			window.getActivePage().showView(view);
		} catch (PartInitException e) {
			throw new ExecutionException("The view " + view + " could not be opened: " + e.getMessage(), e);
		}
		return null;
	}
}
