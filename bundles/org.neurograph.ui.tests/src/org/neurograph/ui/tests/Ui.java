package org.neurograph.ui.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;

/** Waiting in the UI thread (while dispatching its events) and screenshots, for the workbench tests. */
final class Ui {
	static final long TIMEOUT_MS = 30_000;

	private Ui() {
	}

	/** The workbench window once it is open and shows its page. */
	static IWorkbenchWindow window() {
		return waitFor(() -> {
			IWorkbench workbench = PlatformUI.getWorkbench();
			IWorkbenchWindow window = workbench.getActiveWorkbenchWindow();
			if (window == null && workbench.getWorkbenchWindowCount() > 0) {
				window = workbench.getWorkbenchWindows()[0]; // without a window manager it may never be "active"
			}
			return window != null && window.getActivePage() != null && window.getShell().isVisible() ? window : null;
		}, "the workbench window");
	}

	/** Polls {@code value} until it is not null, dispatching UI events in between; fails after the timeout. */
	static <T> T waitFor(Supplier<T> value, String what) {
		long deadline = System.currentTimeMillis() + TIMEOUT_MS;
		while (System.currentTimeMillis() < deadline) {
			T v = value.get();
			if (v != null) {
				return v;
			}
			dispatch(50);
		}
		T v = value.get();
		if (v == null) {
			fail("Timed out after " + TIMEOUT_MS + " ms waiting for " + what);
		}
		return v;
	}

	static void waitUntil(BooleanSupplier condition, String what) {
		waitFor(() -> condition.getAsBoolean() ? Boolean.TRUE : null, what);
	}

	/** Waits until no job of the family is scheduled or running. */
	static void waitForJobs(Object family, String what) {
		waitUntil(() -> Job.getJobManager().find(family).length == 0, what);
	}

	/** Dispatches UI events for a while. */
	static void dispatch(long millis) {
		Display display = Display.getCurrent();
		long end = System.currentTimeMillis() + millis;
		do {
			while (display.readAndDispatch()) {
				// all pending events
			}
			try {
				Thread.sleep(10);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		} while (System.currentTimeMillis() < end);
	}

	/** Saves the whole screen as a PNG into the screenshot folder (target/screenshots) and returns the file. */
	static File screenshot(String name) {
		dispatch(300);
		return screenshotNow(name);
	}

	/** Saves the whole screen as it is now, without dispatching events first. */
	static File screenshotNow(String name) {
		Display display = Display.getCurrent();
		Rectangle bounds = display.getBounds();
		Image image = new Image(display, bounds.width, bounds.height);
		GC gc = new GC(display);
		try {
			gc.copyArea(image, bounds.x, bounds.y);
		} finally {
			gc.dispose();
		}
		File dir = new File(System.getProperty("neurograph.screenshots", "target/screenshots"));
		dir.mkdirs();
		File file = new File(dir, name);
		try {
			ImageLoader loader = new ImageLoader();
			loader.data = new ImageData[] { image.getImageData() };
			loader.save(file.getAbsolutePath(), SWT.IMAGE_PNG);
		} finally {
			image.dispose();
		}
		return file;
	}
}
