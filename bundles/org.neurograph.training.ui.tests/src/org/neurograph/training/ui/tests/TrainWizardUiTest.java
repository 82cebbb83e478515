package org.neurograph.training.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.jface.wizard.IWizardPage;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neurograph.api.training.Trainer;
import org.neurograph.assets.NeurographProject;
import org.neurograph.training.RunInfo;
import org.neurograph.training.RunState;
import org.neurograph.training.TrainingJob;
import org.neurograph.training.TrainingService;
import org.neurograph.training.testing.LeastSquaresData;
import org.neurograph.training.testing.LeastSquaresTrainer;
import org.neurograph.training.ui.internal.DashboardView;
import org.neurograph.training.ui.internal.TrainWizard;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;

/**
 * "Train a Model" filled in as a user would: it refuses a project without a dataset and a bad parameter with
 * messages, starts the run, the dashboard opens on it, and the model lands under the chosen name.
 */
class TrainWizardUiTest {
	private static IProject withData;
	private static IProject empty;
	private static ServiceRegistration<Trainer> trainer;
	private static ServiceTracker<TrainingService, TrainingService> engine;

	@BeforeAll
	static void projectsAndTrainer() throws Exception {
		withData = NeurographProject.create("wizard-demo", null, new NullProgressMonitor());
		LeastSquaresData.write(withData.getLocation().toPath(), "line");
		empty = NeurographProject.create("wizard-empty", null, new NullProgressMonitor());
		BundleContext context = FrameworkUtil.getBundle(TrainWizardUiTest.class).getBundleContext();
		trainer = context.registerService(Trainer.class, new LeastSquaresTrainer(), null);
		engine = new ServiceTracker<>(context, TrainingService.class, null);
		engine.open();
	}

	@AfterAll
	static void cleanUp() {
		trainer.unregister();
		engine.close();
	}

	@Test
	void theWizardChecksWhatIsTypedStartsTheRunAndTheDashboardFollowsIt() throws Exception {
		Display display = Display.getCurrent();
		IWorkbenchPage workbenchPage = UiWait.waitFor(display, UiWait::page, "the workbench window");
		TrainingService service = UiWait.waitFor(display, engine::getService, "the training service");
		TrainWizard wizard = new TrainWizard(service, List.of(withData, empty), "wizard-empty");
		WizardDialog dialog = new WizardDialog(workbenchPage.getWorkbenchWindow().getShell(), wizard);
		dialog.setBlockOnOpen(false);
		dialog.open();
		TrainingJob job;
		try {
			Composite shell = dialog.getShell();
			IWizardPage page = wizard.getPages()[0];
			choose((Combo) after(shell, "Trainer:"), "Least squares (test trainer)  (" + LeastSquaresTrainer.ID + ")");
			assertFalse(wizard.canFinish(), "the preferred project has no dataset");
			assertTrue(page.getErrorMessage() != null && page.getErrorMessage().contains("has no dataset. Import a text corpus"),
					page.getErrorMessage());

			choose((Combo) after(shell, "Project:"), "wizard-demo");
			assertEquals("line", ((Combo) after(shell, "Dataset:")).getText());
			assertTrue(wizard.canFinish(), String.valueOf(page.getErrorMessage()));

			Text rate = (Text) after(shell, "Learning rate:");
			rate.setText("-1");
			UiWait.processEvents(display, 100);
			assertFalse(wizard.canFinish(), "a negative learning rate is refused");
			assertNotNull(page.getErrorMessage());
			rate.setText("0.05");
			((Text) after(shell, "Steps:")).setText("40");
			((Text) after(shell, "Model name:")).setText("wizard-line");
			UiWait.processEvents(display, 100);
			assertTrue(wizard.canFinish(), String.valueOf(page.getErrorMessage()));
			UiWait.screenshot(display, "train-wizard.png");
			assertTrue(wizard.performFinish());
			job = wizard.started();
		} finally {
			dialog.close();
		}
		assertNotNull(job, "the wizard started a run");
		String runId = job.trainingRun().id();
		DashboardView dashboard = UiWait.waitFor(display, () -> (DashboardView) workbenchPage.findView(DashboardView.ID),
				"the dashboard to open when the run starts");
		RunInfo done = UiWait.waitFor(display, () -> job.result().orElse(null), "the run to finish");
		assertEquals(RunState.FINISHED, done.state(), done.message());
		assertEquals("40", done.parameters().get("steps"));
		assertTrue(UiWait.waitFor(display, () -> dashboard.selectedRuns().contains(runId) ? true : null,
				"the dashboard to show the run"));
		Path model = withData.getLocation().toPath().resolve("models").resolve("wizard-line");
		assertTrue(Files.isRegularFile(model.resolve("model.json")), "the model is named as asked");
	}

	/** Selects an item of a read-only combo as a user does. */
	private static void choose(Combo combo, String item) {
		int index = combo.indexOf(item);
		assertTrue(index >= 0, item + " is offered: " + List.of(combo.getItems()));
		combo.select(index);
		combo.notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
	}

	/** The control right after the label with this text (mnemonics ignored), searched depth-first. */
	private static Control after(Control root, String label) {
		Control found = find(root, label);
		assertNotNull(found, "a field labelled " + label);
		return found;
	}

	private static Control find(Control control, String label) {
		if (control instanceof Composite composite) {
			Control[] children = composite.getChildren();
			for (int i = 0; i < children.length; i++) {
				if (children[i] instanceof Label l && l.getText().replace("&", "").equals(label) && i + 1 < children.length) {
					return children[i + 1];
				}
				Control inner = find(children[i], label);
				if (inner != null) {
					return inner;
				}
			}
		}
		return null;
	}
}
