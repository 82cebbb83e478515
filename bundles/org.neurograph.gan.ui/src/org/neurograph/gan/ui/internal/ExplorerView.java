package org.neurograph.gan.ui.internal;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Scale;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.ui.part.ViewPart;
import org.neurograph.api.Artifact;
import org.neurograph.api.InvalidParametersException;
import org.neurograph.api.ParameterValues;
import org.neurograph.assets.OutputStore;
import org.neurograph.gan.GanOutputs;
import org.neurograph.gan.LatentDirections;
import org.neurograph.gan.LatentPlane;
import org.neurograph.gan.LatentTools;

/**
 * The latent explorer: two directions (random, or the principal directions of the model's images) span a plane
 * around a centre (a GAN output's latent vector, or a seed's); the grid shows the images around the current
 * coordinates. Arrow keys move by one cell, + and - (or the mouse wheel) zoom, Home goes back to the centre, Space
 * or a double-click re-centres on the selected cell, Enter or S saves it as an output with its provenance. Each grid
 * is rendered as one batch in a job; a grid overtaken by a newer move is dropped.
 */
public final class ExplorerView extends ViewPart {

	/** The view's id. */
	public static final String ID = "org.neurograph.gan.ui.explorer";
	private static final int RANGE = 1000; // sliders run from -RANGE to RANGE hundredths
	private static final int PCA_SAMPLES = 256;
	private static final String SEED_CENTRE = "Seed";

	private Combo models;
	private List<GanAssets.ModelChoice> modelChoices = List.of();
	private Combo centres;
	private List<GanAssets.OutputChoice> centreChoices = List.of();
	private Spinner centreSeed;
	private Combo directions;
	private Spinner directionSeed;
	private Scale xScale;
	private Scale yScale;
	private Scale zoom;
	private Label coordinates;
	private Spinner gridSize;
	private Spinner tempo;
	private ImageGrid grid;
	private Label status;

	private LatestOnlyJob<List<BufferedImage>> renderer;
	private ModelLoader.Loaded loaded;
	private int loads; // model loads started, so that only the last one's result is shown
	private float[] centre;
	private String centreName; // a project-relative output name, or null
	private String wantedCentre; // the centre exploreFrom asked for, until the centres are listed
	private String centreDescription = "";
	private LatentPlane plane;
	private String planeDescription = "";
	private double x;
	private double y;
	private double step = 0.5;
	private List<float[]> gridLatents = List.of();
	private double gridX;
	private double gridY;
	private double gridStep;
	private long lastRenderMillis = -1;
	private int renders;

