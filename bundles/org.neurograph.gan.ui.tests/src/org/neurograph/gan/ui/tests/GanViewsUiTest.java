package org.neurograph.gan.ui.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import javax.imageio.ImageIO;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspaceRoot;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neurograph.api.Generator;
import org.neurograph.api.ModelRef;
import org.neurograph.api.Progress;
import org.neurograph.api.Provenance;
import org.neurograph.api.training.Trainer;
import org.neurograph.api.training.TrainingRequest;
import org.neurograph.api.training.TrainingSession;
import org.neurograph.assets.GenerationRunner;
import org.neurograph.assets.NeurographProject;
import org.neurograph.assets.PngProvenance;
import org.neurograph.assets.ProvenanceJson;
import org.neurograph.gan.GanModel;
import org.neurograph.gan.GanOutputs;
import org.neurograph.gan.LatentDirections;
import org.neurograph.gan.LatentPlane;
import org.neurograph.gan.LatentTools;
import org.neurograph.gan.ui.internal.BreedingView;
import org.neurograph.gan.ui.internal.ExplorerView;
import org.neurograph.gan.ui.internal.GanAssets;
import org.neurograph.gan.ui.internal.GanImageHandler;
import org.neurograph.gan.ui.internal.InstallationMode;
import org.neurograph.gan.ui.internal.Lineage;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The latent explorer, the breeding view and the installation mode in the real workbench under Xvfb, on a project
 * with a tiny DCGAN trained for a few steps by the GAN trainer and two images made by the GAN generator.
 */
class GanViewsUiTest {
	private static final long TIMEOUT_MS = 180_000;

	private static Path project;
	private static Path modelFolder;
	private static GanModel direct;
	private static List<Path> generated;

	@BeforeAll
	static void projectWithATinyGan() throws Exception {
		IProject p = NeurographProject.create("gan-demo", null, new NullProgressMonitor());
		project = p.getLocation().toPath();
		Path dataset = project.resolve("datasets/shapes");
		Files.createDirectories(dataset);
		for (int i = 0; i < 48; i++) {
			ImageIO.write(shape(i), "png", dataset.resolve("shape-" + i + ".png").toFile());
		}
		BundleContext context = FrameworkUtil.getBundle(GanViewsUiTest.class).getBundleContext();
		Trainer trainer = service(context, Trainer.class, t -> t.info().id().equals("org.neurograph.gan.dcgan"));
		modelFolder = project.resolve("models/tiny");
		Files.createDirectories(modelFolder);
		Path run = Files.createTempDirectory("gan-ui-run");
		var params = trainer.parameters().resolve(Map.of("steps", "150", "imageSize", "32", "latentSize", "16",
				"batchSize", "16", "filters", "8", "learningRateG", "0.001", "learningRateD", "0.001", "sampleCount", "4"));
		try (TrainingSession s = trainer.open(new TrainingRequest(params, dataset, run, 3, Optional.empty()),
				Progress.none())) {
			while (!s.isFinished()) {
				s.trainStep();
			}
			s.exportModel(modelFolder);
		}
		direct = GanModel.load(modelFolder);
		Generator gan = service(context, Generator.class, g -> g.info().id().equals("org.neurograph.gan"));
		generated = GenerationRunner.run(gan, project, Map.of("outputSize", "64"), 2, 40, "tiny", Progress.none())
				.outputs();
		assertEquals(2, generated.size());
	}

	private static BufferedImage shape(int i) {
		BufferedImage img = new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = img.createGraphics();
		g.setColor(new Color(20 + i % 4 * 20, 30, 60 + i % 3 * 40));
		g.fillRect(0, 0, 40, 40);
		g.setColor(new Color(240 - i % 5 * 30, 200 - i % 3 * 50, 40 + i % 7 * 30));
		int s = 10 + i % 5 * 4;
		if (i % 2 == 0) {
			g.fillOval(20 - s / 2 + i % 3, 20 - s / 2, s, s);
		} else {
			g.fillRect(20 - s / 2, 20 - s / 2 + i % 3, s, s);
		}
		g.dispose();
		return img;
	}

