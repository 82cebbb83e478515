package org.neurograph.music.ui.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowData;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.IURIEditorInput;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.part.EditorPart;
import org.eclipse.jface.resource.JFaceResources;
import org.neurograph.api.CancelledException;
import org.neurograph.music.AudioOutput;
import org.neurograph.music.AudioRenderer;
import org.neurograph.music.Fraction;
import org.neurograph.music.MidiExport;
import org.neurograph.music.MidiOptions;
import org.neurograph.music.MusicException;
import org.neurograph.music.SoundFonts;
import org.neurograph.music.SynthOptions;
import org.neurograph.music.Tempo;
import org.neurograph.music.Tune;
import org.neurograph.music.TunePlayer;
import org.neurograph.assets.MonitorProgress;

/**
 * The tune editor, opened by double-clicking an {@code .abc} or MIDI file: a piano roll of the tune as it is played
 * with the ABC text beside it, a tune chooser for collections, Play / Stop (Space), tempo (default from the tune's
 * {@code Q:}), General MIDI instrument, zoom, and export to MIDI and WAV. During playback a timer on the UI thread
 * reads the player's position and highlights the note being heard in the roll and its characters in the text. A file
 * that cannot be read shows the reader's message with the place of the error; playback that cannot start (no sound
 * device) says so in the editor. The editor never changes the file: "Edit as Text" opens the text editor.
 */
public final class TuneEditor extends EditorPart {
	/** The editor's id in plugin.xml. */
	public static final String ID = "org.neurograph.music.ui.tuneEditor";
	/** The text editor "Edit as Text" opens. */
	private static final String TEXT_EDITOR = "org.eclipse.ui.DefaultTextEditor";
	private static final int TIMER_MS = 40;
	private static final Color ERROR_LINE = new Color(255, 236, 200);

	private Path path;
	/** The SoundFont the user chose, or null for the system's. */
	private volatile Path chosenSoundFont;
	private Composite stack;
	private StackLayout stackLayout;
	private Composite content;
	private Composite errorPage;
	private Label loadingLabel;
	private Label errorMessage;
	private StyledText errorSource;
	private Combo tuneCombo;
	private Label tuneLabel;
	private Composite tuneGroup;
	private Button playButton;
	private Button stopButton;
	private Spinner tempoSpinner;
	private Label beatLabel;
	private Combo instrumentCombo;
	private PianoRoll roll;
	private StyledText abcText;
	private Label status;

	private TuneFile file;
	private TuneFile.Entry entry;
	private int tuneBpm = Tempo.DEFAULT.beatsPerMinute();
	private Function<SynthOptions, TunePlayer> playerFactory = o -> new TunePlayer(o, AudioOutput.speakers());
	private TunePlayer player;
	private Fraction playStart = Fraction.ZERO;
	/** The options the current playback was started with. */
	private SynthOptions playingOptions;
	/** Counts play requests, so that a start that finishes after a stop or a newer start is dropped. */
	private int playRequest;
	private boolean starting;
	private int loads;
	private final IResourceChangeListener fileListener = this::resourceChanged;

	@Override
	public void init(IEditorSite site, IEditorInput input) throws PartInitException {
		Path p = pathOf(input);
		if (p == null) {
			throw new PartInitException("The tune editor opens .abc and MIDI files on disk, not " + input.getName() + ".");
		}
		setSite(site);
		setInput(input);
		path = p;
		setPartName(input.getName());
		setTitleToolTip(p.toString());
		ResourcesPlugin.getWorkspace().addResourceChangeListener(fileListener, IResourceChangeEvent.POST_CHANGE);
	}

	private static Path pathOf(IEditorInput input) {
		if (input instanceof IFileEditorInput f) {
			IPath location = f.getFile().getLocation();
			return location == null ? null : location.toPath();
		}
		if (input instanceof IURIEditorInput u && "file".equals(u.getURI().getScheme())) {
			return Path.of(u.getURI());
		}
		return null;
	}

