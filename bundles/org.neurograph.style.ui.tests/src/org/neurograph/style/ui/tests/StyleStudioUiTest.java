package org.neurograph.style.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Scale;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neurograph.assets.NeurographProject;
import org.neurograph.style.StyleModelImporter;
import org.neurograph.style.ui.internal.StyleStudioView;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The style studio in the real workbench under Xvfb: the imported {@code mathura} style appears in the gallery, the
 * preview follows the strength slider, and the full-size render lands in the project's outputs.
 */
class StyleStudioUiTest {
	private static final long TIMEOUT_MS = 120_000;

	private static Path project;
	private static Path data;

	@BeforeAll
	static void projectWithAStyle() throws Exception {
		data = Path.of(System.getProperty("neurograph.shared.data", "missing")).resolve("style-models");
		if (!Files.isDirectory(data)) {
			fail("The shared test data '" + data + "' is missing: clone the repository with ../shared/data beside it.");
		}
		IProject p = NeurographProject.create("style-demo", null, new NullProgressMonitor());
		project = p.getLocation().toPath();
		var context = FrameworkUtil.getBundle(StyleStudioUiTest.class).getBundleContext();
		ServiceTracker<StyleModelImporter, StyleModelImporter> importer = new ServiceTracker<>(context,
				StyleModelImporter.class, null);
		importer.open();
		try {
			StyleModelImporter service = importer.waitForService(60_000);
			assertNotNull(service, "the style importer service is registered");
			service.importModel(data.resolve("mathura"), project, "mathura");
		} finally {
			importer.close();
		}
	}

	@Test
	void previewFollowsTheSliderAndTheRenderLandsInOutputs() throws Exception {
		Display display = Display.getCurrent();
		IWorkbenchPage page = waitFor(display, StyleStudioUiTest::page, "the workbench window");
		StyleStudioView view = (StyleStudioView) page.showView(StyleStudioView.ID);
		page.setPartState(page.findViewReference(StyleStudioView.ID), IWorkbenchPage.STATE_MAXIMIZED);
		view.openPhoto(data.resolve("reference/chelsea256.ppm"));
		waitFor(display, () -> galleryHas(view, "mathura"), "the mathura thumbnail");

		view.select("mathura");
		BufferedImage styled = waitFor(display, () -> view.styledPreview(), "the styled preview");
		assertEquals(256, styled.getWidth());
		Scale slider = view.strengthSlider();
		int full = view.shownPreview().getRGB(128, 128);
		move(slider, 40);
		int blended = view.shownPreview().getRGB(128, 128);
		int original = photoPixel(128, 128);
		for (int shift = 0; shift <= 16; shift += 8) {
			double expected = 0.6 * (original >> shift & 0xff) + 0.4 * (full >> shift & 0xff);
			assertEquals(expected, blended >> shift & 0xff, 1.5, "the preview follows the strength slider");
		}
		view.beforeAfter().setDivider(0.3);
		screenshot(display, "style-studio-preview.png");

		Job render = view.renderFullSize();
		assertNotNull(render);
		waitFor(display, () -> render.getResult(), "the render job");
		assertTrue(render.getResult().isOK(), render.getResult().toString());
		processEvents(display, 300);
		List<Path> pngs;
		try (Stream<Path> files = Files.walk(project.resolve("outputs"))) {
			pngs = files.filter(f -> f.toString().endsWith(".png")).toList();
		}
		assertEquals(1, pngs.size(), "one rendered image in outputs/");
		assertTrue(pngs.get(0).getFileName().toString().startsWith("chelsea256-mathura"));
		assertTrue(view.statusText().startsWith("Saved outputs"), view.statusText());
		screenshot(display, "style-studio-rendered.png");
	}

	private static int photoPixel(int x, int y) throws Exception {
		return org.neurograph.style.Images.read(data.resolve("reference/chelsea256.ppm")).getRGB(x, y);
	}

	private static Boolean galleryHas(StyleStudioView view, String name) {
		var button = view.galleryButtons().get(name);
		return button != null && button.getImage() != null ? Boolean.TRUE : null;
	}

	private static IWorkbenchPage page() {
		var workbench = PlatformUI.getWorkbench();
		var window = workbench.getActiveWorkbenchWindow();
		if (window == null && workbench.getWorkbenchWindowCount() > 0) {
			window = workbench.getWorkbenchWindows()[0];
		}
		return window == null || !window.getShell().isVisible() ? null : window.getActivePage();
	}

	private static void move(Scale slider, int position) {
		slider.setSelection(position);
		slider.notifyListeners(SWT.Selection, new Event());
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

	/** Saves the whole screen as a PNG in target/screenshots, to be looked at. */
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