	private static <S> S service(BundleContext context, Class<S> type, java.util.function.Predicate<S> which)
			throws InterruptedException {
		ServiceTracker<S, S> tracker = new ServiceTracker<>(context, type, null);
		tracker.open();
		long deadline = System.currentTimeMillis() + 60_000;
		while (System.currentTimeMillis() < deadline) {
			for (var ref : tracker.getServiceReferences() == null ? new org.osgi.framework.ServiceReference[0]
					: tracker.getServiceReferences()) {
				@SuppressWarnings("unchecked")
				S s = tracker.getService((org.osgi.framework.ServiceReference<S>) ref);
				if (s != null && which.test(s)) {
					return s;
				}
			}
			Thread.sleep(100);
		}
		fail("no " + type.getSimpleName() + " service of the GAN bundle is registered");
		return null;
	}

	@Test
	void theExplorerMovesByCoordinatesRendersWhatTheGeneratorRendersAndSavesACell() throws Exception {
		Display display = Display.getCurrent();
		IWorkbenchPage page = waitFor(display, GanViewsUiTest::page, "the workbench window");
		ExplorerView view = (ExplorerView) page.showView(ExplorerView.ID);
		page.setPartState(page.findViewReference(ExplorerView.ID), IWorkbenchPage.STATE_MAXIMIZED);
		assertEquals(List.of("gan-demo / tiny"), view.modelLabels(), "the project's GAN model is offered");
		waitFor(display, () -> view.ready() && view.renders() > 0 && !view.rendering() ? true : null, "the first grid");
		String centreName = project.relativize(generated.get(1)).toString();
		assertTrue(view.selectCentre(centreName), "the GAN images of the model are offered as centres");
		float[] centreOutput = PngProvenance.read(generated.get(1)).orElseThrow().latent();
		waitFor(display, () -> Arrays.equals(centreOutput, view.plane().centre()) && !view.rendering()
				&& Arrays.equals(view.gridLatents().get(12), centreOutput) ? true : null, "the grid around the image");
		List<BufferedImage> before = view.gridImages();
		assertEquals(25, before.size(), "a 5x5 grid");
		LatentPlane plane = view.plane();
		assertGridIsTheGenerators(view, 0, 0, 0.5);
		screenshot(display, "explorer-start.png");

		// one step right with the arrow key: the grid shifts by one column
		press(view, SWT.ARROW_RIGHT);
		waitFor(display, () -> view.gridPosition()[0] == 0.5 && !view.rendering() ? true : null, "the moved grid");
		List<BufferedImage> after = view.gridImages();
		assertFalse(samePixels(before.get(12), after.get(12)), "the grid changed");
		for (int row = 0; row < 5; row++) {
			for (int col = 0; col < 4; col++) {
				assertTrue(samePixels(before.get(row * 5 + col + 1), after.get(row * 5 + col)),
						"cell " + row + "," + col + " now shows what its right neighbour showed");
			}
		}
		assertGridIsTheGenerators(view, 0.5, 0, 0.5);
		System.out.println("explorer: 5x5 grid of 32x32 colour rendered in " + view.lastRenderMillis() + " ms");

		// quick moves: only the last place is shown
		int renders = view.renders();
		for (int i = 1; i <= 6; i++) {
			view.moveTo(0.5, -0.25 * i);
		}
		waitFor(display, () -> view.gridPosition()[1] == -1.5 && !view.rendering() ? true : null, "the last move");
		processEvents(display, 300);
		assertEquals(-1.5, view.gridPosition()[1]);
		assertTrue(view.renders() - renders < 6, "overtaken grids were dropped, not shown: "
				+ (view.renders() - renders) + " shown, " + view.staleRenders() + " dropped");
		view.setStep(0.75);
		waitFor(display, () -> view.gridPosition()[2] == 0.75 && !view.rendering() ? true : null, "the zoomed grid");
		assertGridIsTheGenerators(view, 0.5, -1.5, 0.75);
		screenshot(display, "explorer-moved.png");

		// save cell 7 (row 1, column 2) with Enter
		view.selectCell(7);
		press(view, SWT.CR);
		Path saved = waitFor(display, view::lastSaved, "the saved cell");
		assertTrue(saved.startsWith(project.resolve("outputs")), saved.toString());
		assertTrue(Files.isRegularFile(ProvenanceJson.sidecarOf(saved)), "the provenance sidecar");
		Provenance p = PngProvenance.read(saved).orElseThrow();
		float[] expected = plane.at(0.5, -1.5 - 0.75);
		assertArrayEquals(expected, p.latent(), "the latent of cell 7 is recorded");
		assertEquals("0.5", p.parameters().get("explorer.x"));
		assertEquals("-2.25", p.parameters().get("explorer.y"));
		assertArrayEquals(plane.dirX(), LatentPlane.parse(p.parameters().get("explorer.dirX")));
		assertArrayEquals(plane.dirY(), LatentPlane.parse(p.parameters().get("explorer.dirY")));
		assertArrayEquals(plane.centre(), LatentPlane.parse(p.parameters().get("explorer.centreLatent")));
		assertEquals(List.of(centreName), p.parents(), "the centre image is the parent");
		assertEquals("tiny", p.modelName());
		ModelRef ref = GanOutputs.modelRef("tiny", modelFolder);
		assertEquals(ref.sha256(), p.modelSha256());
		assertEquals(ProvenanceJson.readSidecar(generated.get(0)).orElseThrow().modelSha256(), p.modelSha256(),
				"the same model hash as the generator's outputs");
		BufferedImage file = ImageIO.read(saved.toFile());
		BufferedImage again = ImageIO.read(new java.io.ByteArrayInputStream(GanOutputs.regenerate(direct, ref, p).data()));
		assertEquals(256, file.getWidth(), "saved at the generator's default output size");
		assertTrue(samePixels(file, again), "the generator makes the saved cell again, bit for bit");
		assertTrue(view.status().startsWith("Saved outputs/"), view.status());

		// principal directions: the plane of the model's two main modes of variation
		view.setPrincipalDirections(true);
		List<double[]> pcs = LatentDirections.principal(direct, 256, view.directionSeed(), 2);
		LatentPlane principal = LatentPlane.through(plane.centre(), pcs.get(0), pcs.get(1));
		waitFor(display, () -> principal.equals(view.plane()) && !view.rendering()
				&& Arrays.equals(view.gridLatents().get(0), principal.at(-2 * 0.75, -2 * 0.75)) ? true : null,
				"the grid of the principal directions");
		assertGridIsTheGenerators(view, 0, 0, 0.75);
		screenshot(display, "explorer-principal.png");
	}

