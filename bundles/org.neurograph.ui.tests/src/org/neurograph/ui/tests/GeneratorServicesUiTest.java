package org.neurograph.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurograph.api.Generator;
import org.neurograph.ui.NeurographUi;
import org.neurograph.ui.internal.demo.DemoProject;
import org.neurograph.ui.internal.generators.GenerateJob;
import org.neurograph.ui.internal.generators.GeneratorPanelView;
import org.neurograph.ui.internal.generators.GeneratorsView;
import org.neurograph.ui.internal.generators.ParameterForm;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

/**
 * The workbench follows generator services as they come and go, builds a form for every kind of parameter, shows a
 * generator's refusal in one clear dialog, and cancels a running generation.
 */
class GeneratorServicesUiTest {
	private final BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();
	private ServiceRegistration<Generator> registration;
	private IWorkbenchPage page;
	private GeneratorsView generators;
	private GeneratorPanelView panel;

	@TempDir
	Path temp;

	@BeforeEach
	void openViews() throws Exception {
		page = Ui.window().getActivePage();
		Ui.waitForJobs(DemoProject.JOB_FAMILY, "the demo project's dataset");
		generators = (GeneratorsView) page.showView(NeurographUi.GENERATORS_VIEW_ID);
		panel = (GeneratorPanelView) page.showView(NeurographUi.GENERATOR_PANEL_VIEW_ID);
		register();
		Ui.waitUntil(() -> listed(), "the test generator in the Generators view");
		panel.showGenerator(TestGenerator.ID);
		ParameterForm form = panel.form().orElseThrow();
		Path words = Files.writeString(temp.resolve("words.txt"), "moon\nspoon\n");
		form.field("wordlist").orElseThrow().setValue(words.toString());
		panel.selectProject(NeurographUi.DEMO_PROJECT);
	}

	@AfterEach
	void unregister() {
		if (registration != null) {
			registration.unregister();
			registration = null;
		}
	}

	@Test
	void generatorsComeAndGoWithTheirServices() {
		assertTrue(panel.canGenerate(), "a parameter of every kind, all valid: " + messages());
		assertEquals("true", panel.form().orElseThrow().field("rhyme").orElseThrow().value(), "the flag's default");
		assertEquals("shapes", panel.form().orElseThrow().field("dataset").orElseThrow().value(),
				"the asset field lists the project's image datasets");
		Ui.screenshot("05-every-kind-of-parameter.png");

		registration.unregister();
		registration = null;
		Ui.waitUntil(() -> !listed(), "the generator to leave the Generators view when its service goes");
		Ui.waitUntil(() -> panel.generator().isEmpty(), "the panel to drop the generator's form");

		register();
		Ui.waitUntil(this::listed, "the generator to come back");
		Ui.waitUntil(() -> panel.generator().isPresent(), "the panel to show the generator again");
		assertTrue(panel.form().orElseThrow().field("wordlist").orElseThrow().value().endsWith("words.txt"),
				"the form comes back with the values it had");
	}

	@Test
	void aRefusalIsShownOnceWithItsMessageAndNoTrace() {
		panel.form().orElseThrow().field("mode").orElseThrow().setValue("fail");
		Map<Shell, String> dialogs = new LinkedHashMap<>();
		Display display = Display.getCurrent();
		Runnable watcher = new Runnable() {
			@Override
			public void run() {
				for (Shell shell : display.getShells()) {
					if (shell.isVisible() && shell != Ui.window().getShell()) {
						dialogs.put(shell, shell.getText() + "\n" + String.join("\n", texts(shell)));
					}
				}
				display.timerExec(100, this);
			}
		};
		display.timerExec(100, watcher);
		boolean automated = ErrorDialog.AUTOMATED_MODE;
		ErrorDialog.AUTOMATED_MODE = false; // the test harness turns error dialogs off; this test is about one
		try {
			GenerateJob job = panel.generate().orElseThrow();
			Ui.waitForJobs(GenerateJob.FAMILY, "the failing generation to end");
			Ui.waitUntil(() -> !dialogs.isEmpty(), "the error dialog");
			Ui.dispatch(1500); // a second dialog, or a second problem in this one, would show by now
			Ui.screenshotNow("06-generation-failed.png");
			assertEquals(IStatus.ERROR, job.getResult().getSeverity());
			assertEquals(1, dialogs.size(), "exactly one dialog: " + dialogs.values());
			String dialog = dialogs.values().iterator().next();
			assertTrue(dialog.contains(TestGenerator.REFUSAL), "the dialog says why: " + dialog);
			assertFalse(dialog.contains("Multiple problems"), "one problem, shown once: " + dialog);
			assertFalse(dialog.contains("at org."), "no stack trace in the dialog: " + dialog);
		} finally {
			display.timerExec(-1, watcher);
			dialogs.keySet().stream().filter(shell -> !shell.isDisposed()).forEach(GeneratorServicesUiTest::close);
			ErrorDialog.AUTOMATED_MODE = automated;
		}
	}


	@Test
	void aRunningGenerationCanBeCancelled() {
		panel.form().orElseThrow().field("mode").orElseThrow().setValue("wait");
		GenerateJob job = panel.generate().orElseThrow();
		Ui.waitUntil(() -> job.getState() == Job.RUNNING, "the generation to run");
		job.cancel();
		Ui.waitForJobs(GenerateJob.FAMILY, "the cancelled generation to end");
		assertEquals(IStatus.CANCEL, job.getResult().getSeverity(), "cancelled: " + job.getResult());
		assertTrue(job.outputs().isEmpty());
	}

	private void register() {
		registration = context.registerService(Generator.class, new TestGenerator(), new Hashtable<>());
	}

	private boolean listed() {
		return generators.shownGenerators().stream().anyMatch(g -> g.info().id().equals(TestGenerator.ID));
	}

	private String messages() {
		StringBuilder out = new StringBuilder();
		panel.form().orElseThrow().values().keySet().forEach(key -> out.append(key).append('=')
				.append(panel.form().orElseThrow().field(key).orElseThrow().message()).append(' '));
		return out.toString();
	}

	/** Closes a dialog as a user does, with its OK button (closing the shell directly confuses the status dialog). */
	private static void close(Shell shell) {
		Button ok = find(shell, Button.class, b -> "OK".equals(b.getText().replace("&", "")));
		if (ok != null) {
			ok.notifyListeners(SWT.Selection, new Event());
		} else {
			shell.close();
		}
	}

	private static <T extends Control> T find(Control control, Class<T> type, Predicate<T> test) {
		if (type.isInstance(control) && test.test(type.cast(control))) {
			return type.cast(control);
		}
		if (control instanceof Composite composite) {
			for (Control child : composite.getChildren()) {
				T found = find(child, type, test);
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
		} else if (control instanceof Text text) {
			texts.add(text.getText());
		}
		if (control instanceof Composite composite) {
			for (Control child : composite.getChildren()) {
				texts.addAll(texts(child));
			}
		}
		return texts;
	}
}