	@Override
	public void createPartControl(Composite parent) {
		stack = new Composite(parent, SWT.NONE);
		stackLayout = new StackLayout();
		stack.setLayout(stackLayout);
		loadingLabel = new Label(stack, SWT.NONE);
		loadingLabel.setText("Reading " + path.getFileName() + "...");
		createContent(stack);
		createErrorPage(stack);
		stackLayout.topControl = loadingLabel;
		load();
	}

	private void createContent(Composite parent) {
		content = new Composite(parent, SWT.NONE);
		content.setLayout(new GridLayout(1, false));
		Composite bar = new Composite(content, SWT.NONE);
		bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		RowLayout barLayout = new RowLayout(SWT.HORIZONTAL);
		barLayout.wrap = true;
		barLayout.center = true;
		barLayout.marginLeft = 0;
		barLayout.marginTop = 0;
		barLayout.marginBottom = 0;
		barLayout.spacing = 6;
		bar.setLayout(barLayout);
		tuneGroup = group(bar);
		tuneLabel = new Label(tuneGroup, SWT.NONE);
		tuneLabel.setText("Tune:");
		tuneCombo = new Combo(tuneGroup, SWT.READ_ONLY | SWT.DROP_DOWN);
		tuneCombo.setVisibleItemCount(20);
		tuneCombo.setLayoutData(new RowData(220, SWT.DEFAULT));
		tuneCombo.setToolTipText("The tunes of this collection (X: numbers and titles)");
		tuneCombo.addListener(SWT.Selection, e -> showTune(tuneCombo.getSelectionIndex()));
		playButton = new Button(bar, SWT.PUSH);
		playButton.setText("\u25B6 Play");
		playButton.setToolTipText("Play from the cursor (Space plays and stops; click in the roll to move the cursor)");
		playButton.addListener(SWT.Selection, e -> play());
		stopButton = new Button(bar, SWT.PUSH);
		stopButton.setText("\u25A0 Stop");
		stopButton.setToolTipText("Stop playing (Space)");
		stopButton.addListener(SWT.Selection, e -> stop());
		Composite tempoGroup = group(bar);
		new Label(tempoGroup, SWT.NONE).setText("Tempo:");
		tempoSpinner = new Spinner(tempoGroup, SWT.BORDER);
		tempoSpinner.setToolTipText("Beats per minute; the default is the tune's Q: field (or 1/4=120)");
		tempoSpinner.addListener(SWT.Selection, e -> optionsChanged());
		tempoSpinner.addListener(SWT.Modify, e -> optionsChanged());
		beatLabel = new Label(tempoGroup, SWT.NONE);
		Composite instrumentGroup = group(bar);
		new Label(instrumentGroup, SWT.NONE).setText("Instrument:");
		instrumentCombo = new Combo(instrumentGroup, SWT.READ_ONLY | SWT.DROP_DOWN);
		instrumentCombo.setVisibleItemCount(24);
		instrumentCombo.setLayoutData(new RowData(200, SWT.DEFAULT));
		for (int p = 0; p < 128; p++) {
			instrumentCombo.add(GeneralMidi.label(p));
		}
		instrumentCombo.select(MidiOptions.DEFAULT.program());
		instrumentCombo.setToolTipText("The General MIDI instrument that plays the tune");
		instrumentCombo.addListener(SWT.Selection, e -> optionsChanged());
		Button zoomOut = new Button(bar, SWT.PUSH);
		zoomOut.setText("\u2212");
		zoomOut.setToolTipText("Zoom out (Ctrl+mouse wheel)");
		zoomOut.addListener(SWT.Selection, e -> roll.zoom(0.8));
		Button zoomIn = new Button(bar, SWT.PUSH);
		zoomIn.setText("+");
		zoomIn.setToolTipText("Zoom in (Ctrl+mouse wheel)");
		zoomIn.addListener(SWT.Selection, e -> roll.zoom(1.25));
		Button soundFontButton = new Button(bar, SWT.PUSH);
		soundFontButton.setText("SoundFont...");
		soundFontButton.setToolTipText("Play and render with an SF2 SoundFont of your choice (cancel the dialog to go back "
				+ "to the system's General MIDI SoundFont)");
		soundFontButton.addListener(SWT.Selection, e -> {
			FileDialog dialog = new FileDialog(soundFontButton.getShell(), SWT.OPEN);
			dialog.setText("Choose an SF2 SoundFont");
			dialog.setFilterExtensions(new String[] { "*.sf2", "*.*" });
			String chosen = dialog.open();
			chooseSoundFont(chosen == null ? null : Path.of(chosen));
		});
		Button exportMidi = new Button(bar, SWT.PUSH);
		exportMidi.setText("Export MIDI...");
		exportMidi.setToolTipText("Save the tune as a Standard MIDI File with this tempo and instrument");
		exportMidi.addListener(SWT.Selection, e -> exportMidi(null));
		Button exportWav = new Button(bar, SWT.PUSH);
		exportWav.setText("Export WAV...");
		exportWav.setToolTipText("Render the tune to a WAV file with this tempo and instrument (no sound card needed)");
		exportWav.addListener(SWT.Selection, e -> exportWav(null));

		SashForm sash = new SashForm(content, SWT.HORIZONTAL);
		sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		roll = new PianoRoll(sash);
		roll.onCursor(at -> {
			if (isPlaying()) {
				play();
			}
		});
		abcText = new StyledText(sash, SWT.READ_ONLY | SWT.MULTI | SWT.H_SCROLL | SWT.V_SCROLL | SWT.BORDER);
		abcText.setFont(JFaceResources.getTextFont());
		abcText.setMargins(4, 4, 4, 4);
		abcText.setWordWrap(true);
		sash.setWeights(68, 32);
		Listener space = e -> {
			if (e.character == ' ' && (e.stateMask & SWT.MODIFIER_MASK) == 0) {
				e.doit = false;
				togglePlay();
			}
		};
		roll.addListener(SWT.KeyDown, space);
		abcText.addListener(SWT.KeyDown, space);
		abcText.addListener(SWT.MouseUp, e -> {
			if (!isPlaying() && abcText.getSelectionCount() == 0) {
				noteAtCaret(abcText.getCaretOffset());
			}
		});
		status = new Label(content, SWT.WRAP);
		GridData statusData = new GridData(SWT.FILL, SWT.CENTER, true, false);
		statusData.widthHint = 300;
		status.setLayoutData(statusData);
		updateButtons();
	}