	private static void assertGridIsTheGenerators(ExplorerView view, double x, double y, double step) {
		LatentPlane plane = view.plane();
		List<float[]> latents = view.gridLatents();
		List<float[]> expected = new ArrayList<>();
		for (int row = 0; row < 5; row++) {
			for (int col = 0; col < 5; col++) {
				expected.add(plane.at(x + (col - 2) * step, y + (row - 2) * step));
			}
		}
		List<BufferedImage> rendered = direct.render(expected);
		for (int i = 0; i < 25; i++) {
			assertArrayEquals(expected.get(i), latents.get(i), "the latent of cell " + i);
			assertTrue(samePixels(rendered.get(i), view.gridImages().get(i)),
					"cell " + i + " is the generator's image of its latent");
		}
	}

	@Test
	void breedingShowsChildrenAndEachPickExtendsTheLineage() throws Exception {
		Display display = Display.getCurrent();
		IWorkbenchPage page = waitFor(display, GanViewsUiTest::page, "the workbench window");
		PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand("org.neurograph.gan.ui.commands.breeding",
				null);
		BreedingView view = (BreedingView) page.findView(BreedingView.ID);
		assertNotNull(view, "the Breeding command opens the view");
		page.setPartState(page.findViewReference(BreedingView.ID), IWorkbenchPage.STATE_MAXIMIZED);
		String a = project.relativize(generated.get(0)).toString();
		String b = project.relativize(generated.get(1)).toString();
		waitFor(display, () -> view.childImages().size() == 9 && !view.rendering() ? true : null, "the children");
		view.setParents(a, b);
		view.setBlend(0.5, 0.3);
		waitFor(display, () -> !view.rendering()
				&& view.status().startsWith("Children of " + a + " and " + b + ", ratio 0.50, mutation 0.30") ? true : null,
				"the children of a and b at 0.5 / 0.3");
		float[] za = PngProvenance.read(generated.get(0)).orElseThrow().latent();
		float[] zb = PngProvenance.read(generated.get(1)).orElseThrow().latent();
		float[] blend = LatentTools.breed(za, zb, 0.5);
		List<BufferedImage> kids = view.childImages();
		for (int i = 0; i < 9; i++) {
			float[] child = LatentTools.mutate(blend, 0.3, view.childSeed() + i);
			assertArrayEquals(child, view.childLatents().get(i), "child " + i + " as the breeding generator makes it");
			assertTrue(samePixels(direct.render(child), kids.get(i)), "child " + i + " rendered");
		}
		assertFalse(samePixels(kids.get(0), kids.get(1)), "the children differ");
		screenshot(display, "breeding-children.png");

		view.setBlend(0, 0);
		waitFor(display, () -> !view.rendering() && view.status().contains("ratio 0.00, mutation 0.00") ? true : null,
				"unmutated children of ratio 0");
		assertTrue(samePixels(direct.render(za), view.childImages().get(3)), "ratio 0 without mutation is parent A");
		view.setBlend(0.5, 0.3);
		waitFor(display, () -> !view.rendering() && view.status().contains("ratio 0.50") ? true : null, "the children");

		view.selectChild(4);
		float[] picked = view.childLatents().get(4);
		Job job = view.pickSelected();
		assertNotNull(job);
		String first = waitFor(display, view::lastPicked, "the first pick");
		Provenance p = PngProvenance.read(project.resolve(first)).orElseThrow();
		assertEquals(List.of(a, b), p.parents(), "the pick names both parents");
		assertArrayEquals(picked, p.latent());
		assertEquals(first, view.parents()[0], "the pick becomes parent A");
		Lineage lineage = view.lineage();
		assertTrue(lineage.node(first).picked());
		assertTrue(hasEdge(lineage, a, first) && hasEdge(lineage, b, first), "edges from both parents");
		int firstGen = lineage.generations().get(first);
		assertEquals(1, firstGen);

		waitFor(display, () -> !view.rendering() && view.status().startsWith("Children of " + first) ? true : null,
				"the children of the pick");
		view.selectChild(0);
		view.pickSelected();
		String second = waitFor(display, () -> first.equals(view.lastPicked()) ? null : view.lastPicked(), "the second pick");
		assertEquals(List.of(first, b), PngProvenance.read(project.resolve(second)).orElseThrow().parents());
		assertTrue(hasEdge(view.lineage(), first, second), "the lineage grows by the second pick");
		assertEquals(2, view.lineage().generations().get(second));
		assertTrue(view.lineage().nodes().stream().map(Lineage.Node::name).toList().containsAll(List.of(a, b, first, second)),
				"two parents and two picks");
		processEvents(display, 500);
		assertTrue(view.lineageBoxes().containsKey(second), "the graph draws the second pick");
		assertTrue(view.lineageBoxes().get(second).y > view.lineageBoxes().get(first).y, "a generation lower");
		screenshot(display, "breeding-lineage.png");
	}

