package org.neurograph.training.ui.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

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

/** Waiting in the UI thread while dispatching its events, and screenshots, for the dashboard's UI tests. */
final class UiWait {
	static final long TIMEOUT_MS = 60_000;

	private UiWait() {
	}

	/** The workbench page once the window is visible, else null. */
	static IWorkbenchPage page() {
		IWorkbench workbench = PlatformUI.getWorkbench();
		IWorkbenchWindow window = workbench.getActiveWorkbenchWindow();
		if (window == null && workbench.getWorkbenchWindowCount() > 0) {
			window = workbench.getWorkbenchWindows()[0];
		}
		return window == null || !window.getShell().isVisible() ? null : window.getActivePage();
	}

	static <T> T waitFor(Display display, Supplier<T> condition, String what) {
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

	static void processEvents(Display display, long millis) {
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

	/** Saves the whole screen as a PNG in target/screenshots, to be looked at. */
	static void screenshot(Display display, String name) throws Exception {
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
