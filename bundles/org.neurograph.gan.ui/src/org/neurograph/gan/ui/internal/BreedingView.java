package org.neurograph.gan.ui.internal;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Scale;
import org.eclipse.ui.part.ViewPart;
import org.neurograph.api.Artifact;
import org.neurograph.api.InvalidParametersException;
import org.neurograph.assets.OutputStore;
import org.neurograph.gan.GanOutputs;
import org.neurograph.gan.LatentTools;

/**
 * Breeding: pick two parents (GAN images of the project), see a grid of their children (the spherical blend at the
 * chosen ratio, each mutated with its own seed, as the breeding generator makes them), pick one (double-click or
 * Enter): it is saved as an output naming both parents, becomes the first parent, and joins the lineage graph
 * below. "New children" draws other mutations.
 */
public final class BreedingView extends ViewPart {

	/** The view's id. */
	public static final String ID = "org.neurograph.gan.ui.breeding";
	private static final int CHILDREN = 9;

	private Combo models;
	private List<GanAssets.ModelChoice> modelChoices = List.of();
	private Combo parentA;
	private Combo parentB;
	private List<GanAssets.OutputChoice> outputs = List.of();
	private Scale ratio;
	private Scale mutation;
	private ImageGrid children;
	private LineageCanvas lineageCanvas;
	private Label status;

	private LatestOnlyJob<List<BufferedImage>> renderer;
	private ModelLoader.Loaded loaded;
	private int loads; // model loads started, so that only the last one's result is shown
	private final Lineage lineage = new Lineage();
	private long seed = 1;
	private List<float[]> childLatents = List.of();
	private long childSeed;
	private String[] childParents;
	private String lastPicked;
	private String wantedParent; // the parent breedFrom asked for, until the parents are listed