	@Override
	public void createPartControl(Composite parent) {
		renderer = new LatestOnlyJob<>("Rendering the latent grid", parent.getDisplay());
		parent.setLayout(new GridLayout(1, false));
		Composite controls = ControlRow.create(parent);

		models = ControlRow.width(new Combo(ControlRow.field(controls, "Model:"), SWT.READ_ONLY), 200);
		models.setToolTipText("A GAN model of an open project (models/<name>/ trained by the image GAN trainer)");
		models.addListener(SWT.Selection, e -> {
			if (models.getSelectionIndex() >= 0) {
				loadModel(modelChoices.get(models.getSelectionIndex()));
			}
		});
		Composite centre = ControlRow.field(controls, "Centre:");
		centres = ControlRow.width(new Combo(centre, SWT.READ_ONLY), 320);
		centres.setToolTipText("A GAN image of the project (its latent vector), or the latent vector of a seed");
		centres.addListener(SWT.Selection, e -> centreChanged());
		centreSeed = new Spinner(centre, SWT.BORDER);
		centreSeed.setValues(1, 0, Integer.MAX_VALUE, 0, 1, 100);
		centreSeed.setToolTipText("The seed whose latent vector is the centre");
		centreSeed.addListener(SWT.Selection, e -> centreChanged());

		directions = new Combo(ControlRow.field(controls, "Directions:"), SWT.READ_ONLY);
		directions.setItems("Random", "Principal (GANSpace)");
		directions.select(0);
		directions.setToolTipText("Random: two random orthogonal directions. Principal: the two main ways the model's "
				+ "images vary, found from " + PCA_SAMPLES + " samples");
		directions.addListener(SWT.Selection, e -> planeChanged());
		directionSeed = new Spinner(ControlRow.field(controls, "Seed:"), SWT.BORDER);
		directionSeed.setValues(1, 0, Integer.MAX_VALUE, 0, 1, 100);
		directionSeed.setToolTipText("The seed of the random directions (or of the principal directions' samples)");
		directionSeed.addListener(SWT.Selection, e -> planeChanged());
		gridSize = new Spinner(ControlRow.field(controls, "Grid:"), SWT.BORDER);
		gridSize.setValues(5, 1, 9, 0, 1, 2);
		gridSize.setToolTipText("Cells a side");
		gridSize.addListener(SWT.Selection, e -> render());
		tempo = new Spinner(ControlRow.field(controls, "Tempo (s):"), SWT.BORDER);
		tempo.setValues(40, 5, 600, 1, 5, 10);
		tempo.setToolTipText("Installation mode: seconds per new image");

		xScale = scale(ControlRow.field(controls, "X:"), "The x coordinate along the first direction (Left / Right)");
		yScale = scale(ControlRow.field(controls, "Y:"), "The y coordinate along the second direction (Up / Down)");
		zoom = ControlRow.width(new Scale(ControlRow.field(controls, "Step:"), SWT.HORIZONTAL), 160);
		zoom.setMinimum(2);
		zoom.setMaximum(300);
		zoom.setSelection(50);
		zoom.setToolTipText("The distance between neighbouring cells (+ / - or the mouse wheel)");
		zoom.addListener(SWT.Selection, e -> {
			step = zoom.getSelection() / 100.0;
			render();
		});
		Composite buttons = ControlRow.field(controls, null);
		button(buttons, "&Save cell", "Save the selected cell as an output (Enter)", this::saveSelected);
		button(buttons, "&Re-centre", "Make the selected cell the centre (Space)", this::recentreOnSelected);
		button(buttons, "&Installation", "Full-screen walk from the centre (F11; Esc leaves)", this::startInstallation);

		coordinates = new Label(parent, SWT.NONE);
		coordinates.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		grid = new ImageGrid(parent);
		grid.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		grid.addListener(SWT.KeyDown, this::key);
		grid.addListener(SWT.MouseVerticalWheel, e -> zoomBy(e.count > 0 ? 1 / 1.25 : 1.25));
		grid.addListener(SWT.DefaultSelection, e -> recentreOnSelected());
		grid.clear("Choose a GAN model (and a centre) above.");
		status = new Label(parent, SWT.NONE);
		status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		refreshModels();
		if (modelChoices.size() == 1) {
			models.select(0);
			loadModel(modelChoices.get(0));
		}
	}

	private Scale scale(Composite parent, String tip) {
		Scale s = ControlRow.width(new Scale(parent, SWT.HORIZONTAL), 200);
		s.setMinimum(0);
		s.setMaximum(2 * RANGE);
		s.setSelection(RANGE);
		s.setIncrement(5);
		s.setPageIncrement(50);
		s.setToolTipText(tip);
		s.addListener(SWT.Selection, e -> {
			x = (xScale.getSelection() - RANGE) / 100.0;
			y = (yScale.getSelection() - RANGE) / 100.0;
			render();
		});
		return s;
	}

	private static void button(Composite parent, String text, String tip, Runnable action) {
		Button b = new Button(parent, SWT.PUSH);
		b.setText(text);
		b.setToolTipText(tip);
		b.addListener(SWT.Selection, e -> action.run());
	}