	/** A label and its control, kept together on one line when the tool bar wraps. */
	private static Composite group(Composite bar) {
		Composite group = new Composite(bar, SWT.NONE);
		RowLayout layout = new RowLayout(SWT.HORIZONTAL);
		layout.center = true;
		layout.wrap = false;
		layout.marginLeft = 8;
		layout.marginRight = 0;
		layout.marginTop = 0;
		layout.marginBottom = 0;
		group.setLayout(layout);
		return group;
	}

	private void createErrorPage(Composite parent) {
		errorPage = new Composite(parent, SWT.NONE);
		errorPage.setLayout(new GridLayout(2, false));
		Label icon = new Label(errorPage, SWT.NONE);
		icon.setImage(parent.getDisplay().getSystemImage(SWT.ICON_ERROR));
		icon.setLayoutData(new GridData(SWT.BEGINNING, SWT.BEGINNING, false, false));
		errorMessage = new Label(errorPage, SWT.WRAP);
		GridData messageData = new GridData(SWT.FILL, SWT.BEGINNING, true, false);
		messageData.widthHint = 400;
		errorMessage.setLayoutData(messageData);
		Button edit = new Button(errorPage, SWT.PUSH);
		edit.setText("Edit as Text");
		edit.setToolTipText("Open the file in the text editor to correct it; this view reads it again when it is saved");
		edit.setLayoutData(new GridData(SWT.BEGINNING, SWT.CENTER, false, false, 2, 1));
		edit.addListener(SWT.Selection, e -> editAsText());
		errorSource = new StyledText(errorPage, SWT.READ_ONLY | SWT.MULTI | SWT.H_SCROLL | SWT.V_SCROLL | SWT.BORDER);
		errorSource.setFont(JFaceResources.getTextFont());
		errorSource.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
	}

