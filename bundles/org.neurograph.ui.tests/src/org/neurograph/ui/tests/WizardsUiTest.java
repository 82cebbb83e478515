package org.neurograph.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurograph.assets.NeurographProject;
import org.neurograph.ui.internal.demo.DemoProject;
import org.neurograph.ui.internal.wizards.ImportDatasetJob;
import org.neurograph.ui.internal.wizards.ImportDatasetWizard;
import org.neurograph.ui.internal.wizards.NewNeurographProjectWizard;

/** The "New Neurograph Project" and "Import Dataset" wizards, driven as a user would fill them in. */
class WizardsUiTest {
	@TempDir
	Path temp;

	@Test
	void newProjectWizardMakesANeurographProject() throws Exception {
		IWorkbenchWindow window = Ui.window();
		NewNeurographProjectWizard wizard = new NewNeurographProjectWizard();
		wizard.init(PlatformUI.getWorkbench(), StructuredSelection.EMPTY);
		WizardDialog dialog = new WizardDialog(window.getShell(), wizard);
		dialog.setBlockOnOpen(false);
		dialog.open();
		try {
			Text name = first(dialog.getShell(), Text.class);
			name.setText("poems");
			Ui.dispatch(200);
			assertTrue(wizard.canFinish(), "a name is all it needs");
			Ui.screenshot("07-new-project-wizard.png");
			assertTrue(wizard.performFinish());
		} finally {
			dialog.close();
		}
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject("poems");
		assertTrue(NeurographProject.isNeurographProject(project), "the project has the Neurograph nature");
		for (String folder : NeurographProject.FOLDERS) {
			assertTrue(project.getFolder(folder).exists(), folder + "/ exists");
		}
		assertEquals(project, wizard.created());
	}

	@Test
	void importDatasetWizardReportsEveryFileItLeftOut() throws Exception {
		Path sources = Files.createDirectory(temp.resolve("Sea Shells"));
		for (String name : List.of("a.png", "b.png")) {
			ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", sources.resolve(name).toFile());
		}
		Files.writeString(sources.resolve("broken.png"), "not an image at all");

		IWorkbenchWindow window = Ui.window();
		Ui.waitForJobs(DemoProject.JOB_FAMILY, "the demo project");
		ImportDatasetWizard wizard = new ImportDatasetWizard();
		wizard.init(PlatformUI.getWorkbench(), new StructuredSelection(DemoProject.handle()));
		WizardDialog dialog = new WizardDialog(window.getShell(), wizard);
		dialog.setBlockOnOpen(false);
		dialog.open();
		List<String> report = new ArrayList<>();
		Display display = Display.getCurrent();
		Runnable closer = new Runnable() {
			@Override
			public void run() {
				for (Shell shell : display.getShells()) {
					if (shell.isVisible() && "Dataset Imported".equals(shell.getText())) {
						Ui.screenshotNow("09-import-report.png");
						report.addAll(texts(shell));
						shell.close();
					}
				}
				display.timerExec(100, this);
			}
		};
		try {
			wizard.page().addSources(List.of(sources));
			Ui.dispatch(200);
			assertTrue(wizard.canFinish(), "project, name (from the folder), kind and sources are set");
			Ui.screenshot("08-import-dataset-wizard.png");
			display.timerExec(100, closer);
			assertTrue(wizard.performFinish());
			dialog.close();
			Ui.waitForJobs(ImportDatasetJob.FAMILY, "the import");
			Ui.waitUntil(() -> !report.isEmpty(), "the import report");
		} finally {
			display.timerExec(-1, closer);
			dialog.close();
		}
		String all = String.join("\n", report);
		assertTrue(all.contains("Imported 2 files into neurograph-demo/datasets/sea shells."), all);
		assertTrue(all.contains("1 file was not imported"), all);
		assertTrue(all.contains("broken.png"), "the rejected file is named: " + all);
		assertTrue(DemoProject.handle().getFile("datasets/sea shells/a.png").exists(), "the project shows the dataset");
	}

	private static <T extends Control> T first(Control control, Class<T> type) {
		if (type.isInstance(control)) {
			return type.cast(control);
		}
		if (control instanceof Composite composite) {
			for (Control child : composite.getChildren()) {
				T found = first(child, type);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	private static List<String> texts(Control control) {
		List<String> texts = new ArrayList<>();
		if (control instanceof Label label) {
			texts.add(label.getText());
		} else if (control instanceof Table table) {
			for (TableItem item : table.getItems()) {
				texts.add(item.getText(0) + " | " + item.getText(1));
			}
		}
		if (control instanceof Composite composite) {
			for (Control child : composite.getChildren()) {
				texts.addAll(texts(child));
			}
		}
		return texts;
	}
}
