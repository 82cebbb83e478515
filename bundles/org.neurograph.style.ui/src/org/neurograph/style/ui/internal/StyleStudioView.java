package org.neurograph.style.ui.internal;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Scale;
import org.eclipse.ui.part.ViewPart;
import org.neurograph.api.Artifact;
import org.neurograph.api.Provenance;
import org.neurograph.assets.AssetCatalog;
import org.neurograph.assets.OutputStore;
import org.neurograph.runtime.onnx.OnnxRuntime;
import org.neurograph.style.FastStyleGenerator;
import org.neurograph.style.Images;
import org.neurograph.style.StyleModel;
import org.neurograph.style.StyleModelException;
import org.neurograph.style.StyleModelImporter;
import org.neurograph.style.StyleOptions;
import org.neurograph.style.Stylizer;
import org.neurograph.assets.MonitorProgress;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The style studio: a gallery of the workspace's imported styles (a thumbnail each), a before/after view of the
 * photo with a draggable divider, a strength slider and a keep-colours switch whose preview updates live (the model
 * runs once per style on a low-resolution copy; moving the slider only blends), and a full-resolution render that
 * runs as a Job with progress and lands in the style's project under {@code outputs/} with its provenance.
 */
public class StyleStudioView extends ViewPart {

	/** The view's id. */
	public static final String ID = "org.neurograph.style.ui.studio";

	private static final int PREVIEW_SIDE = 384;
	private static final int THUMBNAIL_SIDE = 64;

	private final Map<String, BufferedImage> styledPreviews = new HashMap<>();
	private final Map<String, Button> galleryButtons = new LinkedHashMap<>();
	private ServiceTracker<OnnxRuntime, OnnxRuntime> onnx;
	private ServiceTracker<StyleModelImporter, StyleModelImporter> importer;

	private Composite gallery;
	private BeforeAfterCanvas canvas;
	private Scale strength;
	private Button keepColours;
	private Button render;
	private Label status;

	private Path photoFile;
	private BufferedImage preview;
	private StyleCatalog.Style selected;
	private BufferedImage shown;