	/** Reads the file in a job and shows it when done. */
	private void load() {
		int load = ++loads;
		Path p = path;
		Job job = Job.create("Reading " + p.getFileName(), (IProgressMonitor monitor) -> {
			TuneFile read;
			try {
				read = TuneFile.read(p);
			} catch (RuntimeException e) {
				read = new TuneFile(List.of(), List.of(), "", "The file " + p.getFileName()
						+ " cannot be shown: " + e, 0, 0, false);
				IStatus s = Status.error("Reading " + p + " failed", e);
				org.eclipse.core.runtime.ILog.of(TuneEditor.class).log(s);
			}
			TuneFile result = read;
			Display display = stack.getDisplay();
			if (!display.isDisposed()) {
				display.asyncExec(() -> {
					if (!stack.isDisposed() && load == loads) {
						show(result);
					}
				});
			}
			return Status.OK_STATUS;
		});
		job.setSystem(true);
		job.schedule();
	}

	/** Shows what was read: the tunes, or the error page. */
	void show(TuneFile read) {
		stop();
		file = read;
		if (!read.readable()) {
			entry = null;
			errorMessage.setText(read.problem());
			errorSource.setText(read.source());
			if (read.line() > 0 && read.line() <= errorSource.getLineCount()) {
				int offset = errorSource.getOffsetAtLine(read.line() - 1);
				int lineEnd = read.line() < errorSource.getLineCount() ? errorSource.getOffsetAtLine(read.line()) - 1
						: errorSource.getCharCount();
				errorSource.setLineBackground(read.line() - 1, 1, ERROR_LINE);
				int caret = Math.min(lineEnd, offset + Math.max(0, read.column() - 1));
				errorSource.setSelection(caret, Math.min(lineEnd, caret + 1));
				errorSource.setTopIndex(Math.max(0, read.line() - 4));
			}
			stackLayout.topControl = errorPage;
			stack.layout(true, true);
			return;
		}
		int previous = entry == null ? 0 : tuneCombo.getSelectionIndex();
		tuneCombo.removeAll();
		for (TuneFile.Entry e : read.tunes()) {
			tuneCombo.add(e.label());
		}
		boolean several = read.tunes().size() > 1;
		tuneLabel.setText(read.midi() ? "Track:" : "Tune:");
		tuneCombo.setToolTipText(read.midi() ? "The melody of all tracks together (the highest note sounding), or of one track"
				: "The tunes of this collection (X: numbers and titles)");
		tuneGroup.setVisible(several);
		RowData data = new RowData();
		data.exclude = !several;
		tuneGroup.setLayoutData(data);
		stackLayout.topControl = content;
		showTune(previous >= 0 && previous < read.tunes().size() ? previous : 0); // read again: the same tune
		stack.layout(true, true);
	}

	/** Shows tune {@code index} of the file. */
	public void showTune(int index) {
		stop();
		entry = file.tunes().get(index);
		if (tuneCombo.getSelectionIndex() != index) {
			tuneCombo.select(index);
		}
		roll.setTune(entry.tune());
		abcText.setText(entry.abc());
		Tempo tempo = entry.tune().played().header().effectiveTempo();
		tuneBpm = tempo.beatsPerMinute();
		tempoSpinner.setValues(tuneBpm, Math.max(1, (int) Math.ceil(tuneBpm / 4.0)), Math.min(2000, tuneBpm * 4), 0, 1, 10);
		beatLabel.setText("bpm (beat " + tempo.beat() + ")");
		beatLabel.getParent().layout();
		int notes = entry.tune().notes().size();
		StringBuilder s = new StringBuilder();
		long bars = 1 + entry.tune().bars().stream()
				.filter(b -> b.isPositive() && b.compareTo(entry.tune().duration()) < 0).count();
		s.append(notes).append(notes == 1 ? " note, " : " notes, ").append(bars)
				.append(bars == 1 ? " bar" : " bars").append(" as played, ").append(formatSeconds(seconds(entry.tune().duration()))).append(". ");
		if (!file.errors().isEmpty()) {
			s.append(file.errors().size()).append(file.midi() ? (file.errors().size() == 1 ? " track" : " tracks")
					: file.errors().size() == 1 ? " tune" : " tunes")
					.append(" of this file could not be read; the first: ").append(file.errors().get(0));
		}
		setStatus(s.toString().strip(), false);
		updateButtons();
		roll.getParent().layout(true, true);
	}

