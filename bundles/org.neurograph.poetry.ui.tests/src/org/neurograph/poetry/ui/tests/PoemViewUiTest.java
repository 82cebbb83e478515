package org.neurograph.poetry.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.neurograph.assets.NeurographProject;
import org.neurograph.poetry.Ml5CharRnn;
import org.neurograph.poetry.ui.internal.PoemView;

/**
 * The poem view in the real workbench under Xvfb, with the imported ml5 Shakespeare model: it lists the project's
 * model, writes a poem in stanzas, writes a different one on "Generate again", and the interactive mode offers the
 * next characters with their probabilities and writes the one picked.
 */
class PoemViewUiTest {
	private static final long TIMEOUT_MS = 60_000;

	@Test
	void writesPoemsAndOffersTheNextCharacters() throws Exception {
		Display display = Display.getCurrent();
		assertNotNull(display, "the test runs in the UI thread");
		IProject project = NeurographProject.create("poetry-demo", null, new NullProgressMonitor());
		Path data = Path.of(System.getProperty("neurograph.shared.data", "../shared/data"), "char-rnn", "shakespeare");
		assertTrue(Files.isDirectory(data), "the shared test data is missing: " + data);
		Ml5CharRnn.importModel(data, project.getLocation().toPath(), "shakespeare");

		IWorkbenchPage page = waitFor(display, PoemViewUiTest::page, "the workbench window");
		PoemView view = (PoemView) page.showView(PoemView.ID);
		page.setPartState(page.findViewReference(PoemView.ID), IWorkbenchPage.STATE_MAXIMIZED);
		view.refreshModels();
		view.setPrime("ROMEO:\n");
		view.setTemperature(0.6);
		view.loadModel(project.getLocation().toPath().resolve("models/shakespeare"));
		waitFor(display, () -> view.candidateRows().size() == 8 ? true : null, "the model to load");
		assertEquals("poetry-demo / shakespeare", view.selectedModel(), "the project's model is listed and selected");
		assertTrue(view.status().contains("2 x 128 LSTM, 65 characters"), view.status());

		view.generateAgain();
		waitFor(display, () -> view.poemText().isEmpty() ? null : true, "a poem");
		String first = view.poemText();
		assertTrue(first.startsWith("ROMEO:\n"), first);
		String[] stanzas = first.substring("ROMEO:\n".length()).strip().split("\n\n");
		assertEquals(3, stanzas.length, first);
		long seed = view.lastSeed();
		view.generateAgain();
		waitFor(display, () -> view.lastSeed() != seed ? true : null, "another poem");
		assertNotEquals(first, view.poemText());

		List<String> rows = view.candidateRows();
		assertEquals("ROMEO:\n", view.interactiveText());
		double total = 0;
		for (String row : rows) {
			String percent = row.substring(row.indexOf(' ') + 1, row.length() - 2);
			total += Double.parseDouble(percent);
		}
		assertTrue(total > 50 && total <= 100.5, "the top 8 carry most of the probability: " + rows);
		view.pick(0);
		view.pick(0);
		view.pick(1);
		assertEquals(10, view.interactiveText().length(), view.interactiveText());
		assertNotEquals(rows, view.candidateRows());
		screenshot(display, "poem-view.png");
	}

	private static IWorkbenchPage page() {
		IWorkbench workbench = PlatformUI.getWorkbench();
		IWorkbenchWindow window = workbench.getActiveWorkbenchWindow();
		if (window == null && workbench.getWorkbenchWindowCount() > 0) {
			window = workbench.getWorkbenchWindows()[0];
		}
		return window == null || !window.getShell().isVisible() ? null : window.getActivePage();
	}

	private static <T> T waitFor(Display display, Supplier<T> condition, String what) {
		long deadline = System.currentTimeMillis() + TIMEOUT_MS;
		T value = condition.get();
		while (value == null) {
			if (System.currentTimeMillis() > deadline) {
				fail("gave up waiting for " + what);
			}
			processEvents(display, 50);
			value = condition.get();
		}
		return value;
	}

	private static void processEvents(Display display, long millis) {
		long end = System.currentTimeMillis() + millis;
		do {
			while (display.readAndDispatch()) {
				// dispatch everything pending
			}
			try {
				Thread.sleep(10);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		} while (System.currentTimeMillis() < end);
	}

	private static void screenshot(Display display, String name) throws Exception {
		processEvents(display, 300);
		Rectangle r = display.getBounds();
		Image image = new Image(display, r.width, r.height);
		try {
			GC gc = new GC(display);
			try {
				gc.copyArea(image, r.x, r.y);
			} finally {
				gc.dispose();
			}
			Path dir = Path.of(System.getProperty("neurograph.screenshots", "target"));
			Files.createDirectories(dir);
			ImageLoader loader = new ImageLoader();
			loader.data = new ImageData[] { image.getImageData() };
			loader.save(dir.resolve(name).toString(), SWT.IMAGE_PNG);
		} finally {
			image.dispose();
		}
	}
}