	private void key(Event e) {
		switch (e.keyCode) {
		case SWT.ARROW_LEFT -> moveBy(-step, 0);
		case SWT.ARROW_RIGHT -> moveBy(step, 0);
		case SWT.ARROW_UP -> moveBy(0, -step);
		case SWT.ARROW_DOWN -> moveBy(0, step);
		case SWT.HOME -> moveTo(0, 0);
		case SWT.CR, SWT.KEYPAD_CR -> saveSelected();
		case ' ' -> recentreOnSelected();
		case '+', '=', SWT.KEYPAD_ADD -> zoomBy(1 / 1.25);
		case '-', SWT.KEYPAD_SUBTRACT -> zoomBy(1.25);
		default -> {
			if (e.character == 's' || e.character == 'S') {
				saveSelected();
			}
			return;
		}
		}
		e.doit = false;
	}

	/** Lists the GAN models of the open projects. */
	public void refreshModels() {
		String selected = models.getText();
		List<GanAssets.ModelChoice> found = GanAssets.models();
		if (found.equals(modelChoices)) {
			return;
		}
		modelChoices = found;
		models.setItems(modelChoices.stream().map(GanAssets.ModelChoice::label).toArray(String[]::new));
		int i = List.of(models.getItems()).indexOf(selected);
		if (i >= 0) {
			models.select(i);
		}
	}

	/** Lists the model's GAN images as centres again (new ones made since), keeping the chosen one. */
	private void refreshCentres() {
		ModelLoader.Loaded model = loaded;
		if (model == null) {
			return;
		}
		Job job = Job.create("Listing the GAN images", monitor -> {
			List<GanAssets.OutputChoice> outputs = GanAssets.outputs(model.choice(), model.model().latentSize());
			ui(() -> {
				if (loaded != model || (outputs.equals(centreChoices) && wantedCentre == null)) {
					return;
				}
				int before = centres.getSelectionIndex();
				String selected = centres.getText();
				showCentres(outputs, selected);
				if (centres.getSelectionIndex() != before || !centres.getText().equals(selected)) {
					centreChanged();
				}
			});
			return Status.OK_STATUS;
		});
		job.setSystem(true);
		job.schedule();
	}

	/**
	 * Lists {@code outputs} as centres and selects the one asked for by {@link #exploreFrom}, else {@code keep}, else
	 * the newest image (or the seed when there is none).
	 */
	private void showCentres(List<GanAssets.OutputChoice> outputs, String keep) {
		centreChoices = outputs;
		List<String> items = new ArrayList<>();
		items.add(SEED_CENTRE);
		outputs.forEach(o -> items.add(o.name()));
		centres.setItems(items.toArray(String[]::new));
		int wanted = wantedCentre == null ? -1 : items.indexOf(wantedCentre);
		if (wantedCentre != null && wanted < 0) {
			status.setText(wantedCentre + " is not a GAN image of this model with a latent vector.");
		}
		wantedCentre = null;
		int kept = keep == null ? -1 : items.indexOf(keep);
		centres.select(wanted >= 0 ? wanted : kept >= 0 ? kept : items.size() - 1);
	}

	/**
	 * Explores around the GAN image {@code name} (project-relative, e.g. {@code outputs/2026-12-06/gan-x.png}) of
	 * {@code choice}'s project: loads the model unless it is loaded, and makes the image the centre.
	 */
	public void exploreFrom(GanAssets.ModelChoice choice, String name) {
		refreshModels();
		wantedCentre = name;
		if (loaded != null && loaded.choice().equals(choice)) {
			refreshCentres();
		} else {
			loadModel(choice);
		}
	}