	/**
	 * The gallery's context menu on a GAN image offers "Explore from Here" and "Breed from Here", which open the views
	 * on that image; an image the GAN did not make is refused with the reason.
	 */
	@Test
	void theGalleryContextMenuOpensTheViewsOnAGanImage() throws Exception {
		Display display = Display.getCurrent();
		IWorkbenchPage page = waitFor(display, GanViewsUiTest::page, "the workbench window");
		IWorkspaceRoot root = ResourcesPlugin.getWorkspace().getRoot();
		root.getProject("gan-demo").refreshLocal(IResource.DEPTH_INFINITE, null);
		IFile image = root.getFileForLocation(IPath.fromPath(generated.get(0)));
		assertNotNull(image);
		String name = project.relativize(generated.get(0)).toString();
		float[] latent = PngProvenance.read(generated.get(0)).orElseThrow().latent();

		IViewPart gallery = page.showView("org.neurograph.ui.gallery");
		gallery.getSite().getSelectionProvider().setSelection(new StructuredSelection(image));
		page.activate(gallery);
		gallery.setFocus();
		processEvents(display, 200);
		Control grid = display.getFocusControl();
		assertNotNull(grid.getMenu(), "the gallery has a context menu");
		Menu menu = grid.getMenu();
		menu.notifyListeners(SWT.Show, new Event());
		processEvents(display, 100);
		List<String> labels = Arrays.stream(menu.getItems()).map(i -> i.getText().replace("&", "")).toList();
		assertTrue(labels.stream().anyMatch(l -> l.startsWith("Explore from Here")), labels.toString());
		assertTrue(labels.stream().anyMatch(l -> l.startsWith("Breed from Here")), labels.toString());
		MenuItem explore = Arrays.stream(menu.getItems()).filter(i -> i.getText().replace("&", "")
				.startsWith("Explore from Here")).findFirst().orElseThrow();
		menu.notifyListeners(SWT.Hide, new Event());
		explore.notifyListeners(SWT.Selection, new Event());
		ExplorerView explorer = waitFor(display, () -> (ExplorerView) page.findView(ExplorerView.ID), "the explorer");
		waitFor(display, () -> explorer.ready() && explorer.plane() != null
				&& Arrays.equals(latent, explorer.plane().centre()) && !explorer.rendering()
				&& explorer.gridLatents().size() > 12 && Arrays.equals(latent, explorer.gridLatents().get(12))
				&& explorer.gridPosition()[0] == 0 && explorer.gridPosition()[1] == 0 ? true : null,
				"the explorer's grid centred on the image");
		screenshot(display, "explore-from-here.png");

		gallery.getSite().getSelectionProvider().setSelection(new StructuredSelection(image));
		page.activate(gallery);
		PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand(
				"org.neurograph.gan.ui.commands.breedImage", null);
		BreedingView breeding = waitFor(display, () -> (BreedingView) page.findView(BreedingView.ID), "breeding");
		waitFor(display, () -> !breeding.rendering() && name.equals(breeding.parents()[0])
				&& name.equals(breeding.parents()[1]) && breeding.status().startsWith("Children of " + name)
				? true : null, "the children of the image");
		float[] child = LatentTools.mutate(LatentTools.breed(latent, latent, breeding.ratio()), breeding.mutation(),
				breeding.childSeed());
		assertArrayEquals(child, breeding.childLatents().get(0), "children of the one image");
		screenshot(display, "breed-from-here.png");

		IFile notGan = root.getFileForLocation(IPath.fromPath(project.resolve("datasets/shapes/shape-0.png")));
		GanImageHandler.Target refused = GanImageHandler.target(notGan);
		assertEquals(null, refused.model());
		assertTrue(refused.problem().contains("datasets/shapes/shape-0.png was not made by the image GAN"),
				refused.problem());
		assertEquals(GanAssets.models().stream().filter(m -> m.name().equals("tiny")).findFirst().orElseThrow(),
				GanImageHandler.target(image).model());
	}