	private void togglePlay() {
		if (isPlaying()) {
			stop();
		} else {
			play();
		}
	}

	/** Plays the tune from the cursor with the chosen tempo and instrument. */
	public void play() {
		if (entry == null) {
			return;
		}
		stopPlayer();
		PlayedTune tune = entry.tune();
		Fraction start = roll.cursor().compareTo(tune.duration()) >= 0 ? Fraction.ZERO : roll.cursor();
		Tune slice = tune.from(start);
		SynthOptions options = synthOptions();
		Function<SynthOptions, TunePlayer> factory = playerFactory;
		int request = ++playRequest;
		playingOptions = options;
		starting = true;
		updateButtons();
		setStatus("Starting playback...", false);
		Display display = stack.getDisplay();
		Job job = Job.create("Starting playback", (IProgressMonitor monitor) -> {
			TunePlayer p = null;
			String error = null;
			try {
				p = factory.apply(options.withSoundFont(soundFont()));
				p.play(slice);
			} catch (MusicException e) {
				error = e.getMessage();
			} catch (RuntimeException e) {
				error = "Playback failed: " + e.getMessage();
				org.eclipse.core.runtime.ILog.of(TuneEditor.class).log(Status.error("Playback failed", e));
			}
			TunePlayer started = error == null ? p : null;
			if (started == null && p != null) {
				p.close();
			}
			String message = error;
			display.asyncExec(() -> started(request, started, start, message));
			return Status.OK_STATUS;
		});
		job.setSystem(true);
		job.schedule();
	}

	private void started(int request, TunePlayer p, Fraction start, String error) {
		if (stack.isDisposed() || request != playRequest) {
			if (p != null) {
				p.close();
			}
			return;
		}
		starting = false;
		if (error != null) {
			setStatus(error, true);
			updateButtons();
			return;
		}
		player = p;
		playStart = start;
		setStatus("Playing " + entry.label() + " at " + tempoSpinner.getSelection() + " beats per minute on "
				+ GeneralMidi.PROGRAMS.get(instrumentCombo.getSelectionIndex()) + ".", false);
		updateButtons();
		tick(p);
	}

	/** Follows the player: highlights the note at its position until it ends or is stopped. */
	private void tick(TunePlayer p) {
		if (stack.isDisposed() || p != player) {
			return;
		}
		Optional<Fraction> at = p.position();
		if (at.isEmpty() && !p.isPlaying()) {
			player = null;
			p.close();
			showPosition(null);
			roll.setCursor(Fraction.ZERO);
			setStatus("Played to the end.", false);
			updateButtons();
			return;
		}
		at.ifPresent(x -> showPosition(playStart.plus(x)));
		stack.getDisplay().timerExec(TIMER_MS, () -> tick(p));
	}

	/** Stops playing; the cursor stays at the note that was playing, so that Play continues from there. */
	public void stop() {
		if (player != null) {
			int at = roll.highlighted();
			if (at >= 0) {
				roll.setCursor(entry.tune().notes().get(at).time());
			}
			setStatus("Stopped.", false);
		}
		stopPlayer();
		playRequest++;
		starting = false;
		showPosition(null);
		updateButtons();
	}

	private void stopPlayer() {
		if (player != null) {
			TunePlayer p = player;
			player = null;
			p.close();
		}
	}

	/** True while a tune plays (or is starting). */
	public boolean isPlaying() {
		return player != null || starting;
	}

	/** A tempo or instrument change: while playing, play on from the current note with the new settings. */
	private void optionsChanged() {
		if (player != null && !synthOptions().equals(playingOptions)) {
			int at = roll.highlighted();
			if (at >= 0) {
				roll.setCursor(entry.tune().notes().get(at).time());
			}
			play();
		}
	}

