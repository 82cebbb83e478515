package org.neurograph.poetry.ui.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Scale;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.part.ViewPart;
import org.neurograph.poetry.CharLstm;
import org.neurograph.poetry.CharLstmFiles;
import org.neurograph.poetry.PoemWriter;
import org.neurograph.poetry.TextSampler;

/**
 * The poem view: choose a character-LSTM model, set prime, temperature, length and stanza form, and "Generate again"
 * with a new seed (writing runs as a job). Below, the interactive mode shows the next characters the network
 * expects with their probabilities; picking one (or accepting the most likely) writes it and shows what comes next,
 * so a teacher can show what the network "thinks".
 */
public final class PoemView extends ViewPart {

	/** The view's id. */
	public static final String ID = "org.neurograph.poetry.ui.poem";
	private static final int CANDIDATES = 8;

	private final AtomicLong seeds = new AtomicLong(System.nanoTime());
	private Combo models;
	private List<Path> modelFolders = List.of();
	private Text prime;
	private Scale temperature;
	private Label temperatureLabel;
	private Spinner length;
	private Combo unit;
	private Spinner stanza;
	private Label status;
	private Text poem;
	private Table candidates;
	private Text interactiveText;
	private CharLstm model;
	private TextSampler sampler;
	private long lastSeed;