	private static boolean hasEdge(Lineage lineage, String parent, String child) {
		return lineage.edges().stream().anyMatch(e -> e[0].equals(parent) && e[1].equals(child));
	}

	@Test
	void theInstallationModeWalksFullScreenAndEscLeavesIt() throws Exception {
		Display display = Display.getCurrent();
		IWorkbenchPage page = waitFor(display, GanViewsUiTest::page, "the workbench window");
		ExplorerView view = (ExplorerView) page.showView(ExplorerView.ID);
		waitFor(display, () -> view.ready() ? true : null, "the explorer's model");
		view.setTempo(0.5);
		InstallationMode mode = view.startInstallation();
		assertNotNull(mode);
		waitFor(display, () -> mode.imagesShown() >= 1 ? true : null, "the first image");
		Rectangle screen = display.getPrimaryMonitor().getBounds();
		assertEquals(screen, mode.shell().getBounds(), "the installation covers the screen");
		float[] start = mode.currentLatent();
		assertArrayEquals(view.plane().centre(), start, "the walk starts at the explorer's centre");
		var look = GanOutputs.PARAMETERS.resolve(Map.of("outputSize", "256", "upscaling", "bicubic"));
		assertTrue(samePixels(GanOutputs.image(direct, start, look), mode.currentImage()),
				"the first image is the explorer's centre's, enlarged smoothly");
		waitFor(display, () -> mode.imagesShown() >= 3 ? true : null, "two more images at a tempo of half a second");
		assertTrue(mode.framesShown() > mode.imagesShown(), "the walk glides through frames between images");
		float[] now = mode.currentLatent();
		assertFalse(Arrays.equals(start, now), "the walk moved on");
		assertTrue(samePixels(GanOutputs.image(direct, now, look), mode.currentImage()), "the image shown is the walk's");
		assertFalse(samePixels(GanOutputs.image(direct, start, look), mode.currentImage()), "a new image is shown");
		assertEquals(1, mode.liveImages(), "only the image on the screen holds an SWT image");
		screenshot(display, "installation.png");

		mode.shell().forceActive();
		processEvents(display, 200);
		Event down = new Event();
		down.type = SWT.KeyDown;
		down.keyCode = SWT.ESC;
		down.character = SWT.ESC;
		display.post(down);
		Event up = new Event();
		up.type = SWT.KeyUp;
		up.keyCode = SWT.ESC;
		up.character = SWT.ESC;
		display.post(up);
		waitFor(display, () -> mode.isOpen() ? null : true, "Esc to close the installation");
		assertEquals(0, mode.liveImages(), "every image is disposed");
		processEvents(display, 300);
		screenshot(display, "installation-closed.png");
	}