	/**
	 * Highlights the note sounding at {@code time} (whole notes of the played tune) in the roll and selects its
	 * characters in the ABC text; {@code null} clears the highlight.
	 */
	public void showPosition(Fraction time) {
		if (entry == null || roll.isDisposed()) {
			return;
		}
		int index = time == null ? -1 : entry.tune().noteAt(time);
		roll.setPlayhead(time);
		roll.setHighlighted(index);
		if (index < 0) {
			return;
		}
		int written = entry.tune().writtenIndex(index);
		if (entry.ranges() != null && written >= 0) {
			int[] r = entry.ranges().get(written);
			abcText.setSelection(r[0], r[1]);
			abcText.showSelection();
		}
	}

	/**
	 * Puts the play cursor on the first time the note written at {@code offset} of the ABC text is played, and
	 * highlights it; nothing happens away from a note.
	 *
	 * @return the played note's index, or -1
	 */
	public int noteAtCaret(int offset) {
		if (entry == null || entry.ranges() == null) {
			return -1;
		}
		for (int w = 0; w < entry.ranges().size(); w++) {
			int[] r = entry.ranges().get(w);
			if (offset >= r[0] && offset <= r[1]) {
				PlayedTune t = entry.tune();
				for (int i = 0; i < t.notes().size(); i++) {
					if (t.writtenIndex(i) == w) {
						roll.setCursor(t.notes().get(i).time());
						roll.setHighlighted(i);
						return i;
					}
				}
			}
		}
		return -1;
	}

	/** How the tune is synthesized: the instrument and the tempo as chosen. */
	public SynthOptions synthOptions() {
		double scale = Math.max(0.25, Math.min(4, (double) tempoSpinner.getSelection() / tuneBpm));
		MidiOptions midi = MidiOptions.DEFAULT.withProgram(Math.max(0, instrumentCombo.getSelectionIndex()))
				.withTempoScale(scale);
		return SynthOptions.DEFAULT.withMidi(midi);
	}

	private void updateButtons() {
		if (playButton.isDisposed()) {
			return;
		}
		boolean playing = isPlaying();
		playButton.setEnabled(entry != null && !playing);
		stopButton.setEnabled(playing);
	}

	private void setStatus(String text, boolean error) {
		if (status.isDisposed()) {
			return;
		}
		status.setText(text);
		status.setForeground(error ? status.getDisplay().getSystemColor(SWT.COLOR_RED) : null);
		status.getParent().layout(new Control[] { status });
	}

	private double seconds(Fraction wholeNotes) {
		Tempo t = entry.tune().played().header().effectiveTempo();
		return wholeNotes.toDouble() / t.beat().toDouble() / t.beatsPerMinute() * 60;
	}

	private static String formatSeconds(double s) {
		long total = Math.round(s);
		return String.format(Locale.ROOT, "%d:%02d at the tune's tempo", total / 60, total % 60);
	}

	// ---- export

	/**
	 * Saves the tune as MIDI with the chosen tempo and instrument, asking where unless {@code target} is given.
	 *
	 * @return the job writing it, or {@code null} if nothing is written
	 */
	public Job exportMidi(Path target) {
		Path to = target != null ? target : ask("mid", "*.mid");
		if (to == null || entry == null) {
			return null;
		}
		Tune tune = entry.tune().written();
		MidiOptions midi = synthOptions().midi().withComment("Exported by Neurograph from " + path.getFileName()
				+ ", tune " + entry.label());
		return export("Exporting " + to.getFileName(), to, monitor -> {
			MidiExport.write(tune, to, midi);
		});
	}

	/**
	 * Renders the tune to WAV with the chosen tempo and instrument, asking where unless {@code target} is given.
	 *
	 * @return the job rendering it, or {@code null} if nothing is written
	 */
	public Job exportWav(Path target) {
		Path to = target != null ? target : ask("wav", "*.wav");
		if (to == null || entry == null) {
			return null;
		}
		Tune tune = entry.tune().written();
		SynthOptions options = synthOptions();
		return export("Rendering " + to.getFileName(), to, monitor -> {
			AudioRenderer.renderWav(tune, to, options.withSoundFont(soundFont()),
					new MonitorProgress(monitor));
		});
	}

