package org.neurograph.ui.internal.wizards;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.resources.IProject;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.neurograph.api.AssetKind;
import org.neurograph.api.Parameter;
import org.neurograph.ui.internal.Projects;

/** The one page of the dataset import: project, name, kind and sources, checked as they are typed. */
public final class ImportDatasetPage extends WizardPage {
	private static final List<AssetKind> KINDS = List.of(AssetKind.IMAGE_DATASET, AssetKind.TEXT_CORPUS,
			AssetKind.TUNE_COLLECTION);

	private final IProject initialProject;
	private final List<Path> sources = new ArrayList<>();
	private List<IProject> projects = List.of();
	private Combo projectCombo;
	private Text nameText;
	private Combo kindCombo;
	private org.eclipse.swt.widgets.List sourceList;
	private boolean nameTyped;

	ImportDatasetPage(IProject initialProject) {
		super("importDataset");
		this.initialProject = initialProject;
		setTitle("Import Dataset");
		setDescription("Copy images, texts or tunes into a dataset of a Neurograph project.");
	}

	@Override
	public void createControl(Composite parent) {
		Composite page = new Composite(parent, SWT.NONE);
		GridLayoutFactory.swtDefaults().numColumns(3).applyTo(page);

		label(page, "Project:");
		projectCombo = new Combo(page, SWT.READ_ONLY | SWT.DROP_DOWN);
		GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(projectCombo);
		projects = Projects.neurographProjects();
		projectCombo.setItems(projects.stream().map(IProject::getName).toArray(String[]::new));
		if (!projects.isEmpty()) {
			projectCombo.select(Math.max(0, projects.indexOf(initialProject)));
		}
		projectCombo.addListener(SWT.Selection, e -> check());

		label(page, "Dataset name:");
		nameText = new Text(page, SWT.BORDER);
		GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(nameText);
		nameText.addListener(SWT.KeyDown, e -> nameTyped = true);
		nameText.addModifyListener(e -> check());

		label(page, "Kind:");
		kindCombo = new Combo(page, SWT.READ_ONLY | SWT.DROP_DOWN);
		kindCombo.setItems(KINDS.stream().map(AssetKind::label).toArray(String[]::new));
		kindCombo.select(0);
		GridDataFactory.fillDefaults().span(2, 1).applyTo(kindCombo);

		Label sourcesLabel = label(page, "Files and folders:");
		GridDataFactory.swtDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(sourcesLabel);
		sourceList = new org.eclipse.swt.widgets.List(page, SWT.BORDER | SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL);
		GridDataFactory.fillDefaults().grab(true, true).hint(360, 160).applyTo(sourceList);
		Composite buttons = new Composite(page, SWT.NONE);
		GridLayoutFactory.fillDefaults().applyTo(buttons);
		GridDataFactory.fillDefaults().align(SWT.FILL, SWT.BEGINNING).applyTo(buttons);
		button(buttons, "Add Files...", this::addFiles);
		button(buttons, "Add Folder...", this::addFolder);
		button(buttons, "Remove", this::removeSelected);

		setControl(page);
		check();
		setErrorMessage(null); // no complaint before the user did anything
	}

	IProject project() {
		return projects.get(projectCombo.getSelectionIndex());
	}

	String datasetName() {
		return nameText.getText().strip();
	}

	AssetKind kind() {
		return KINDS.get(kindCombo.getSelectionIndex());
	}

	List<Path> sources() {
		return List.copyOf(sources);
	}

	/** Adds sources as if chosen in the dialogs (for tests). */
	public void addSources(List<Path> paths) {
		for (Path path : paths) {
			if (!sources.contains(path)) {
				sources.add(path);
				sourceList.add(path.toString());
			}
		}
		if (!nameTyped && !sources.isEmpty()) {
			Path first = sources.get(0);
			Path folder = Files.isDirectory(first) ? first : first.getParent();
			if (folder != null && folder.getFileName() != null) {
				nameText.setText(suggestName(folder.getFileName().toString()));
			}
		}
		check();
	}

	private void addFiles() {
		FileDialog dialog = new FileDialog(getShell(), SWT.OPEN | SWT.MULTI);
		dialog.setText("Add Files");
		if (dialog.open() != null) {
			addSources(Arrays.stream(dialog.getFileNames()).map(n -> Path.of(dialog.getFilterPath(), n)).toList());
		}
	}

	private void addFolder() {
		DirectoryDialog dialog = new DirectoryDialog(getShell());
		dialog.setText("Add Folder");
		String folder = dialog.open();
		if (folder != null) {
			addSources(List.of(Path.of(folder)));
		}
	}

	private void removeSelected() {
		int[] indices = sourceList.getSelectionIndices();
		for (int i = indices.length - 1; i >= 0; i--) {
			sources.remove(indices[i]);
		}
		sourceList.remove(indices);
		check();
	}

	private void check() {
		String error = null;
		String name = nameText.getText().strip();
		if (projects.isEmpty()) {
			error = "There is no Neurograph project. Create one first with File > New Neurograph Project.";
		} else if (name.isEmpty()) {
			error = "Enter a name for the dataset.";
		} else if (!Parameter.AssetRef.NAME.matcher(name).matches() || name.contains("..")) {
			error = "'" + name + "' cannot be a dataset name: use letters, digits, spaces, '.', '-' and '_', "
					+ "starting with a letter or digit.";
		} else if (project().getFolder(AssetKind.IMAGE_DATASET.folder()).getFolder(name).exists()) {
			error = "The project already has a dataset '" + name + "'. Choose another name.";
		} else if (sources.isEmpty()) {
			error = "Add the files or folders to import.";
		}
		setErrorMessage(error);
		setPageComplete(error == null);
	}

	/** A dataset name made from a folder name: invalid characters become '-'. */
	static String suggestName(String folderName) {
		String name = folderName.replaceAll("[^A-Za-z0-9 ._-]", "-").replaceAll("^[^A-Za-z0-9]+", "");
		name = name.replace("..", ".");
		return name.isEmpty() ? "dataset" : name.substring(0, Math.min(name.length(), 100)).toLowerCase(Locale.ROOT);
	}

	private static Label label(Composite parent, String text) {
		Label label = new Label(parent, SWT.NONE);
		label.setText(text);
		return label;
	}

	private static void button(Composite parent, String text, Runnable action) {
		Button button = new Button(parent, SWT.PUSH);
		button.setText(text);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(button);
		button.addListener(SWT.Selection, e -> action.run());
	}
}