	/** Loads {@code choice} in a job; the plane and grid follow when it is loaded. */
	public Job loadModel(GanAssets.ModelChoice choice) {
		int listed = modelChoices.indexOf(choice);
		if (listed >= 0 && models.getSelectionIndex() != listed) {
			models.select(listed);
		}
		renderer.cancel();
		loaded = null;
		int load = ++loads; // a later load (another model chosen meanwhile) wins
		grid.clear("Loading " + choice.label() + "…");
		status.setText("Loading " + choice.label() + "…");
		Job job = Job.create("Loading the GAN model " + choice.name(), monitor -> {
			try {
				ModelLoader.Loaded model = ModelLoader.load(choice);
				List<GanAssets.OutputChoice> outputs = GanAssets.outputs(choice, model.model().latentSize());
				ui(() -> {
					if (load != loads) {
						return;
					}
					loaded = model;
					status.setText(String.format(Locale.ROOT, "%s: %dx%d %s, latent size %d", choice.label(),
							model.model().imageSize(), model.model().imageSize(),
							model.model().channels() == 1 ? "grey" : "colour", model.model().latentSize()));
					showCentres(outputs, null);
					centreChanged();
				});
			} catch (IOException | RuntimeException e) {
				ui(() -> {
					if (load != loads) {
						return;
					}
					grid.clear("The model could not be loaded.");
					status.setText(e.getMessage() == null ? e.toString() : e.getMessage());
				});
			}
			return Status.OK_STATUS;
		});
		job.schedule();
		return job;
	}

	private void centreChanged() {
		if (loaded == null) {
			return;
		}
		int i = centres.getSelectionIndex();
		centreSeed.setEnabled(i <= 0);
		if (i <= 0) {
			long seed = centreSeed.getSelection();
			centre = LatentTools.fromSeed(loaded.model().latentSize(), seed, 0);
			centreName = null;
			centreDescription = "seed " + seed;
		} else {
			GanAssets.OutputChoice o = centreChoices.get(i - 1);
			centre = o.latent();
			centreName = o.name();
			centreDescription = o.name();
		}
		planeChanged();
	}

	private void planeChanged() {
		if (loaded == null || centre == null) {
			return;
		}
		long seed = directionSeed.getSelection();
		if (directions.getSelectionIndex() == 0) {
			plane = LatentPlane.random(centre, seed);
			planeDescription = "random, seed " + seed;
			moveTo(0, 0);
			return;
		}
		ModelLoader.Loaded model = loaded;
		float[] around = centre;
		status.setText("Finding the principal directions from " + PCA_SAMPLES + " samples…");
		Job job = Job.create("Finding the GAN's principal directions", monitor -> {
			try {
				List<double[]> dirs = LatentDirections.principal(model.model(), PCA_SAMPLES, seed, 2);
				LatentPlane p = LatentPlane.through(around, dirs.get(0), dirs.get(1));
				ui(() -> {
					if (loaded == model && centre == around) {
						plane = p;
						planeDescription = "principal directions of " + PCA_SAMPLES + " images, seed " + seed;
						moveTo(0, 0);
					}
				});
			} catch (RuntimeException e) {
				ui(() -> status.setText("The principal directions could not be found: " + e.getMessage()));
			}
			return Status.OK_STATUS;
		});
		job.schedule();
	}

	/** Moves the grid's centre to {@code (newX, newY)} (clamped to the sliders' range) and renders. */
	public void moveTo(double newX, double newY) {
		x = clamp(newX);
		y = clamp(newY);
		xScale.setSelection((int) Math.round(x * 100) + RANGE);
		yScale.setSelection((int) Math.round(y * 100) + RANGE);
		render();
	}

	private void moveBy(double dx, double dy) {
		moveTo(x + dx, y + dy);
	}

	private static double clamp(double v) {
		return Math.max(-RANGE / 100.0, Math.min(RANGE / 100.0, v));
	}

	/** Multiplies the step between cells by {@code factor}. */
	public void zoomBy(double factor) {
		setStep(step * factor);
	}

	/** Sets the step between neighbouring cells. */
	public void setStep(double newStep) {
		step = Math.max(zoom.getMinimum() / 100.0, Math.min(zoom.getMaximum() / 100.0, newStep));
		zoom.setSelection((int) Math.round(step * 100));
		render();
	}

