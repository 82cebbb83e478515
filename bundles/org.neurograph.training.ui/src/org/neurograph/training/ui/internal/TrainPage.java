package org.neurograph.training.ui.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.eclipse.core.resources.IProject;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.neurograph.api.AssetKind;
import org.neurograph.api.Parameter;
import org.neurograph.api.training.Trainer;
import org.neurograph.assets.AssetCatalog;
import org.neurograph.training.RunSettings;
import org.neurograph.ui.internal.Projects;
import org.neurograph.ui.internal.generators.ParameterForm;

/**
 * The one page of {@link TrainWizard}: which trainer learns from which dataset of which project, the trainer's
 * parameters (a form built from its {@code ParameterSpec}, with a message under each bad value), and the run's seed,
 * sample and checkpoint intervals. The page is complete when every value is valid.
 */
final class TrainPage extends WizardPage {
	private static final int MAX_STEPS = 100_000_000;

	private final List<Trainer> trainers;
	private final List<IProject> projects;
	private final String preferredProject;

	private Combo trainerCombo;
	private Label trainerDescription;
	private Combo projectCombo;
	private Combo datasetCombo;
	private Text modelName;
	private Group parameterGroup;
	private ParameterForm form;
	private Text seed;
	private Spinner sampleEvery;
	private Spinner checkpointEvery;
	private Spinner checkpointMinutes;
	private ScrolledComposite scrolled;
	private Composite content;

	TrainPage(List<Trainer> trainers, List<IProject> projects, String preferredProject) {
		super("train");
		this.trainers = trainers;
		this.projects = projects;
		this.preferredProject = preferredProject;
		setTitle("Train a Model");
		setDescription("Choose a trainer, the dataset it learns from and its parameters. The run opens in the "
				+ "Training Dashboard; its model goes to the project's models/ folder.");
	}

