package org.neurograph.training.ui.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IProject;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;
import org.neurograph.training.TrainingService;
import org.neurograph.ui.internal.Projects;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/** Opens "Train a Model" on the project of the selection (Ctrl+Shift+T). */
public final class TrainHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		Shell shell = HandlerUtil.getActiveShell(event);
		BundleContext context = FrameworkUtil.getBundle(TrainHandler.class).getBundleContext();
		ServiceReference<TrainingService> ref = context.getServiceReference(TrainingService.class);
		TrainingService engine = ref == null ? null : context.getService(ref);
		if (engine == null) {
			MessageDialog.openError(shell, "Train a Model",
					"The training engine (bundle org.neurograph.training) is not running, so nothing can be trained. "
							+ "Check the Error Log for why it did not start.");
			return null;
		}
		try {
			String preferred = Projects.fromSelection(HandlerUtil.getCurrentSelection(event)).map(IProject::getName)
					.orElse(null);
			new WizardDialog(shell, new TrainWizard(engine, Projects.neurographProjects(), preferred)).open();
		} finally {
			context.ungetService(ref);
		}
		return null;
	}
}