	private interface Work {
		void run(IProgressMonitor monitor) throws IOException, MusicException, CancelledException;
	}

	private Job export(String name, Path to, Work work) {
		Display display = stack.getDisplay();
		Job job = Job.create(name, (IProgressMonitor monitor) -> {
			String message;
			boolean error = true;
			try {
				work.run(monitor);
				message = "Saved " + to + " (" + Files.size(to) / 1024 + " KB).";
				error = false;
				refresh(to);
			} catch (CancelledException e) {
				return Status.CANCEL_STATUS;
			} catch (IOException e) {
				message = "Cannot write " + to + ": " + e.getMessage();
			} catch (MusicException e) {
				message = e.getMessage();
			}
			String m = message;
			boolean failed = error;
			display.asyncExec(() -> setStatus(m, failed));
			return Status.OK_STATUS;
		});
		job.setUser(true);
		job.schedule();
		return job;
	}

	private Path ask(String extension, String filter) {
		FileDialog dialog = new FileDialog(stack.getShell(), SWT.SAVE);
		dialog.setOverwrite(true);
		dialog.setFilterExtensions(new String[] { filter });
		dialog.setFilterPath(path.getParent().toString());
		String base = path.getFileName().toString().replaceFirst("\\.[^.]*$", "");
		if (file != null && file.tunes().size() > 1) {
			int index = tuneCombo.getSelectionIndex();
			base += file.midi() ? (index == 0 ? "" : "-track" + index) : "-" + entry.tune().written().header().number();
		}
		dialog.setFileName(base + "." + extension);
		String chosen = dialog.open();
		if (chosen == null) {
			return null;
		}
		return chosen.toLowerCase(Locale.ROOT).endsWith("." + extension) ? Path.of(chosen) : Path.of(chosen + "." + extension);
	}

	/** Lets the workspace see a file written into one of its folders. */
	private static void refresh(Path written) {
		try {
			for (IContainer c : ResourcesPlugin.getWorkspace().getRoot()
					.findContainersForLocationURI(written.getParent().toUri())) {
				c.refreshLocal(IResource.DEPTH_ONE, null);
			}
		} catch (CoreException e) {
			// the file is written; the Project Explorer shows it on the next refresh
		}
	}

	// ---- the file changing

	private void resourceChanged(IResourceChangeEvent event) {
		if (!(getEditorInput() instanceof IFileEditorInput input) || event.getDelta() == null) {
			return;
		}
		IFile f = input.getFile();
		IResourceDelta delta = event.getDelta().findMember(f.getFullPath());
		if (delta == null) {
			return;
		}
		boolean gone = delta.getKind() == IResourceDelta.REMOVED;
		boolean changed = delta.getKind() == IResourceDelta.CHANGED
				&& (delta.getFlags() & (IResourceDelta.CONTENT | IResourceDelta.REPLACED)) != 0;
		Display display = stack == null ? null : stack.getDisplay();
		if ((gone || changed) && display != null && !display.isDisposed()) {
			display.asyncExec(() -> {
				if (stack.isDisposed()) {
					return;
				}
				if (gone) {
					getSite().getPage().closeEditor(this, false); // deleted or moved away, as text editors do
				} else {
					load();
				}
			});
		}
	}

	private void editAsText() {
		try {
			IDE.openEditor(getSite().getPage(), getEditorInput(), TEXT_EDITOR);
		} catch (PartInitException e) {
			errorMessage.setText(errorMessage.getText() + "\n\nThe text editor cannot open the file: " + e.getMessage());
		}
	}

	// ---- for tests

	/** Replaces how players are made (tests play into an output that stands in for the sound card). */
	public void setPlayerFactory(Function<SynthOptions, TunePlayer> factory) {
		playerFactory = factory;
	}