	private void render() {
		if (loaded == null || plane == null || grid.isDisposed()) {
			return;
		}
		int size = gridSize.getSelection();
		double gx = x;
		double gy = y;
		double gs = step;
		LatentPlane p = plane;
		List<float[]> latents = p.grid(gx, gy, gs, size);
		var model = loaded.model();
		coordinates.setText(String.format(Locale.ROOT, "x %.2f   y %.2f   step %.2f   centre: %s   directions: %s", gx, gy,
				gs, centreDescription, planeDescription));
		long[] millis = new long[1];
		renderer.submit(() -> {
			long t0 = System.nanoTime();
			List<BufferedImage> images = model.render(latents);
			millis[0] = (System.nanoTime() - t0) / 1_000_000;
			return images;
		}, images -> {
			if (grid.isDisposed()) {
				return;
			}
			gridLatents = latents;
			gridX = gx;
			gridY = gy;
			gridStep = gs;
			lastRenderMillis = millis[0];
			renders++;
			grid.setImages(images, size);
			if (grid.selected() < 0) {
				grid.select(images.size() / 2, false);
			}
			status.setText(String.format(Locale.ROOT, "%dx%d grid rendered in %d ms (one batch)", size, size, millis[0]));
		}, e -> status.setText("The grid could not be rendered: " + e.getMessage()));
	}

	/** Makes the selected cell the new centre (same directions) and goes to (0, 0). */
	public void recentreOnSelected() {
		int cell = grid.selected();
		if (plane == null || cell < 0 || cell >= gridLatents.size()) {
			return;
		}
		centre = gridLatents.get(cell);
		centreDescription = String.format(Locale.ROOT, "cell (%.2f, %.2f) of %s", cellX(cell), cellY(cell),
				centreDescription);
		plane = plane.withCentre(centre);
		moveTo(0, 0);
	}

	private double cellX(int cell) {
		return LatentPlane.cellX(gridX, gridStep, grid.columns(), cell % grid.columns());
	}

	private double cellY(int cell) {
		return LatentPlane.cellY(gridY, gridStep, grid.columns(), cell / grid.columns());
	}

	/** Saves the selected cell as a PNG output with its provenance, in a job; null if there is nothing to save. */
	public Job saveSelected() {
		int cell = grid.selected();
		if (loaded == null || cell < 0 || cell >= gridLatents.size()) {
			status.setText("Choose a model and select a cell to save.");
			return null;
		}
		ModelLoader.Loaded model = loaded;
		float[] latent = gridLatents.get(cell);
		Map<String, String> extra = new LinkedHashMap<>();
		extra.put("explorer.x", Double.toString(cellX(cell)));
		extra.put("explorer.y", Double.toString(cellY(cell)));
		extra.put("explorer.centre", centreDescription);
		extra.put("explorer.centreLatent", LatentPlane.format(plane.centre()));
		extra.put("explorer.directions", planeDescription);
		extra.put("explorer.dirX", LatentPlane.format(plane.dirX()));
		extra.put("explorer.dirY", LatentPlane.format(plane.dirY()));
		List<String> parents = centreName == null ? List.of() : List.of(centreName);
		long seed = centreName == null && centreSeed.isEnabled() ? centreSeed.getSelection() : 0;
		Path project = model.choice().project();
		status.setText("Saving…");
		Job job = Job.create("Saving a latent explorer cell", monitor -> {
			try {
				ParameterValues params = GanOutputs.PARAMETERS.defaultValues();
				Artifact artifact = GanOutputs.artifact("gan-explorer", model.model(), model.ref(), params, extra, seed,
						latent, parents);
				Path written = new OutputStore(project).write(List.of(artifact)).get(0);
				refresh(project);
				ui(() -> {
					lastSaved = written;
					status.setText("Saved " + GanAssets.relative(project, written));
				});
			} catch (IOException | InvalidParametersException e) {
				ui(() -> status.setText("The cell could not be saved: " + e.getMessage()));
			}
			return Status.OK_STATUS;
		});
		job.schedule();
		return job;
	}

	private Path lastSaved;