	@Override
	public void createPartControl(Composite parent) {
		renderer = new LatestOnlyJob<>("Rendering children", parent.getDisplay());
		parent.setLayout(new GridLayout(1, false));
		Composite controls = ControlRow.create(parent);
		models = ControlRow.width(new Combo(ControlRow.field(controls, "Model:"), SWT.READ_ONLY), 200);
		models.addListener(SWT.Selection, e -> {
			if (models.getSelectionIndex() >= 0) {
				loadModel(modelChoices.get(models.getSelectionIndex()));
			}
		});
		parentA = ControlRow.width(new Combo(ControlRow.field(controls, "Parent A:"), SWT.READ_ONLY), 260);
		parentA.addListener(SWT.Selection, e -> parentsChanged());
		parentB = ControlRow.width(new Combo(ControlRow.field(controls, "Parent B:"), SWT.READ_ONLY), 260);
		parentB.addListener(SWT.Selection, e -> parentsChanged());
		ratio = ControlRow.width(new Scale(ControlRow.field(controls, "Ratio:"), SWT.HORIZONTAL), 160);
		ratio.setMinimum(0);
		ratio.setMaximum(100);
		ratio.setSelection(50);
		ratio.setToolTipText("0: parent A, 100: parent B, between: a blend");
		ratio.addListener(SWT.Selection, e -> renderChildren());
		mutation = ControlRow.width(new Scale(ControlRow.field(controls, "Mutation:"), SWT.HORIZONTAL), 160);
		mutation.setMinimum(0);
		mutation.setMaximum(200);
		mutation.setSelection(30);
		mutation.setToolTipText("How far each child strays from the blend (0 to 2)");
		mutation.addListener(SWT.Selection, e -> renderChildren());
		Composite buttons = ControlRow.field(controls, null);
		Button again = new Button(buttons, SWT.PUSH);
		again.setText("&New children");
		again.setToolTipText("Other mutations of the same parents (N)");
		again.addListener(SWT.Selection, e -> newChildren());
		Button pick = new Button(buttons, SWT.PUSH);
		pick.setText("&Pick child");
		pick.setToolTipText("Save the selected child, make it parent A and add it to the lineage (Enter, double-click)");
		pick.addListener(SWT.Selection, e -> pickSelected());

		SashForm sash = new SashForm(parent, SWT.VERTICAL);
		sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		children = new ImageGrid(sash);
		children.clear("Choose a GAN model and two parents above (GAN images of the project).");
		children.addListener(SWT.DefaultSelection, e -> pickSelected());
		children.addListener(SWT.KeyDown, e -> {
			int cell = children.selected();
			switch (e.keyCode) {
			case SWT.CR, SWT.KEYPAD_CR -> pickSelected();
			case SWT.ARROW_LEFT -> children.select(Math.max(0, cell - 1), true);
			case SWT.ARROW_RIGHT -> children.select(Math.min(childLatents.size() - 1, cell + 1), true);
			case SWT.ARROW_UP -> children.select(Math.max(0, cell - 3), true);
			case SWT.ARROW_DOWN -> children.select(Math.min(childLatents.size() - 1, cell + 3), true);
			default -> {
				if (e.character == 'n' || e.character == 'N') {
					newChildren();
				}
				return;
			}
			}
			e.doit = false;
		});
		lineageCanvas = new LineageCanvas(sash);
		sash.setWeights(3, 2);
		status = new Label(parent, SWT.NONE);
		status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		refreshModels();
		if (modelChoices.size() == 1) {
			models.select(0);
			loadModel(modelChoices.get(0));
		}
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

	/** Lists the model's GAN images as parents again (new ones made since), keeping the chosen parents. */
	private void refreshOutputs() {
		ModelLoader.Loaded model = loaded;
		if (model == null) {
			return;
		}
		Job job = Job.create("Listing the GAN images", monitor -> {
			List<GanAssets.OutputChoice> found = GanAssets.outputs(model.choice(), model.model().latentSize());
			ui(() -> {
				if (loaded == model && !found.equals(outputs)) {
					setOutputs(found, null);
				}
				if (loaded == model) {
					applyWantedParent();
				}
			});
			return Status.OK_STATUS;
		});
		job.setSystem(true);
		job.schedule();
	}

	/** Loads {@code choice} in a job and lists its outputs as parents. */
	public Job loadModel(GanAssets.ModelChoice choice) {
		int listed = modelChoices.indexOf(choice);
		if (listed >= 0 && models.getSelectionIndex() != listed) {
			models.select(listed);
		}
		renderer.cancel();
		loaded = null;
		int load = ++loads; // a later load (another model chosen meanwhile) wins
		status.setText("Loading " + choice.label() + "…");
		Job job = Job.create("Loading the GAN model " + choice.name(), monitor -> {
			try {
				ModelLoader.Loaded model = ModelLoader.load(choice);
				List<GanAssets.OutputChoice> found = GanAssets.outputs(choice, model.model().latentSize());
				ui(() -> {
					if (load != loads) {
						return;
					}
					loaded = model;
					setOutputs(found, null);
					if (found.size() < 1) {
						children.clear("This model has no images in the project yet: generate a few with the Image GAN "
								+ "generator (or save cells in the latent explorer), then come back.");
						status.setText(choice.label() + ": no GAN images to breed.");
					} else {
						status.setText(choice.label() + ": " + found.size() + " images to breed from.");
					}
					applyWantedParent();
				});
			} catch (IOException | RuntimeException e) {
				ui(() -> {
					if (load == loads) {
						status.setText(e.getMessage() == null ? e.toString() : e.getMessage());
					}
				});
			}
			return Status.OK_STATUS;
		});
		job.schedule();
		return job;
	}

	private void setOutputs(List<GanAssets.OutputChoice> found, String newA) {
		String oldA = newA != null ? newA : parentA.getText();
		String oldB = parentB.getText();
		if (wantedParent != null && found.stream().anyMatch(o -> o.name().equals(wantedParent))) {
			// "Breed from Here": straight to the wanted image, so the lineage does not collect the default parents
			oldA = wantedParent;
			oldB = wantedParent;
			wantedParent = null;
		}
		outputs = found;
		String[] names = found.stream().map(GanAssets.OutputChoice::name).toArray(String[]::new);
		parentA.setItems(names);
		parentB.setItems(names);
		selectByName(parentA, oldA, Math.max(0, names.length - 2));
		selectByName(parentB, oldB, names.length - 1);
		parentsChanged();
	}

	private static void selectByName(Combo combo, String name, int fallback) {
		int i = List.of(combo.getItems()).indexOf(name);
		combo.select(i >= 0 ? i : fallback);
	}

	/**
	 * Breeds from the GAN image {@code name} (project-relative) of {@code choice}'s project: loads the model unless it
	 * is loaded and makes the image both parents, so the grid shows its children (the mutation sets how far they
	 * stray); choosing another parent B crosses it with that one.
	 */
	public void breedFrom(GanAssets.ModelChoice choice, String name) {
		refreshModels();
		wantedParent = name;
		if (loaded != null && loaded.choice().equals(choice)) {
			refreshOutputs();
		} else {
			loadModel(choice);
		}
	}

	private void applyWantedParent() {
		String name = wantedParent;
		wantedParent = null;
		if (name == null) {
			return;
		}
		if (!List.of(parentA.getItems()).contains(name)) {
			status.setText(name + " is not a GAN image of this model with a latent vector.");
			return;
		}
		setParents(name, name);
	}

	/** Chooses the parents by their project-relative names. */
	public void setParents(String a, String b) {
		selectByName(parentA, a, parentA.getSelectionIndex());
		selectByName(parentB, b, parentB.getSelectionIndex());
		parentsChanged();
	}

	private void parentsChanged() {
		if (loaded == null || parentA.getSelectionIndex() < 0 || parentB.getSelectionIndex() < 0) {
			return;
		}
		Path project = loaded.choice().project();
		lineage.addWithAncestors(project, parentA.getText());
		lineage.addWithAncestors(project, parentB.getText());
		lineageCanvas.setLineage(lineage);
		renderChildren();
	}

	/** Draws other mutations of the same parents. */
	public void newChildren() {
		seed += CHILDREN;
		renderChildren();
	}

	private void renderChildren() {
		int a = parentA.getSelectionIndex();
		int b = parentB.getSelectionIndex();
		if (loaded == null || a < 0 || b < 0) {
			return;
		}
		float[] za = outputs.get(a).latent();
		float[] zb = outputs.get(b).latent();
		double r = ratio.getSelection() / 100.0;
		double strength = mutation.getSelection() / 100.0;
		float[] blend = LatentTools.breed(za, zb, r);
		List<float[]> latents = new ArrayList<>(CHILDREN);
		for (int i = 0; i < CHILDREN; i++) {
			latents.add(LatentTools.mutate(blend, strength, seed + i));
		}
		long s = seed;
		String[] parents = { outputs.get(a).name(), outputs.get(b).name() };
		var model = loaded.model();
		renderer.submit(() -> model.render(latents), images -> {
			childLatents = latents;
			childSeed = s;
			childParents = parents;
			children.setImages(images, 3);
			if (children.selected() < 0) {
				children.select(CHILDREN / 2, false);
			}
			status.setText(String.format(Locale.ROOT, "Children of %s and %s, ratio %.2f, mutation %.2f, seeds %d to %d",
					parents[0], parents[1], r, strength, s, s + CHILDREN - 1));
		}, e -> status.setText("The children could not be rendered: " + e.getMessage()));
	}

	/**
	 * Picks the selected child: saves it (parents in its provenance) in a job, then makes it parent A and adds it to
	 * the lineage. Null if there is no child to pick.
	 */
	public Job pickSelected() {
		int cell = children.selected();
		if (loaded == null || cell < 0 || cell >= childLatents.size()) {
			status.setText("Select a child to pick.");
			return null;
		}
		ModelLoader.Loaded model = loaded;
		float[] latent = childLatents.get(cell);
		long s = childSeed + cell;
		List<String> parents = List.of(childParents);
		Map<String, String> extra = new LinkedHashMap<>();
		extra.put("breeding.ratio", Double.toString(ratio.getSelection() / 100.0));
		extra.put("breeding.mutation", Double.toString(mutation.getSelection() / 100.0));
		Path project = model.choice().project();
		BufferedImage image = children.images().get(cell);
		status.setText("Saving the pick…");
		Job job = Job.create("Saving a bred image", monitor -> {
			try {
				Artifact artifact = GanOutputs.artifact("gan-child-" + Long.toUnsignedString(s, 36), model.model(),
						model.ref(), GanOutputs.PARAMETERS.defaultValues(), extra, s, latent, parents);
				Path written = new OutputStore(project).write(List.of(artifact)).get(0);
				ExplorerView.refresh(project);
				String name = GanAssets.relative(project, written);
				List<GanAssets.OutputChoice> found = GanAssets.outputs(model.choice(), model.model().latentSize());
				ui(() -> {
					lineage.add(new Lineage.Node(name, parents, image, true));
					lastPicked = name;
					seed += CHILDREN;
					setOutputs(found, name);
					status.setText("Picked " + name + " (parents " + String.join(" and ", parents) + ")");
				});
			} catch (IOException | InvalidParametersException e) {
				ui(() -> status.setText("The pick could not be saved: " + e.getMessage()));
			}
			return Status.OK_STATUS;
		});
		job.schedule();
		return job;
	}

	private void ui(Runnable r) {
		if (!children.isDisposed()) {
			children.getDisplay().asyncExec(() -> {
				if (!children.isDisposed()) {
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
		children.setFocus();
		refreshModels();
		refreshOutputs();
	}

	// --- for tests ---

	/** The children's images shown, row by row. */
	public List<BufferedImage> childImages() {
		return children.images();
	}

	/** The children's latent vectors. */
	public List<float[]> childLatents() {
		return childLatents;
	}

	/** The seed of child 0 shown. */
	public long childSeed() {
		return childSeed;
	}

	/** Selects a child. */
	public void selectChild(int cell) {
		children.select(cell, true);
	}

	/** The lineage graph's model. */
	public Lineage lineage() {
		return lineage;
	}

	/** The name of the last pick, or null. */
	public String lastPicked() {
		return lastPicked;
	}

	/** The parents' names. */
	public String[] parents() {
		return new String[] { parentA.getText(), parentB.getText() };
	}

	/** True while children are being rendered. */
	public boolean rendering() {
		return renderer.busy();
	}

	/** Sets the ratio (0 to 1) and mutation strength (0 to 2). */
	public void setBlend(double r, double strength) {
		ratio.setSelection((int) Math.round(r * 100));
		mutation.setSelection((int) Math.round(strength * 100));
		renderChildren();
	}

	/** The ratio of the blend (0 to 1). */
	public double ratio() {
		return ratio.getSelection() / 100.0;
	}

	/** The mutation strength (0 to 2). */
	public double mutation() {
		return mutation.getSelection() / 100.0;
	}

	/** The status line. */
	public String status() {
		return status.getText();
	}

	/** Where the lineage graph drew each work. */
	public Map<String, org.eclipse.swt.graphics.Rectangle> lineageBoxes() {
		return lineageCanvas.boxes();
	}
}