	/** What was read, or {@code null} while reading. */
	public TuneFile tuneFile() {
		return file;
	}

	/** The tune shown, or {@code null}. */
	public TuneFile.Entry tune() {
		return entry;
	}

	/** The tune chooser's entries, empty while it is hidden (one tune). */
	public List<String> tuneChoices() {
		return tuneGroup.getVisible() ? List.of(tuneCombo.getItems()) : List.of();
	}

	/** The chooser's label: "Tune:" for ABC collections, "Track:" for MIDI files. */
	public String chooserLabel() {
		return tuneLabel.getText();
	}

	/** Chooses a tune as the user does. */
	public void chooseTune(int index) {
		tuneCombo.select(index);
		tuneCombo.notifyListeners(SWT.Selection, new Event());
	}

	public PianoRoll pianoRoll() {
		return roll;
	}

	public StyledText abcText() {
		return abcText;
	}

	/** The selected characters of the ABC text. */
	public Point abcSelection() {
		return abcText.getSelection();
	}

	/** The error page's message, or "" when the file was read. */
	public String errorText() {
		return stackLayout.topControl == errorPage ? errorMessage.getText() : "";
	}

	/** The error page's source view. */
	public StyledText errorSource() {
		return errorSource;
	}

	/**
	 * Plays and renders with the SF2 SoundFont {@code file} from now on, or with the system's General MIDI SoundFont
	 * (Java's own instruments if there is none) when {@code file} is null. A file that is not a usable SF2 SoundFont
	 * (an SF3 file plays as noise in Java's synthesizer) is refused with its reason in the status line, and the
	 * SoundFont in use stays.
	 */
	public void chooseSoundFont(Path file) {
		if (file == null) {
			chosenSoundFont = null;
			Path system = SoundBanks.systemSoundFont();
			setStatus("SoundFont: " + (system == null ? "Java's built-in instruments" : system.getFileName()
					+ " (the system's General MIDI SoundFont)"), false);
			return;
		}
		try {
			SoundFonts.check(file);
		} catch (MusicException e) {
			setStatus(e.getMessage(), true);
			return;
		} catch (IOException e) {
			setStatus("Cannot read the SoundFont '" + file.getFileName() + "': " + e.getMessage(), true);
			return;
		}
		chosenSoundFont = file;
		setStatus("SoundFont: " + file.getFileName(), false);
		if (isPlaying()) {
			play();
		}
	}

	/** The SoundFont playback and WAV export use: the chosen one, else the system's (null: Java's instruments). */
	public Path soundFont() {
		return chosenSoundFont != null ? chosenSoundFont : SoundBanks.systemSoundFont();
	}

	/** The status line under the roll. */
	public String statusText() {
		return status.getText();
	}

	/** The tempo spinner's value. */
	public int tempo() {
		return tempoSpinner.getSelection();
	}

	/** Sets the tempo as the user does. */
	public void chooseTempo(int bpm) {
		tempoSpinner.setSelection(bpm);
		tempoSpinner.notifyListeners(SWT.Selection, new Event());
	}

	/** Chooses an instrument as the user does. */
	public void chooseInstrument(int program) {
		instrumentCombo.select(program);
		instrumentCombo.notifyListeners(SWT.Selection, new Event());
	}

	public boolean playEnabled() {
		return playButton.isEnabled();
	}

	// ---- editor part

	@Override
	public void setFocus() {
		if (stackLayout.topControl == content) {
			roll.setFocus();
		} else {
			stack.setFocus();
		}
	}

	@Override
	public void dispose() {
		ResourcesPlugin.getWorkspace().removeResourceChangeListener(fileListener);
		playRequest++;
		stopPlayer();
		super.dispose();
	}

	@Override
	public void doSave(IProgressMonitor monitor) {
		// the tune editor never changes the file
	}

	@Override
	public void doSaveAs() {
		// the tune editor never changes the file
	}

	@Override
	public boolean isDirty() {
		return false;
	}

	@Override
	public boolean isSaveAsAllowed() {
		return false;
	}
}
