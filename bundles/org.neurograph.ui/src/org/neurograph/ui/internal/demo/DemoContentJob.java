package org.neurograph.ui.internal.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.neurograph.api.AssetKind;
import org.neurograph.api.CancelledException;
import org.neurograph.api.GenerationException;
import org.neurograph.api.Generator;
import org.neurograph.assets.DatasetImporter;
import org.neurograph.assets.GenerationRunner;
import org.neurograph.ui.NeurographUi;
import org.neurograph.ui.internal.Projects;
import org.neurograph.ui.internal.Statuses;
import org.neurograph.ui.internal.gallery.GalleryView;
import org.neurograph.ui.internal.generators.GeneratorRegistry;
import org.neurograph.assets.MonitorProgress;

/**
 * Fills a new demo project: the image dataset {@code datasets/shapes}, painted into a temporary folder and imported
 * like any user's dataset, and four works of the example flow-field generator if that plugin is installed.
 */
final class DemoContentJob extends Job {
	static final String DATASET = "shapes";
	static final String EXAMPLE_GENERATOR = "org.neurograph.examples.flowfield";
	private static final List<String> PALETTES = List.of("ember", "ocean", "dusk", "forest");
	private static final long GENERATOR_WAIT_MILLIS = 15_000;

	private final IProject project;

	DemoContentJob(IProject project) {
		super("Preparing the demo project");
		this.project = project;
	}

	@Override
	public boolean belongsTo(Object family) {
		return family == DemoProject.JOB_FAMILY;
	}

	@Override
	protected IStatus run(IProgressMonitor monitor) {
		SubMonitor progress = SubMonitor.convert(monitor, getName(), 10);
		Optional<Path> dir = Projects.location(project);
		if (dir.isEmpty()) {
			return Status.OK_STATUS;
		}
		try {
			importShapes(dir.get(), progress.newChild(2));
			List<Path> outputs = generateOutputs(dir.get(), progress.newChild(7));
			refresh(progress.newChild(1));
			showInGallery(outputs);
			return Status.OK_STATUS;
		} catch (CancelledException e) {
			return Status.CANCEL_STATUS;
		} catch (GenerationException | IOException | RuntimeException e) {
			Statuses.log(IStatus.WARNING, "The demo project is incomplete: " + Statuses.describe(e), e);
			refresh(progress.newChild(1));
			return Status.OK_STATUS;
		}
	}

	private void importShapes(Path projectDir, IProgressMonitor monitor) throws IOException, CancelledException {
		Path temp = Files.createTempDirectory("neurograph-shapes");
		try {
			ShapesPainter.paintAll(temp);
			new DatasetImporter().importDataset(projectDir, DATASET, AssetKind.IMAGE_DATASET, List.of(temp),
					new MonitorProgress(monitor));
		} finally {
			deleteTree(temp);
		}
	}

	/** Paints the example works; returns their files (none if the example generator is not installed). */
	private List<Path> generateOutputs(Path projectDir, IProgressMonitor monitor) throws GenerationException, IOException {
		SubMonitor progress = SubMonitor.convert(monitor, "Painting example works", PALETTES.size() + 1);
		progress.subTask("Waiting for the example generator");
		Optional<Generator> generator = GeneratorRegistry.await(EXAMPLE_GENERATOR, GENERATOR_WAIT_MILLIS, progress::isCanceled);
		progress.worked(1);
		if (generator.isEmpty()) {
			return List.of(); // the example plugin is not installed: the demo has a dataset only
		}
		List<Path> outputs = new ArrayList<>();
		long seed = 7;
		for (String palette : PALETTES) {
			Map<String, String> params = Map.of("width", "320", "height", "320", "palette", palette);
			outputs.addAll(GenerationRunner.run(generator.get(), projectDir, params, 1, seed++, null,
					new MonitorProgress(progress.newChild(1))).outputs());
		}
		return outputs;
	}

	/** A new user's gallery shows the demo works, unless it already shows something else. */
	private static void showInGallery(List<Path> outputs) {
		if (outputs.isEmpty() || !PlatformUI.isWorkbenchRunning()) {
			return;
		}
		Display display = PlatformUI.getWorkbench().getDisplay();
		display.asyncExec(() -> {
			IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
			IWorkbenchPage page = window == null ? null : window.getActivePage();
			if (page != null && page.findView(NeurographUi.GALLERY_VIEW_ID) instanceof GalleryView gallery
					&& gallery.folder().isEmpty()) {
				GalleryView.showOutputs(page, outputs);
			}
		});
	}

	private void refresh(IProgressMonitor monitor) {
		try {
			project.refreshLocal(IResource.DEPTH_INFINITE, monitor);
		} catch (CoreException e) {
			Statuses.log(IStatus.WARNING, "Could not refresh the demo project: " + e.getMessage(), e);
		}
	}

	private static void deleteTree(Path root) {
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(p);
			}
		} catch (IOException e) {
			Statuses.log(IStatus.WARNING, "Could not delete the temporary folder " + root + ": " + e.getMessage(), e);
		}
	}
}