	static void refresh(Path projectDir) {
		for (var p : ResourcesPlugin.getWorkspace().getRoot().getProjects()) {
			if (p.getLocation() != null && p.getLocation().toPath().equals(projectDir)) {
				try {
					p.refreshLocal(IResource.DEPTH_INFINITE, null);
				} catch (CoreException e) {
					// the navigator catches up on its next refresh
				}
			}
		}
	}

	/** Opens the installation mode from the current centre with the tempo set in the view. */
	public InstallationMode startInstallation() {
		if (loaded == null || centre == null) {
			status.setText("Choose a GAN model first; the installation walks from the explorer's centre.");
			return null;
		}
		InstallationMode mode = new InstallationMode(grid.getDisplay(), loaded.model(), centre,
				tempo.getSelection() / 10.0, directionSeed.getSelection());
		mode.open();
		return mode;
	}

	private void ui(Runnable r) {
		if (!grid.isDisposed()) {
			grid.getDisplay().asyncExec(() -> {
				if (!grid.isDisposed()) {
					r.run();
				}
			});
		}
	}

	@Override
	public void dispose() {
		if (renderer != null) {
			renderer.cancel();
		}
		super.dispose();
	}

	@Override
	public void setFocus() {
		grid.setFocus();
		refreshModels();
		refreshCentres();
	}

	// --- for tests and the installation command ---

	/** The grid's images as rendered (the model's own size), row by row. */
	public List<BufferedImage> gridImages() {
		return grid.images();
	}

	/** The latent vectors of the grid shown, row by row. */
	public List<float[]> gridLatents() {
		return gridLatents;
	}

	/** The coordinates and step of the grid shown. */
	public double[] gridPosition() {
		return new double[] { gridX, gridY, gridStep };
	}

	/** The plane explored now. */
	public LatentPlane plane() {
		return plane;
	}

	/** How many grids were shown; how long the last took to render (ms). */
	public int renders() {
		return renders;
	}

	public long lastRenderMillis() {
		return lastRenderMillis;
	}

	/** Grids dropped because the user moved on before they were shown. */
	public long staleRenders() {
		return renderer.staleCount();
	}

	/** True while a grid is being rendered. */
	public boolean rendering() {
		return renderer.busy();
	}

	/** The grid widget (to send it keys). */
	public org.eclipse.swt.widgets.Canvas gridWidget() {
		return grid;
	}

	/** Selects a cell of the grid. */
	public void selectCell(int cell) {
		grid.select(cell, true);
	}

	/** Makes the GAN image {@code name} (project-relative) the centre; false if it is not offered. */
	public boolean selectCentre(String name) {
		int i = List.of(centres.getItems()).indexOf(name);
		if (i < 0) {
			return false;
		}
		centres.select(i);
		centreChanged();
		return true;
	}

	/** Chooses random ({@code false}) or principal directions. */
	public void setPrincipalDirections(boolean principal) {
		directions.select(principal ? 1 : 0);
		planeChanged();
	}

	/** The seed of the directions. */
	public int directionSeed() {
		return directionSeed.getSelection();
	}

	/** The model list's entries. */
	public List<String> modelLabels() {
		return List.of(models.getItems());
	}

	/** The file saved last, or null. */
	public Path lastSaved() {
		return lastSaved;
	}

	/** The status line. */
	public String status() {
		return status.getText();
	}

	/** Sets the installation tempo in seconds. */
	public void setTempo(double seconds) {
		tempo.setSelection((int) Math.round(seconds * 10));
	}

	/** True when a model is loaded and a plane is set. */
	public boolean ready() {
		return loaded != null && plane != null;
	}

	/** The loaded model's reference (as saved outputs record it), or null. */
	public org.neurograph.api.ModelRef modelRef() {
		return loaded == null ? null : loaded.ref();
	}

	/** The loaded model, or null. */
	public org.neurograph.gan.GanModel model() {
		return loaded == null ? null : loaded.model();
	}
}