	@Override
	public void createPartControl(Composite parent) {
		var context = FrameworkUtil.getBundle(StyleStudioView.class).getBundleContext();
		onnx = new ServiceTracker<>(context, OnnxRuntime.class, null);
		onnx.open();
		importer = new ServiceTracker<>(context, StyleModelImporter.class, null);
		importer.open();

		parent.setLayout(new GridLayout(1, false));
		Composite actions = new Composite(parent, SWT.NONE);
		actions.setLayout(new RowLayout());
		button(actions, "Open Photo...", this::choosePhoto);
		button(actions, "Import Style...", this::chooseStyleToImport);
		button(actions, "Refresh Styles", this::refreshGallery);

		gallery = new Composite(parent, SWT.NONE);
		gallery.setLayout(new RowLayout());
		gallery.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));

		canvas = new BeforeAfterCanvas(parent);
		GridData canvasData = new GridData(SWT.FILL, SWT.FILL, true, true);
		canvasData.heightHint = 240;
		canvasData.minimumHeight = 160;
		canvas.setLayoutData(canvasData);

		Composite controls = new Composite(parent, SWT.NONE);
		controls.setLayout(new GridLayout(5, false));
		controls.setLayoutData(new GridData(SWT.FILL, SWT.BOTTOM, true, false));
		new Label(controls, SWT.NONE).setText("Strength");
		strength = new Scale(controls, SWT.HORIZONTAL);
		strength.setMinimum(0);
		strength.setMaximum(100);
		strength.setSelection(100);
		strength.setLayoutData(new GridData(200, SWT.DEFAULT));
		strength.addListener(SWT.Selection, e -> showPreview());
		keepColours = new Button(controls, SWT.CHECK);
		keepColours.setText("Keep photo's colours");
		keepColours.addListener(SWT.Selection, e -> showPreview());
		render = button(controls, "Render Full Size", this::renderFullSize);
		render.setEnabled(false);
		status = new Label(controls, SWT.NONE);
		status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		refreshGallery();
	}

	@Override
	public void setFocus() {
		canvas.setFocus();
	}

	@Override
	public void dispose() {
		onnx.close();
		importer.close();
		galleryButtons.values().forEach(b -> {
			if (b.getImage() != null) {
				b.getImage().dispose();
			}
		});
		super.dispose();
	}

	/** Opens {@code file} as the photo to style. */
	public void openPhoto(Path file) {
		try {
			BufferedImage image = Images.read(file);
			photoFile = file;
			preview = fit(image, PREVIEW_SIDE);
			styledPreviews.clear();
			setStatus(file.getFileName() + ": " + image.getWidth() + " x " + image.getHeight());
			if (selected != null) {
				select(selected.name());
			} else {
				showPreview();
			}
		} catch (IOException e) {
			MessageDialog.openError(getSite().getShell(), "Open Photo", e.getMessage());
		}
	}

	/** Chooses the style called {@code name} (as a click on its thumbnail does). */
	public void select(String name) {
		StyleCatalog.Style style = StyleCatalog.styles().stream().filter(s -> s.name().equals(name)).findFirst()
				.orElse(null);
		selected = style;
		galleryButtons.forEach((n, b) -> b.setSelection(n.equals(name)));
		render.setEnabled(style != null && photoFile != null);
		if (style == null || preview == null) {
			showPreview();
			return;
		}
		if (styledPreviews.containsKey(style.name())) {
			showPreview();
			return;
		}
		setStatus("Styling the preview with '" + style.name() + "'...");
		BufferedImage source = preview;
		Job job = Job.create("Style preview: " + style.name(), monitor -> {
			try {
				BufferedImage styled = stylizer(style).apply(source, StyleOptions.DEFAULT, new MonitorProgress(monitor));
				asyncUi(() -> {
					if (source == preview) {
						styledPreviews.put(style.name(), styled);
						setStatus("Preview: " + style.name());
						showPreview();
					}
				});
				return Status.OK_STATUS;
			} catch (StyleModelException | org.neurograph.api.CancelledException e) {
				asyncUi(() -> setStatus(e.getMessage()));
				return Status.OK_STATUS;
			}
		});
		job.schedule();
	}

	/** The strength slider (0..100). */
	public Scale strengthSlider() {
		return strength;
	}

	/** The before/after view. */
	public BeforeAfterCanvas beforeAfter() {
		return canvas;
	}

	/** The gallery's thumbnails by style name. */
	public Map<String, Button> galleryButtons() {
		return galleryButtons;
	}

	/** The styled low-resolution preview of the selected style at full strength, or null while it is computed. */
	public BufferedImage styledPreview() {
		return selected == null ? null : styledPreviews.get(selected.name());
	}

	/** The low-resolution image right of the divider (strength and colours applied), or null. */
	public BufferedImage shownPreview() {
		return shown;
	}

	/** The status line's text. */
	public String statusText() {
		return status.getText();
	}

	/** Starts the full-resolution render of the photo with the selected style, as a Job, and returns the Job. */
	public Job renderFullSize() {
		if (selected == null || photoFile == null) {
			return null;
		}
		StyleCatalog.Style style = selected;
		Path photo = photoFile;
		StyleOptions options = StyleOptions.DEFAULT.withStrength(strength.getSelection() / 100.0)
				.withKeepColours(keepColours.getSelection());
		Job job = new Job("Render " + photo.getFileName() + " in the style '" + style.name() + "'") {
			@Override
			protected IStatus run(IProgressMonitor monitor) {
				return renderJob(style, photo, options, monitor);
			}
		};
		job.setUser(true);
		job.schedule();
		return job;
	}

	private IStatus renderJob(StyleCatalog.Style style, Path photo, StyleOptions options, IProgressMonitor monitor) {
		try {
			BufferedImage image = Images.read(photo);
			Stylizer stylizer = stylizer(style);
			monitor.beginTask("Styling " + photo.getFileName(), stylizer.tileCount(image.getWidth(), image.getHeight(),
					options));
			BufferedImage styled = stylizer.apply(image, options, new MonitorProgress(monitor));
			Provenance provenance = new Provenance(FastStyleGenerator.ID, "1.0.0", style.name(),
					AssetCatalog.sha256(style.folder().resolve(StyleModel.MODEL_FILE)), Map.of("input", photo.toString(),
							"strength", Double.toString(options.strength()), "keepColours",
							Boolean.toString(options.keepColours()), "tileSize", Integer.toString(options.tileSize()),
							"overlap", Integer.toString(options.overlap())),
					0, null, List.of(photo.toAbsolutePath().toString()), Instant.now());
			String name = (photo.getFileName().toString().replaceFirst("\\.[^.]*$", "") + "-" + style.name())
					.replaceAll("[^A-Za-z0-9._-]", "_").replaceFirst("^[^A-Za-z0-9]+", "x");
			List<Path> written = new OutputStore(style.project()).write(List.of(Artifact.png(name, Images.png(styled),
					provenance)));
			refresh(style.project());
			asyncUi(() -> setStatus("Saved " + style.project().relativize(written.get(0))));
			return Status.OK_STATUS;
		} catch (org.neurograph.api.CancelledException e) {
			return Status.CANCEL_STATUS;
		} catch (StyleModelException | IOException e) {
			asyncUi(() -> setStatus(e.getMessage()));
			return Status.error(e.getMessage(), e);
		} finally {
			monitor.done();
		}
	}

	private void showPreview() {
		if (canvas.isDisposed()) {
			return;
		}
		if (preview == null) {
			canvas.setImages(null, null);
			return;
		}
		Image before = new Image(canvas.getDisplay(), SwtImages.toImageData(preview));
		BufferedImage styled = styledPreview();
		shown = styled == null ? null
				: Stylizer.blend(preview, styled, strength.getSelection() / 100.0, keepColours.getSelection());
		Image after = shown == null ? null : new Image(canvas.getDisplay(), SwtImages.toImageData(shown));
		canvas.setImages(before, after);
	}

	private void refreshGallery() {
		for (Control c : gallery.getChildren()) {
			if (c instanceof Button b && b.getImage() != null) {
				b.getImage().dispose();
			}
			c.dispose();
		}
		galleryButtons.clear();
		List<StyleCatalog.Style> styles = StyleCatalog.styles();
		if (styles.isEmpty()) {
			new Label(gallery, SWT.NONE).setText("No styles yet: import an ONNX style model or an ml5 checkpoint.");
		}
		BufferedImage sample = preview != null ? fit(preview, THUMBNAIL_SIDE) : sample();
		for (StyleCatalog.Style style : styles) {
			Button b = new Button(gallery, SWT.TOGGLE);
			b.setText(style.name());
			b.setToolTipText(style.project().getFileName() + "/models/" + style.name());
			b.addListener(SWT.Selection, e -> select(style.name()));
			galleryButtons.put(style.name(), b);
			Job.create("Style thumbnail: " + style.name(), monitor -> {
				try {
					BufferedImage thumb = stylizer(style).apply(sample, StyleOptions.DEFAULT, new MonitorProgress(monitor));
					asyncUi(() -> {
						if (!b.isDisposed()) {
							b.setImage(new Image(b.getDisplay(), SwtImages.toImageData(thumb)));
							gallery.getParent().layout(true, true);
						}
					});
				} catch (StyleModelException | org.neurograph.api.CancelledException e) {
					asyncUi(() -> {
						if (!b.isDisposed()) {
							b.setToolTipText(e.getMessage());
						}
					});
				}
				return Status.OK_STATUS;
			}).schedule();
		}
		gallery.getParent().layout(true, true);
	}

	private void choosePhoto() {
		FileDialog dialog = new FileDialog(getSite().getShell(), SWT.OPEN);
		dialog.setText("Open a photo to style");
		dialog.setFilterExtensions(new String[] { "*.png;*.jpg;*.jpeg;*.bmp;*.gif;*.ppm", "*" });
		String file = dialog.open();
		if (file != null) {
			openPhoto(Path.of(file));
		}
	}

	private void chooseStyleToImport() {
		List<StyleCatalog.Style> styles = StyleCatalog.styles();
		Path project = styles.isEmpty() ? firstProject() : styles.get(0).project();
		if (project == null) {
			MessageDialog.openInformation(getSite().getShell(), "Import Style", "Create a Neurograph project first: "
					+ "styles are imported into a project's models folder.");
			return;
		}
		FileDialog dialog = new FileDialog(getSite().getShell(), SWT.OPEN);
		dialog.setText("Import a style: an .onnx file, or the manifest.json of an ml5 checkpoint");
		dialog.setFilterExtensions(new String[] { "*.onnx;manifest.json", "*" });
		String file = dialog.open();
		if (file == null) {
			return;
		}
		Path chosen = Path.of(file);
		Path source = chosen.getFileName().toString().equals("manifest.json") ? chosen.getParent() : chosen;
		String suggested = source.getFileName().toString().replaceFirst("\\.onnx$", "");
		InputDialog name = new InputDialog(getSite().getShell(), "Import Style", "Name of the style:", suggested, null);
		if (name.open() != Window.OK) {
			return;
		}
		Job.create("Import style " + name.getValue(), monitor -> {
			StyleModelImporter service = importer.getService();
			if (service == null) {
				asyncUi(() -> MessageDialog.openError(getSite().getShell(), "Import Style",
						"The style importer is not available: the style bundle did not start."));
				return Status.OK_STATUS;
			}
			try {
				service.importModel(source, project, name.getValue().strip());
				refresh(project);
				asyncUi(this::refreshGallery);
			} catch (StyleModelException e) {
				asyncUi(() -> MessageDialog.openError(getSite().getShell(), "Import Style", e.getMessage()));
			}
			return Status.OK_STATUS;
		}).schedule();
	}

	private Stylizer stylizer(StyleCatalog.Style style) throws StyleModelException {
		OnnxRuntime runtime = onnx.getService();
		if (runtime == null) {
			throw new StyleModelException("ONNX Runtime is not available: the runtime bundle did not start.");
		}
		return new Stylizer(StyleModel.open(runtime, style.folder()));
	}

	private static Path firstProject() {
		for (var p : ResourcesPlugin.getWorkspace().getRoot().getProjects()) {
			if (p.isOpen() && org.neurograph.assets.NeurographProject.isNeurographProject(p) && p.getLocation() != null) {
				return p.getLocation().toPath();
			}
		}
		return null;
	}

	private static void refresh(Path projectDir) {
		for (var p : ResourcesPlugin.getWorkspace().getRoot().getProjects()) {
			if (p.getLocation() != null && p.getLocation().toPath().equals(projectDir)) {
				try {
					p.refreshLocal(IResource.DEPTH_INFINITE, null);
				} catch (CoreException e) {
					// the files are written; the navigator catches up on its next refresh
				}
			}
		}
	}

	private void setStatus(String text) {
		if (!status.isDisposed()) {
			status.setText(text);
			status.getParent().layout();
		}
	}

	private void asyncUi(Runnable r) {
		if (!canvas.isDisposed()) {
			canvas.getDisplay().asyncExec(() -> {
				if (!canvas.isDisposed()) {
					r.run();
				}
			});
		}
	}

	private static Button button(Composite parent, String text, Runnable action) {
		Button b = new Button(parent, SWT.PUSH);
		b.setText(text);
		b.addListener(SWT.Selection, e -> action.run());
		return b;
	}

	/** {@code image} scaled to at most {@code side} pixels a side. */
	private static BufferedImage fit(BufferedImage image, int side) {
		return org.neurograph.style.GatysTransfer.fit(image, side);
	}

	/** The thumbnail subject when no photo is open: soft colour gradients. */
	private static BufferedImage sample() {
		BufferedImage image = new BufferedImage(THUMBNAIL_SIDE, THUMBNAIL_SIDE, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < THUMBNAIL_SIDE; y++) {
			for (int x = 0; x < THUMBNAIL_SIDE; x++) {
				image.setRGB(x, y, (4 * x) << 16 | (4 * y) << 8 | 160);
			}
		}
		return image;
	}
}