	private static void press(ExplorerView view, int keyCode) {
		Event e = new Event();
		e.keyCode = keyCode;
		e.character = keyCode == SWT.CR ? '\r' : 0;
		e.doit = true;
		view.gridWidget().notifyListeners(SWT.KeyDown, e);
	}

	private static boolean samePixels(BufferedImage a, ImageData b) {
		if (a.getWidth() != b.width || a.getHeight() != b.height) {
			return false;
		}
		for (int y = 0; y < a.getHeight(); y++) {
			for (int x = 0; x < a.getWidth(); x++) {
				var rgb = b.palette.getRGB(b.getPixel(x, y));
				if ((a.getRGB(x, y) & 0xffffff) != (rgb.red << 16 | rgb.green << 8 | rgb.blue)) {
					return false;
				}
			}
		}
		return true;
	}

	private static boolean samePixels(BufferedImage a, BufferedImage b) {
		if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
			return false;
		}
		for (int y = 0; y < a.getHeight(); y++) {
			for (int x = 0; x < a.getWidth(); x++) {
				if ((a.getRGB(x, y) & 0xffffff) != (b.getRGB(x, y) & 0xffffff)) {
					return false;
				}
			}
		}
		return true;
	}

	private static IWorkbenchPage page() {
		var workbench = PlatformUI.getWorkbench();
		var window = workbench.getActiveWorkbenchWindow();
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
			processEvents(display, 30);
			value = condition.get();
		}
		return value;
	}

	private static void processEvents(Display display, long millis) {
		long end = System.currentTimeMillis() + millis;
		do {
			while (display.readAndDispatch() && System.currentTimeMillis() < end) {
				// dispatch what is pending (a busy display never keeps the test from checking its deadline)
			}
			try {
				Thread.sleep(5);
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
