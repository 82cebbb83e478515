package org.neurograph.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.IJobChangeListener;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.navigator.CommonNavigator;
import org.eclipse.ui.views.properties.IPropertySource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.neurograph.api.AssetKind;
import org.neurograph.assets.NeurographProject;
import org.neurograph.ui.NeurographUi;
import org.neurograph.ui.internal.demo.DemoProject;
import org.neurograph.ui.internal.gallery.GalleryView;
import org.neurograph.ui.internal.gallery.ImageViewerEditor;
import org.neurograph.ui.internal.generators.GenerateJob;
import org.neurograph.ui.internal.generators.GeneratorPanelView;
import org.neurograph.ui.internal.generators.ParameterField;
import org.neurograph.ui.internal.generators.ParameterForm;
import org.neurograph.ui.internal.properties.ProvenancePropertySource;

/**
 * The Neurograph workbench as a user meets it, run in its UI thread under Xvfb: the demo project, the generator
 * panel with inline validation, a generation as a job whose output lands in outputs/ and shows in the gallery, its
 * provenance in the Properties view, and the text and image viewers.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkbenchUiTest {
	private static final String FLOWFIELD = "org.neurograph.examples.flowfield";

	@Test
	@Order(1)
	void projectExplorerShowsTheDemoProject() throws Exception {
		IWorkbenchWindow window = Ui.window();
		IWorkbenchPage page = window.getActivePage();
		assertEquals(NeurographUi.PERSPECTIVE_ID, page.getPerspective().getId());
		assertEquals("Neurograph", window.getShell().getText());

		CommonNavigator explorer = assertInstanceOf(CommonNavigator.class, page.showView(IPageLayout.ID_PROJECT_EXPLORER));
		Tree tree = explorer.getCommonViewer().getTree();
		TreeItem item = Ui.waitFor(() -> Arrays.stream(tree.getItems())
				.filter(i -> NeurographUi.DEMO_PROJECT.equals(i.getText())).findFirst().orElse(null),
				"the demo project in the Project Explorer");
		IProject project = DemoProject.handle();
		assertEquals(project, item.getData());
		assertTrue(NeurographProject.isNeurographProject(project), "the demo project has the Neurograph nature");
		assertNotNull(item.getImage(), "project icon");

		Ui.waitForJobs(DemoProject.JOB_FAMILY, "the demo project's dataset and outputs");
		IFolder shapes = project.getFolder("datasets/shapes");
		assertTrue(shapes.getFile("dataset.json").exists(), "the demo dataset was imported (dataset.json)");
		assertEquals(12, Arrays.stream(shapes.members()).filter(r -> "png".equals(r.getFileExtension())).count(),
				"the demo dataset has 12 images");
		assertFalse(outputs(project).isEmpty(), "the demo project has outputs of the example generator");

		explorer.getCommonViewer().expandToLevel(project, 1);
		TreeItem datasets = Ui.waitFor(() -> Arrays.stream(item.getItems())
				.filter(i -> "datasets".equals(i.getText())).findFirst().orElse(null), "datasets/ in the tree");
		Image folderIcon = PlatformUI.getWorkbench().getSharedImages().getImage(ISharedImages.IMG_OBJ_FOLDER);
		assertNotNull(datasets.getImage());
		assertNotSame(folderIcon, datasets.getImage(), "datasets/ has its own icon, not the plain folder's");
		explorer.getCommonViewer().expandToLevel(project.getFolder("datasets"), 1);
		TreeItem shapesItem = Ui.waitFor(() -> Arrays.stream(datasets.getItems())
				.filter(i -> i.getText().startsWith("shapes")).findFirst().orElse(null), "datasets/shapes in the tree");
		assertNotSame(folderIcon, shapesItem.getImage(), "the image dataset has its own icon");
		assertNotSame(datasets.getImage(), shapesItem.getImage(), "a dataset's icon differs from the datasets folder's");
		Ui.screenshot("01-demo-project.png");
	}

	@Test
	@Order(2)
	void generatorPanelValidatesInlineAndGenerates() throws Exception {
		IWorkbenchPage page = Ui.window().getActivePage();
		GeneratorPanelView panel = (GeneratorPanelView) page.showView(NeurographUi.GENERATOR_PANEL_VIEW_ID);
		Ui.waitFor(() -> {
			panel.showGenerator(FLOWFIELD);
			return panel.generator().orElse(null);
		}, "the flow-field generator in the panel");
		ParameterForm form = panel.form().orElseThrow();
		ParameterField width = form.field("width").orElseThrow();

		width.setValue("5");
		Ui.dispatch(100);
		assertTrue(width.message().contains("out of range"), "inline message for 5: " + width.message());
		assertFalse(panel.canGenerate(), "Generate is disabled while a value is invalid");
		assertFalse(panel.generateButton().isEnabled());
		width.setValue("wide");
		assertTrue(width.message().contains("not a whole number"), "inline message for 'wide': " + width.message());
		Ui.screenshot("02-inline-validation.png");

		width.setValue("128");
		form.field("height").orElseThrow().setValue("128");
		assertEquals("", width.message(), "no message for a valid value");
		panel.selectProject(NeurographUi.DEMO_PROJECT);
		panel.setCountAndSeed(1, 42);
		assertTrue(panel.canGenerate(), "Generate is enabled once every value is valid");

		AtomicReference<GenerateJob> scheduled = new AtomicReference<>();
		IJobChangeListener listener = new JobChangeAdapter() {
			@Override
			public void scheduled(IJobChangeEvent event) {
				if (event.getJob() instanceof GenerateJob generation) {
					scheduled.set(generation);
				}
			}
		};
		Job.getJobManager().addJobChangeListener(listener);
		try {
			panel.generateButton().notifyListeners(SWT.Selection, null);
		} finally {
			Job.getJobManager().removeJobChangeListener(listener);
		}
		GenerateJob job = scheduled.get();
		assertNotNull(job, "Generate schedules a generation job");
		assertTrue(job.isUser(), "a user job, shown in the Progress view");
		Ui.waitForJobs(GenerateJob.FAMILY, "the generation to finish");
		assertEquals(IStatus.OK, job.getResult().getSeverity(), "generation result: " + job.getResult());

		assertEquals(1, job.outputs().size(), "one work");
		Path output = job.outputs().get(0);
		Path outputsDir = DemoProject.handle().getLocation().toPath().resolve(AssetKind.OUTPUT.folder());
		assertTrue(output.startsWith(outputsDir), output + " is under outputs/");
		assertTrue(Files.size(output) > 0, "the PNG exists and is not empty");

		IFile file = DemoProject.handle().getWorkspace().getRoot().getFileForLocation(IPath.fromPath(output));
		GalleryView gallery = (GalleryView) page.findView(NeurographUi.GALLERY_VIEW_ID);
		Ui.waitUntil(() -> gallery.files().contains(file) && gallery.hasThumbnail(file), "the new work in the gallery");
		assertEquals(file, gallery.selection().orElse(null), "the gallery selects the new work");
		assertEquals(file.getParent(), gallery.folder().orElse(null), "the gallery shows the day's output folder");

		IPropertySource properties = Adapters.adapt(file, IPropertySource.class);
		assertInstanceOf(ProvenancePropertySource.class, properties, "the Properties view shows the provenance");
		assertEquals(FLOWFIELD, properties.getPropertyValue("generator"));
		assertEquals("42", properties.getPropertyValue("seed"));
		assertEquals("128", properties.getPropertyValue("param.width"));

		page.activate(gallery);
		gallery.select(file);
		page.showView(IPageLayout.ID_PROP_SHEET, null, IWorkbenchPage.VIEW_VISIBLE);
		Ui.screenshot("03-generated.png");
	}

	@Test
	@Order(3)
	void plainFilesKeepTheResourceProperties() throws Exception {
		IFile json = DemoProject.handle().getFile("datasets/shapes/dataset.json");
		IPropertySource properties = Adapters.adapt(json, IPropertySource.class);
		assertNotNull(properties, "a plain file still has properties");
		assertFalse(properties instanceof ProvenancePropertySource, "but no provenance");
	}

	@Test
	@Order(4)
	void textAndImagesOpenInTheirViewers() throws Exception {
		IWorkbenchPage page = Ui.window().getActivePage();
		IProject project = DemoProject.handle();
		IFile tune = project.getFile("outputs/tune.abc");
		tune.create("X:1\nT:Test\nK:C\nCDEF|\n".getBytes(StandardCharsets.UTF_8), true, false, null);
		IFile json = project.getFile("datasets/shapes/dataset.json");
		assertEquals("org.eclipse.ui.DefaultTextEditor", IDE.openEditor(page, json).getSite().getId(), "JSON opens as text");
		// the workbench feature's music.ui opens tunes in its tune editor (Open With > Text Editor edits them)
		assertEquals("org.neurograph.music.ui.tuneEditor", IDE.openEditor(page, tune).getSite().getId(), "a tune");
		IFile image = outputs(project).get(0);
		ImageViewerEditor viewer = assertInstanceOf(ImageViewerEditor.class, IDE.openEditor(page, image));
		Ui.waitFor(viewer::image, "the image in the viewer");
		Ui.screenshot("04-viewers.png");
		page.closeAllEditors(false);
		tune.delete(true, null);
	}

	private static List<IFile> outputs(IProject project) throws Exception {
		List<IFile> files = new ArrayList<>();
		project.getFolder(AssetKind.OUTPUT.folder()).accept(r -> {
			if (r instanceof IFile f && "png".equals(f.getFileExtension())) {
				files.add(f);
			}
			return true;
		});
		return files;
	}
}