	@Override
	public void createPartControl(Composite parent) {
		parent.setLayout(new GridLayout(1, false));
		Composite controls = new Composite(parent, SWT.NONE);
		controls.setLayout(new GridLayout(6, false));
		controls.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		new Label(controls, SWT.NONE).setText("Model:");
		models = new Combo(controls, SWT.READ_ONLY);
		models.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1));
		models.addListener(SWT.Selection, e -> {
			if (models.getSelectionIndex() >= 0) {
				loadModel(modelFolders.get(models.getSelectionIndex()));
			}
		});
		Button browse = new Button(controls, SWT.PUSH);
		browse.setText("Folder…");
		browse.addListener(SWT.Selection, e -> {
			DirectoryDialog dialog = new DirectoryDialog(browse.getShell());
			dialog.setMessage("A model folder or an ml5 char-rnn checkpoint");
			String folder = dialog.open();
			if (folder != null) {
				loadModel(Path.of(folder));
			}
		});
		new Label(controls, SWT.NONE).setText("Prime:");
		prime = new Text(controls, SWT.BORDER);
		prime.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 5, 1));
		new Label(controls, SWT.NONE).setText("Temperature:");
		temperature = new Scale(controls, SWT.HORIZONTAL);
		temperature.setMinimum(0);
		temperature.setMaximum(200);
		temperature.setSelection(70);
		temperature.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1));
		temperature.setToolTipText("0: always the most likely character; 1: the network's own odds; above 1: wild");
		temperatureLabel = new Label(controls, SWT.NONE);
		temperatureLabel.setLayoutData(new GridData(40, SWT.DEFAULT));
		temperature.addListener(SWT.Selection, e -> showTemperature());
		showTemperature();
		new Label(controls, SWT.NONE).setText("Length:");
		length = new Spinner(controls, SWT.BORDER);
		length.setValues(12, 1, 100_000, 0, 1, 10);
		unit = new Combo(controls, SWT.READ_ONLY);
		unit.setItems("lines", "characters");
		unit.select(0);
		new Label(controls, SWT.NONE).setText("Lines per stanza:");
		stanza = new Spinner(controls, SWT.BORDER);
		stanza.setValues(4, 0, 100, 0, 1, 1);
		Button again = new Button(controls, SWT.PUSH);
		again.setText("Generate again");
		again.addListener(SWT.Selection, e -> generateAgain());
		status = new Label(parent, SWT.NONE);
		status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		poem = new Text(parent, SWT.MULTI | SWT.BORDER | SWT.WRAP | SWT.V_SCROLL | SWT.READ_ONLY);
		poem.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		createInteractive(parent);
		refreshModels();
	}

	private void createInteractive(Composite parent) {
		Group group = new Group(parent, SWT.NONE);
		group.setText("Interactive: what does the network expect next?");
		group.setLayout(new GridLayout(4, false));
		group.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		interactiveText = new Text(group, SWT.MULTI | SWT.BORDER | SWT.WRAP | SWT.V_SCROLL | SWT.READ_ONLY);
		GridData textData = new GridData(SWT.FILL, SWT.FILL, true, true, 1, 2);
		interactiveText.setLayoutData(textData);
		candidates = new Table(group, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
		candidates.setHeaderVisible(true);
		candidates.setLayoutData(new GridData(SWT.FILL, SWT.FILL, false, true, 3, 1));
		for (String[] column : new String[][] { { "Next", "60" }, { "Probability", "90" }, { "", "160" } }) {
			TableColumn c = new TableColumn(candidates, SWT.LEFT);
			c.setText(column[0]);
			c.setWidth(Integer.parseInt(column[1]));
		}
		candidates.addListener(SWT.DefaultSelection, e -> pick(candidates.getSelectionIndex()));
		Button pick = new Button(group, SWT.PUSH);
		pick.setText("Pick");
		pick.addListener(SWT.Selection, e -> pick(Math.max(0, candidates.getSelectionIndex())));
		Button accept = new Button(group, SWT.PUSH);
		accept.setText("Accept most likely");
		accept.addListener(SWT.Selection, e -> pick(0));
		Button restart = new Button(group, SWT.PUSH);
		restart.setText("Start from prime");
		restart.addListener(SWT.Selection, e -> restartInteractive());
	}

	private void showTemperature() {
		temperatureLabel.setText(String.format(Locale.ROOT, "%.2f", temperature.getSelection() / 100.0));
	}

	/** Lists the models of the open Neurograph projects. */
	public void refreshModels() {
		List<ModelChoices.Choice> found = ModelChoices.find();
		modelFolders = new ArrayList<>(found.stream().map(ModelChoices.Choice::folder).toList());
		models.setItems(found.stream().map(ModelChoices.Choice::label).toArray(String[]::new));
	}

	/** Loads the model in {@code folder} in a job; the interactive mode restarts when it is loaded. */
	public Job loadModel(Path folder) {
		int listed = modelFolders.indexOf(folder);
		if (listed >= 0 && models.getSelectionIndex() != listed) {
			models.select(listed);
		}
		status.setText("Loading " + folder.getFileName() + "…");
		Job job = Job.create("Loading the model " + folder.getFileName(), monitor -> {
			try {
				CharLstm loaded = CharLstmFiles.load(folder);
				ui(() -> {
					model = loaded;
					status.setText(String.format(Locale.ROOT, "%s: %d x %d LSTM, %d characters", folder.getFileName(),
							loaded.layers(), loaded.hidden(), loaded.vocabularySize()));
					restartInteractive();
				});
			} catch (IOException e) {
				ui(() -> status.setText(e.getMessage()));
			}
			return Status.OK_STATUS;
		});
		job.schedule();
		return job;
	}

	/** Writes a new text with a new seed, in a job. */
	public Job generateAgain() {
		if (model == null) {
			status.setText("Choose a model first: train one, import a char-rnn, or pick a model folder.");
			return null;
		}
		CharLstm current = model;
		long seed = seeds.incrementAndGet();
		PoemWriter.Settings settings;
		try {
			settings = new PoemWriter.Settings(prime.getText(), temperature.getSelection() / 100.0, 0,
					length.getSelection(), unit.getSelectionIndex() == 0 ? PoemWriter.Unit.LINES : PoemWriter.Unit.CHARACTERS,
					stanza.getSelection());
		} catch (IllegalArgumentException e) {
			status.setText(e.getMessage());
			return null;
		}
		Job job = Job.create("Writing a poem", monitor -> {
			try {
				String text = PoemWriter.write(current, settings, seed);
				ui(() -> {
					lastSeed = seed;
					poem.setText(text);
					status.setText(String.format(Locale.ROOT, "Seed %d, temperature %.2f", seed, settings.temperature()));
				});
			} catch (IllegalArgumentException e) {
				ui(() -> status.setText(e.getMessage()));
			}
			return Status.OK_STATUS;
		});
		job.setUser(false);
		job.schedule();
		return job;
	}

	private void restartInteractive() {
		if (model == null) {
			return;
		}
		TextSampler s = new TextSampler(model, 0);
		try {
			s.prime(prime.getText());
			interactiveText.setText(prime.getText());
		} catch (IllegalArgumentException e) {
			status.setText(e.getMessage());
			s = new TextSampler(model, 0);
			s.prime("");
			interactiveText.setText("");
		}
		sampler = s;
		showCandidates();
	}

	/** Writes candidate {@code index} (0 is the most likely) in the interactive mode. */
	public void pick(int index) {
		if (sampler == null || index < 0 || index >= candidates.getItemCount()) {
			return;
		}
		char c = (char) candidates.getItem(index).getData();
		sampler.accept(c);
		interactiveText.append(String.valueOf(c));
		showCandidates();
	}

	private void showCandidates() {
		candidates.removeAll();
		for (TextSampler.Candidate c : sampler.candidates(CANDIDATES)) {
			TableItem item = new TableItem(candidates, SWT.NONE);
			item.setData(c.character());
			item.setText(new String[] { visible(c.character()), String.format(Locale.ROOT, "%.1f %%", 100 * c.probability()),
					"█".repeat((int) Math.round(20 * c.probability())) });
		}
	}

	private static String visible(char c) {
		return switch (c) {
		case '\n' -> "⏎";
		case ' ' -> "␣";
		case '\t' -> "⇥";
		default -> String.valueOf(c);
		};
	}

	private void ui(Runnable r) {
		if (!poem.isDisposed()) {
			poem.getDisplay().asyncExec(() -> {
				if (!poem.isDisposed()) {
					r.run();
				}
			});
		}
	}

	/** The text written last. */
	public String poemText() {
		return poem.getText();
	}

	/** The seed of the text written last. */
	public long lastSeed() {
		return lastSeed;
	}

	/** The interactive mode's text so far. */
	public String interactiveText() {
		return interactiveText.getText();
	}

	/** The interactive mode's candidate rows: character, probability. */
	public List<String> candidateRows() {
		List<String> rows = new ArrayList<>();
		for (TableItem item : candidates.getItems()) {
			rows.add(item.getText(0) + " " + item.getText(1));
		}
		return rows;
	}

	/** The model list's selected entry, or an empty string. */
	public String selectedModel() {
		return models.getText();
	}

	/** The status line. */
	public String status() {
		return status.getText();
	}

	/** Sets the prime (as a user typing it). */
	public void setPrime(String text) {
		prime.setText(text);
	}

	/** Sets the temperature (0 to 2). */
	public void setTemperature(double t) {
		temperature.setSelection((int) Math.round(t * 100));
		showTemperature();
	}

	@Override
	public void setFocus() {
		poem.setFocus();
	}
}
