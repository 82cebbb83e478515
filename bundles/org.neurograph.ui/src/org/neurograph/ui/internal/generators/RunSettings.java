package org.neurograph.ui.internal.generators;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.neurograph.api.AssetKind;
import org.neurograph.assets.Asset;
import org.neurograph.assets.AssetCatalog;
import org.neurograph.ui.internal.Images;
import org.neurograph.ui.internal.InlineMessage;
import org.neurograph.ui.internal.Projects;
import org.neurograph.ui.internal.Statuses;

/**
 * The parts of the generator panel that are not the generator's parameters: the target project and, for generators
 * that need one, the model ("Target"), and how many works with which seed ("Output"), each with its inline message.
 */
final class RunSettings {
	/** The most works one run of the panel makes. */
	static final int MAX_COUNT = 1000;

	private final Runnable onProjectChange;
	private final Runnable onChange;
	private List<IProject> projects = List.of();
	private Combo projectCombo;
	private InlineMessage projectMessage;
	private Combo modelCombo;
	private InlineMessage modelMessage;
	private Spinner countSpinner;
	private Text seedText;
	private InlineMessage seedMessage;

	/**
	 * @param onProjectChange called after another project was chosen
	 * @param onChange        called after the model or the seed changed
	 */
	RunSettings(Runnable onProjectChange, Runnable onChange) {
		this.onProjectChange = onProjectChange;
		this.onChange = onChange;
	}

	/** Creates the "Target" group: the project, and the model if {@code withModel}. */
	void createTarget(Composite parent, boolean withModel, String preferredProject) {
		Composite group = group(parent, "Target");
		label(group, "Project:", "The Neurograph project whose outputs/ folder receives the works.");
		projectCombo = new Combo(group, SWT.READ_ONLY | SWT.DROP_DOWN);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(projectCombo);
		projectCombo.addListener(SWT.Selection, e -> onProjectChange.run());
		projectMessage = new InlineMessage(group);
		fillProjects(preferredProject);
		if (withModel) {
			label(group, "Model:", "The model of the project this generator uses.");
			modelCombo = new Combo(group, SWT.READ_ONLY | SWT.DROP_DOWN);
			GridDataFactory.fillDefaults().grab(true, false).applyTo(modelCombo);
			modelCombo.addListener(SWT.Selection, e -> onChange.run());
			modelMessage = new InlineMessage(group);
		}
	}

	/** Creates the "Output" group: the count and the seed with its "Random" button. */
	void createOutput(Composite parent) {
		Composite group = group(parent, "Output");
		label(group, "Count:", "How many works to make (1 to " + MAX_COUNT + ").");
		countSpinner = new Spinner(group, SWT.BORDER);
		countSpinner.setValues(4, 1, MAX_COUNT, 0, 1, 10);
		label(group, "Seed:", "The seed of the first work; work i uses seed + i, so the same seed and values make "
				+ "the same works again. After each run the seed moves on, so the next run makes new works.");
		Composite row = new Composite(group, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(2).applyTo(row);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(row);
		seedText = new Text(row, SWT.BORDER | SWT.SINGLE);
		seedText.setText(Fields.randomSeed());
		GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(seedText);
		seedText.addModifyListener(e -> onChange.run());
		Button random = new Button(row, SWT.PUSH);
		random.setText("Random");
		random.setImage(Images.get(Images.RANDOM));
		random.setToolTipText("A new random seed");
		random.addListener(SWT.Selection, e -> seedText.setText(Fields.randomSeed()));
		seedMessage = new InlineMessage(group);
	}

	/** Lists the Neurograph projects again, keeping the one chosen (else {@code preferred}, else the first). */
	void fillProjects(String preferred) {
		String wanted = project().map(IProject::getName).orElse(preferred);
		projects = Projects.neurographProjects();
		List<String> names = projects.stream().map(IProject::getName).toList();
		projectCombo.setItems(names.toArray(String[]::new));
		if (!projects.isEmpty()) {
			projectCombo.select(Math.max(names.indexOf(wanted), 0));
		}
	}

	/** Lists the models of the project in {@code projectDir} (null: none), keeping the one chosen if it is there. */
	void fillModels(Path projectDir) {
		if (modelCombo == null) {
			return;
		}
		String previous = modelCombo.getText();
		List<String> models = List.of();
		if (projectDir != null) {
			try {
				models = new AssetCatalog(projectDir).list(AssetKind.MODEL).stream().map(Asset::name).toList();
			} catch (IOException e) {
				Statuses.log(IStatus.WARNING, "Could not list the models of " + projectDir + ": " + e.getMessage(), e);
			}
		}
		modelCombo.setItems(models.toArray(String[]::new));
		if (!models.isEmpty()) {
			modelCombo.select(Math.max(0, models.indexOf(previous)));
		}
	}

	/** Chooses a project by name, if it is a Neurograph project; returns true if it did. */
	boolean selectProject(String name) {
		int index = projects.stream().map(IProject::getName).toList().indexOf(name);
		if (index >= 0) {
			projectCombo.select(index);
		}
		return index >= 0;
	}

	void setCountAndSeed(int count, long seed) {
		countSpinner.setSelection(count);
		seedText.setText(Long.toString(seed));
	}

	Optional<IProject> project() {
		if (projectCombo == null || projectCombo.isDisposed()) {
			return Optional.empty();
		}
		int index = projectCombo.getSelectionIndex();
		return index < 0 || index >= projects.size() ? Optional.empty() : Optional.of(projects.get(index));
	}

	/** The chosen model, or null (none chosen, or the generator needs none). */
	String model() {
		return modelCombo == null || modelCombo.getSelectionIndex() < 0 ? null : modelCombo.getText();
	}

	int count() {
		return countSpinner.getSelection();
	}

	OptionalLong seed() {
		try {
			return OptionalLong.of(Long.parseLong(seedText.getText().strip().replace("_", "")));
		} catch (NumberFormatException e) {
			return OptionalLong.empty();
		}
	}

	/** Moves the seed past the works of a run that started at {@code seed} with {@code count} works. */
	void advanceSeed(long seed, int count) {
		seedText.setText(Long.toString(seed + count));
	}

	/** How many settings are not valid, and whether a message appeared or went (the layout then needs an update). */
	record Check(int problems, boolean layoutChanged) {
	}

	/** Shows the message of each setting that is not valid. */
	Check check() {
		boolean layout = projectMessage.show(project().isPresent() ? null
				: "There is no Neurograph project to write into. Create one with File > New Neurograph Project.");
		int count = project().isPresent() ? 0 : 1;
		if (modelMessage != null) {
			boolean missing = model() == null;
			layout |= modelMessage.show(missing
					? "This generator needs a model, and the project has none. Train or import a model first." : null);
			count += missing ? 1 : 0;
		}
		boolean badSeed = seed().isEmpty();
		layout |= seedMessage.show(badSeed
				? "'" + seedText.getText().strip() + "' is not a seed; expected a whole number (64-bit)." : null);
		count += badSeed ? 1 : 0;
		return new Check(count, layout);
	}

	/** A titled group with a two-column grid: labels, then fields. */
	static Composite group(Composite parent, String title) {
		Group group = new Group(parent, SWT.NONE);
		group.setText(title);
		GridLayoutFactory.swtDefaults().numColumns(2).spacing(8, 3).applyTo(group);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(group);
		return group;
	}

	private static void label(Composite parent, String text, String tooltip) {
		Label label = new Label(parent, SWT.NONE);
		label.setText(text);
		label.setToolTipText(tooltip);
	}
}