	@Override
	public void createControl(Composite parent) {
		scrolled = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL);
		scrolled.setExpandHorizontal(true);
		scrolled.setExpandVertical(true);
		content = new Composite(scrolled, SWT.NONE);
		GridLayoutFactory.swtDefaults().applyTo(content);
		createWhat(content);
		parameterGroup = group(content, "Parameters");
		createRun(content);
		scrolled.setContent(content);
		setControl(scrolled);
		selectInitial();
		trainerChanged();
	}

	private void createWhat(Composite parent) {
		Group what = group(parent, "What to train");
		trainerCombo = combo(what, "&Trainer:");
		trainers.forEach(t -> trainerCombo.add(t.info().name() + "  (" + t.info().id() + ")"));
		trainerCombo.addListener(SWT.Selection, e -> trainerChanged());
		new Label(what, SWT.NONE);
		trainerDescription = new Label(what, SWT.WRAP);
		GridDataFactory.fillDefaults().grab(true, false).hint(400, SWT.DEFAULT).applyTo(trainerDescription);
		projectCombo = combo(what, "&Project:");
		projects.forEach(p -> projectCombo.add(p.getName()));
		projectCombo.addListener(SWT.Selection, e -> projectChanged());
		datasetCombo = combo(what, "&Dataset:");
		datasetCombo.addListener(SWT.Selection, e -> validate());
		label(what, "&Model name:");
		modelName = new Text(what, SWT.BORDER);
		modelName.setMessage("the run's id");
		modelName.setToolTipText("The folder under models/ that the finished model goes to; empty: the run's id.");
		GridDataFactory.fillDefaults().grab(true, false).applyTo(modelName);
		modelName.addListener(SWT.Modify, e -> validate());
	}

	private void createRun(Composite parent) {
		Group run = group(parent, "Run");
		label(run, "&Seed:");
		seed = new Text(run, SWT.BORDER);
		seed.setText(Long.toString(RunSettings.defaults().seed()));
		seed.setToolTipText("The same seed, data and parameters give the same run.");
		GridDataFactory.fillDefaults().grab(true, false).applyTo(seed);
		seed.addListener(SWT.Modify, e -> validate());
		RunSettings d = RunSettings.defaults();
		sampleEvery = spinner(run, "Samples &every (steps):", d.sampleEverySteps());
		checkpointEvery = spinner(run, "&Checkpoint every (steps):", d.checkpointEverySteps());
		checkpointMinutes = spinner(run, "... and every (&minutes):", (int) d.checkpointInterval().toMinutes());
		checkpointMinutes.setMaximum(7 * 24 * 60);
	}

	private void selectInitial() {
		if (!trainers.isEmpty()) {
			trainerCombo.select(0);
		}
		int preferred = projectCombo.indexOf(preferredProject == null ? "" : preferredProject);
		if (preferred >= 0) {
			projectCombo.select(preferred);
		} else if (projectCombo.getItemCount() > 0) {
			projectCombo.select(0);
		}
	}

	private void trainerChanged() {
		Optional<Trainer> trainer = trainer();
		trainerDescription.setText(trainer.map(t -> t.info().description() + " Learns from a "
				+ t.info().datasetKind().label().toLowerCase() + "; version " + t.info().version() + ".").orElse(""));
		for (Control c : parameterGroup.getChildren()) {
			c.dispose();
		}
		form = null;
		trainer.ifPresent(t -> {
			form = new ParameterForm(parameterGroup, t.parameters(), this::validate);
			if (t.parameters().parameters().isEmpty()) {
				Label none = new Label(parameterGroup, SWT.NONE);
				none.setText("This trainer has no parameters.");
			}
		});
		projectChanged();
	}

	private void projectChanged() {
		String kept = datasetCombo.getText();
		datasetCombo.removeAll();
		Optional<Path> dir = projectDir();
		Optional<Trainer> trainer = trainer();
		if (dir.isPresent() && trainer.isPresent()) {
			try {
				datasets(dir.get(), trainer.get().info().datasetKind()).forEach(datasetCombo::add);
			} catch (IOException e) {
				setErrorMessage("Could not read the datasets of the project: " + e.getMessage());
			}
			int keep = datasetCombo.indexOf(kept);
			datasetCombo.select(keep >= 0 ? keep : 0);
		}
		if (form != null) {
			form.projectChanged(dir.orElse(null));
		}
		relayout();
		validate();
	}

	/**
	 * The project's datasets: first those of the kind the trainer learns from, then every other dataset folder (one
	 * whose files the catalog cannot classify, such as IDX or CSV files, may still be what the trainer reads; the
	 * trainer checks the data when the run starts).
	 */
	private static List<String> datasets(Path project, AssetKind kind) throws IOException {
		List<String> names = new ArrayList<>();
		new AssetCatalog(project).list(kind).forEach(a -> names.add(a.name()));
		Path folder = project.resolve(kind.folder());
		if (Files.isDirectory(folder)) {
			try (Stream<Path> all = Files.list(folder)) {
				all.filter(Files::isDirectory).map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("."))
						.filter(n -> !names.contains(n)).sorted().forEach(names::add);
			}
		}
		return names;
	}

	/** Checks everything, shows the first problem as the page's message, and completes the page if there is none. */
	private void validate() {
		if (form == null && trainer().isPresent()) {
			return; // still building
		}
		String problem = firstProblem();
		setErrorMessage(problem);
		setPageComplete(problem == null);
	}

	private String firstProblem() {
		if (trainers.isEmpty()) {
			return "No trainer is installed. Trainers come with capability plugins such as the image GAN or poetry.";
		}
		if (projects.isEmpty()) {
			return "There is no Neurograph project. Create one first (File > New Neurograph Project).";
		}
		Trainer trainer = trainer().orElse(null);
		if (trainer == null) {
			return "Choose a trainer.";
		}
		if (projectDir().isEmpty()) {
			return "Choose a project.";
		}
		if (datasetCombo.getItemCount() == 0) {
			return "The project " + projectCombo.getText() + " has no dataset. Import a "
					+ trainer.info().datasetKind().label().toLowerCase() + " first (File > Import Dataset).";
		}
		String name = modelName.getText().trim();
		if (!name.isEmpty() && (!Parameter.AssetRef.NAME.matcher(name).matches() || name.contains(".."))) {
			return "'" + name + "' cannot be a model name: use letters, digits, spaces, '.', '-' and '_'.";
		}
		try {
			Long.parseLong(seed.getText().trim());
		} catch (NumberFormatException e) {
			return "The seed must be a whole number, such as 1 or 20261124.";
		}
		ParameterForm.Checked checked = form.validate();
		if (checked.layoutChanged()) {
			relayout();
		}
		List<String> errors = new ArrayList<>(checked.validation().errors().values());
		return errors.isEmpty() ? null
				: errors.size() == 1 ? errors.get(0) : errors.get(0) + " (and " + (errors.size() - 1) + " more)";
	}

	/** What the wizard starts: read when the page is complete. */
	Request request() {
		Trainer trainer = trainer().orElseThrow();
		String name = modelName.getText().trim();
		RunSettings settings = RunSettings.defaults().withSeed(Long.parseLong(seed.getText().trim()))
				.withCheckpoints(checkpointEvery.getSelection(), Duration.ofMinutes(checkpointMinutes.getSelection()),
						RunSettings.defaults().keepCheckpoints())
				.withSampleEverySteps(sampleEvery.getSelection()).withModelName(name.isEmpty() ? null : name);
		return new Request(projectDir().orElseThrow(), trainer.info().id(), datasetCombo.getText(), form.values(),
				settings);
	}

	/** A training run to start. */
	record Request(Path project, String trainerId, String dataset, Map<String, String> parameters,
			RunSettings settings) {
	}

	private Optional<Trainer> trainer() {
		int i = trainerCombo == null ? -1 : trainerCombo.getSelectionIndex();
		return i < 0 ? Optional.empty() : Optional.of(trainers.get(i));
	}

	private Optional<Path> projectDir() {
		int i = projectCombo.getSelectionIndex();
		return i < 0 ? Optional.empty() : Projects.location(projects.get(i));
	}

	private void relayout() {
		content.layout(true, true);
		scrolled.setMinSize(content.computeSize(SWT.DEFAULT, SWT.DEFAULT));
	}

	private static Group group(Composite parent, String title) {
		Group group = new Group(parent, SWT.NONE);
		group.setText(title);
		GridLayoutFactory.swtDefaults().numColumns(2).applyTo(group);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(group);
		return group;
	}

	private static Label label(Composite parent, String text) {
		Label label = new Label(parent, SWT.NONE);
		label.setText(text);
		return label;
	}

	private static Combo combo(Composite parent, String label) {
		label(parent, label);
		Combo combo = new Combo(parent, SWT.READ_ONLY);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(combo);
		return combo;
	}

	private Spinner spinner(Composite parent, String label, int value) {
		label(parent, label);
		Spinner spinner = new Spinner(parent, SWT.BORDER);
		spinner.setValues(value, 1, MAX_STEPS, 0, 1, 100);
		GridDataFactory.swtDefaults().hint(100, SWT.DEFAULT).applyTo(spinner);
		return spinner;
	}
}
