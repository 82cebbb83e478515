package org.neurograph.music.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.SourceDataLine;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neurograph.music.AbcReader;
import org.neurograph.music.AbcWriter;
import org.neurograph.music.AudioOutput;
import org.neurograph.music.Event.Note;
import org.neurograph.music.Fraction;
import org.neurograph.music.MidiExport;
import org.neurograph.music.MidiImport;
import org.neurograph.music.MidiOptions;
import org.neurograph.music.SynthOptions;
import org.neurograph.music.Tune;
import org.neurograph.music.TunePlayer;
import org.neurograph.music.ui.internal.NewTuneWizard;
import org.neurograph.music.ui.internal.PianoRoll;
import org.neurograph.music.ui.internal.TuneEditor;

/**
 * The tune editor in the real workbench under Xvfb: opened on an ABC collection and a MIDI file written into a test
 * project, it shows the tunes' notes as the reader reads them, highlights the note at a playback position in the roll
 * and in the ABC text (through a repeat), plays through a real Gervill synthesizer into an output that stands in for
 * the sound card with the tempo and instrument chosen, shows a broken file's message, and exports MIDI and WAV.
 */
class TuneEditorUiTest {
	private static final long TIMEOUT_MS = 60_000;
	private static final int RATE = 44_100;

	/** Two tunes: the first with a repeat, a chord and a tie; the second without Q: (1/4=120 is assumed). */
	static final String BOOK = """
			X:1
			T:Test Reel
			M:4/4
			L:1/8
			Q:1/4=120
			K:D
			"D"d2f2 a2f2|[Ad]4 e2-e2:|

			X:2
			T:Second Tune
			M:6/8
			L:1/8
			K:G
			GAB c2d|e3 d3|]
			""";

	private Display display;
	private IWorkbenchPage page;
	private IProject project;

	@BeforeEach
	void setUp() throws Exception {
		display = Display.getCurrent();
		assertNotNull(display, "the test runs in the UI thread");
		page = waitFor(TuneEditorUiTest::activePage, "the workbench window");
		page.getWorkbenchWindow().getShell().setBounds(display.getBounds()); // Xvfb has no window manager to maximize
		project = ResourcesPlugin.getWorkspace().getRoot().getProject("music-ui-test");
		if (!project.exists()) {
			project.create(null);
		}
		project.open(null);
	}

	@AfterEach
	void tearDown() {
		page.closeAllEditors(false);
		processEvents(100);
	}

	@Test
	void opensACollectionAndShowsTheNotesOfTheChosenTune() throws Exception {
		TuneEditor editor = open(write("tunes.abc", BOOK));
		List<Tune> tunes = AbcReader.readBook(BOOK).tunes();
		assertEquals(List.of("1: Test Reel", "2: Second Tune"), editor.tuneChoices());
		PianoRoll roll = editor.pianoRoll();
		assertSameNotes(tunes.get(0).unfold().notes(), roll.notes());
		assertEquals(12, roll.notes().size(), "six notes played twice");
		assertEquals(120, editor.tempo(), "Q:1/4=120");
		assertTrue(editor.playEnabled());
		assertTrue(editor.statusText().startsWith("12 notes, 4 bars as played, 0:08"), editor.statusText());
		assertTrue(editor.abcText().getText().startsWith("X:1\nT:Test Reel\n"), editor.abcText().getText());
		assertFalse(editor.abcText().getText().contains("Second Tune"), "only the chosen tune's text");

		// the roll draws each note where its pitch and time say: x from the time, higher pitches higher up
		for (int i = 0; i < roll.notes().size(); i++) {
			Note n = roll.notes().get(i);
			Rectangle r = roll.noteBounds(i, n.pitch());
			assertEquals(roll.xOf(n.time()), r.x, "note " + i);
			assertEquals(roll.yOf(n.pitch()) + 1, r.y, "note " + i);
			assertTrue(Math.abs(r.width + 1 - n.length().toDouble() * roll.zoom()) <= 1.5, "note " + i + " width " + r.width);
		}
		Note d = roll.notes().get(0);
		Note a = roll.notes().get(2);
		assertTrue(a.pitch() > d.pitch() && roll.noteBounds(2, a.pitch()).y < roll.noteBounds(0, d.pitch()).y);
		assertEquals(List.of(69, 74), roll.notes().get(4).pitches(), "the chord [Ad]");

		// a playback position highlights its note in the roll and its characters in the ABC text, through the repeat
		String text = editor.abcText().getText();
		editor.showPosition(Fraction.of(9, 4));
		assertEquals(7, roll.highlighted(), "the second f of the second time through");
		assertEquals(Fraction.of(9, 4), roll.playhead());
		assertSelected(editor, text.indexOf("f2"), "f2");
		editor.showPosition(Fraction.of(13, 8));
		assertEquals(5, roll.highlighted());
		assertSelected(editor, text.indexOf("e2-e2"), "e2-e2");
		editor.showPosition(Fraction.of(9, 8));
		assertEquals(4, roll.highlighted());
		assertSelected(editor, text.indexOf("[Ad]4"), "[Ad]4");
		editor.showPosition(Fraction.of(5, 2));
		assertEquals(8, roll.highlighted(), "the a of the second time through");
		assertSelected(editor, text.indexOf("a2"), "a2");

		// the highlight is drawn: the note's pixels are orange, the others blue
		int aPitch = roll.notes().get(8).pitch();
		assertEquals(81, aPitch, "a");
		RGB[] colours = pixels(roll, roll.noteBounds(8, aPitch), roll.noteBounds(2, aPitch));
		assertEquals(PianoRoll.HIGHLIGHT, colours[0], "the highlighted note");
		assertEquals(PianoRoll.NOTE, colours[1], "the same note the first time through");
		screenshot("tune-editor.png");

		editor.showPosition(null);
		assertEquals(-1, roll.highlighted());
		assertNull(roll.playhead());

		// a click in the ABC text puts the play cursor on the note there (its first time through)
		assertEquals(5, editor.noteAtCaret(text.indexOf("e2-e2") + 3));
		assertEquals(Fraction.of(3, 2), roll.cursor());
		assertEquals(-1, editor.noteAtCaret(text.indexOf("T:Test")), "no note in the header");
		key(roll, SWT.ARROW_RIGHT);
		assertEquals(Fraction.of(2), roll.cursor(), "Right: the next note, the repeat's first");
		key(roll, SWT.ARROW_LEFT);
		key(roll, SWT.ARROW_LEFT);
		assertEquals(Fraction.of(1), roll.cursor(), "Left twice: back over the e to the chord");
		key(roll, SWT.HOME);
		assertEquals(Fraction.ZERO, roll.cursor());

		editor.chooseTune(1);
		assertSameNotes(tunes.get(1).unfold().notes(), roll.notes());
		assertEquals(120, editor.tempo(), "no Q: field: 1/4=120");
		assertTrue(editor.abcText().getText().startsWith("X:2\nT:Second Tune\n"));
		editor.showPosition(Fraction.of(3, 8));
		assertSelected(editor, editor.abcText().getText().indexOf("c2"), "c2");
	}

	@Test
	void playbackFollowsThePlayerWithTheChosenTempoAndInstrument() throws Exception {
		TuneEditor editor = open(write("reel.abc", BOOK));
		List<SynthOptions> made = new CopyOnWriteArrayList<>();
		List<HeldOutput> outputs = new CopyOnWriteArrayList<>();
		editor.setPlayerFactory(options -> {
			made.add(options);
			HeldOutput out = new HeldOutput(RATE);
			outputs.add(out);
			return new TunePlayer(options, out);
		});
		editor.chooseTempo(240);
		editor.chooseInstrument(40);
		space(editor);
		waitFor(() -> outputs.size() == 1 && outputs.get(0).held.getCount() == 0 ? true : null, "one second of audio");
		waitFor(() -> editor.pianoRoll().highlighted() >= 0 ? true : null, "the highlight");
		assertEquals(1, made.size());
		assertEquals(40, made.get(0).midi().program(), "the violin");
		assertEquals(2.0, made.get(0).midi().tempoScale(), 1e-9, "240 beats a minute where the tune says 120");
		assertTrue(editor.isPlaying());
		// one second at 240 quarter notes a minute is one whole note: the chord (at 120 it would be the a at 1/2);
		// the editor's timer reads the held player's position within a few ticks
		highlightSettlesOn(editor, 4);
		String text = editor.abcText().getText();
		assertSelected(editor, text.indexOf("[Ad]4"), "[Ad]4");
		screenshot("tune-editor-playing.png");

		// another instrument while playing: plays on from the note being heard, with the new instrument
		editor.chooseInstrument(73);
		waitFor(() -> outputs.size() == 2 && outputs.get(1).held.getCount() == 0 ? true : null, "the restart");
		assertTrue(outputs.get(0).closed, "the first player was stopped");
		assertEquals(73, made.get(1).midi().program(), "the flute");
		assertEquals(2.0, made.get(1).midi().tempoScale(), 1e-9);
		// from the chord at 1 on, one more second (a whole note) reaches 2: the d that starts the repeat
		highlightSettlesOn(editor, 6);
		assertSelected(editor, text.indexOf("d2f2"), "d2");

		space(editor);
		assertFalse(editor.isPlaying());
		assertTrue(outputs.get(1).closed, "Space stopped the player");
		assertEquals(-1, editor.pianoRoll().highlighted());
		assertEquals(Fraction.of(2), editor.pianoRoll().cursor(), "Play goes on from where it stopped");
		assertTrue(editor.playEnabled());
	}

	@Test
	void playbackWithoutASoundDeviceSaysSoInTheEditor() throws Exception {
		TuneEditor editor = open(write("nosound.abc", BOOK));
		AudioFormat format = SynthOptions.DEFAULT.audioFormat();
		boolean soundCard = AudioSystem.isLineSupported(new DataLine.Info(SourceDataLine.class, format));
		editor.play(); // the real speakers
		waitFor(() -> editor.statusText().startsWith("Starting") ? null : true, "playback to start or fail");
		if (soundCard) {
			assertTrue(editor.statusText().startsWith("Playing"), editor.statusText());
			editor.stop();
		} else {
			assertTrue(editor.statusText().startsWith("No sound output is available"), editor.statusText());
			assertTrue(editor.statusText().contains("render the tune to a WAV file"), editor.statusText());
			assertFalse(editor.isPlaying());
			assertTrue(editor.playEnabled(), "Play can be tried again");
			screenshot("tune-editor-no-sound.png");
		}
	}

	@Test
	void aBrokenFileShowsTheReadersMessageAndIsReadAgainWhenFixed() throws Exception {
		String broken = "X:1\nT:Broken\nM:4/4\nL:1/8\nK:D\nd2f2 #a2|\n";
		IFile file = write("broken.abc", broken);
		IEditorPart part = IDE.openEditor(page, file);
		TuneEditor editor = assertInstanceOf(part);
		String expected = AbcReader.readBook(broken).errors().get(0).getMessage();
		waitFor(() -> editor.errorText().isEmpty() ? null : true, "the error page");
		assertEquals(expected, editor.errorText());
		assertTrue(expected.contains("line 6, column 6"), expected);
		assertEquals(broken, editor.errorSource().getText());
		assertEquals(broken.indexOf('#'), editor.errorSource().getSelection().x, "the caret is on the error");
		screenshot("tune-editor-error.png");

		file.setContents(new ByteArrayInputStream(BOOK.getBytes(StandardCharsets.UTF_8)), true, false, null);
		waitFor(() -> editor.errorText().isEmpty() && editor.tuneFile() != null && editor.tuneFile().readable()
				&& editor.pianoRoll().notes().size() == 12 ? true : null, "the fixed file");

		// saved again (as the text editor does): read again, on the same tune
		editor.chooseTune(1);
		assertEquals(71, editor.pianoRoll().notes().get(2).pitch(), "GAB: B");
		file.setContents(new ByteArrayInputStream(BOOK.replace("GAB c2d", "GAG c2d").getBytes(StandardCharsets.UTF_8)),
				true, false, null);
		waitFor(() -> editor.pianoRoll().notes().get(2).pitch() == 67 ? true : null, "the changed tune");
		assertTrue(editor.tune().label().startsWith("2: "), editor.tune().label());

		file.delete(true, null);
		waitFor(() -> page.getEditorReferences().length == 0 ? true : null, "the editor of the deleted file to close");
	}

	@Test
	void opensMidiFilesAndExportsMidiAndWav() throws Exception {
		Tune second = AbcReader.readBook(BOOK).tunes().get(1);
		IFile mid = project.getFile("second.mid");
		MidiExport.write(second, mid.getLocation().toPath(), MidiOptions.DEFAULT);
		mid.refreshLocal(0, null);
		TuneEditor editor = open(mid);
		Tune imported = MidiImport.read(mid.getLocation().toPath(), MidiImport.ALL_TRACKS, MidiImport.DEFAULT_GRID);
		assertSameNotes(imported.unfold().notes(), editor.pianoRoll().notes());
		assertEquals(List.of(), editor.tuneChoices(), "one track with notes: no chooser");
		assertEquals(List.of(67, 69, 71, 72, 74, 76, 74), editor.pianoRoll().notes().stream().map(Note::pitch).toList());
		assertEquals(AbcWriter.write(imported), editor.abcText().getText());
		assertNotNull(editor.tune().ranges(), "the notes are found in the ABC text written from the MIDI file");
		editor.showPosition(Fraction.of(1, 2)); // c2 at 3/8..5/8
		Point sel = editor.abcSelection();
		assertEquals("c", editor.abcText().getText().substring(sel.x, sel.y).replaceAll("[0-9/]", ""));

		editor.chooseTempo(60);
		editor.chooseInstrument(73);
		Path midOut = project.getLocation().toPath().resolve("exported.mid");
		join(editor.exportMidi(midOut));
		Tune back = MidiImport.read(midOut, MidiImport.ALL_TRACKS, MidiImport.DEFAULT_GRID);
		assertEquals(imported.notes().stream().map(Note::pitches).toList(), back.notes().stream().map(Note::pitches).toList());
		assertEquals(60, back.header().effectiveTempo().beatsPerMinute() * back.header().effectiveTempo().beat().toDouble() * 4,
				1e-9, "the chosen tempo is in the file");
		assertTrue(project.getFile("exported.mid").exists(), "the Project Explorer sees the file");

		Path wav = project.getLocation().toPath().resolve("exported.wav");
		join(editor.exportWav(wav));
		byte[] bytes = Files.readAllBytes(wav);
		assertEquals("RIFF", new String(bytes, 0, 4, StandardCharsets.US_ASCII));
		// two bars of 6/8 at 60 quarter notes a minute (6 s) and a second of fade, 16-bit stereo at 44.1 kHz
		assertEquals(44 + 7L * RATE * 4, bytes.length);
		try (var files = Files.list(wav.getParent())) {
			assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file is left");
		}
		waitFor(() -> editor.statusText().startsWith("Saved") ? true : null, "the saved message");

		// the user's SoundFont: SF3 and non-SoundFont files are refused with their reason, an SF2 file is used
		Path system = editor.soundFont();
		editor.chooseSoundFont(Path.of("/nowhere/strings.sf3"));
		assertTrue(editor.statusText().contains("SF3"), editor.statusText());
		assertEquals(system, editor.soundFont(), "a refused file changes nothing");
		Path notes = Files.writeString(project.getLocation().toPath().resolve("notes.sf2"), "not a SoundFont at all");
		editor.chooseSoundFont(notes);
		assertTrue(editor.statusText().contains("'notes.sf2' is not a SoundFont"), editor.statusText());
		Path timGm = Path.of("/usr/share/sounds/sf2/TimGM6mb.sf2"); // Debian's timgm6mb-soundfont, which .ci/run installs
		assertTrue(Files.isRegularFile(timGm), "install Debian's timgm6mb-soundfont for this test");
		editor.chooseSoundFont(timGm);
		assertEquals("SoundFont: TimGM6mb.sf2", editor.statusText());
		assertEquals(timGm, editor.soundFont());
		Path withFont = project.getLocation().toPath().resolve("soundfont.wav");
		join(editor.exportWav(withFont));
		assertEquals(bytes.length, Files.size(withFont), "the same tune and tempo, rendered with the chosen SoundFont");
		editor.chooseSoundFont(null);
		assertEquals(system, editor.soundFont(), "cancelling the dialog goes back to the system's SoundFont");
	}

	@Test
	void aLargeCollectionNamesTheTuneItCannotReadAndFollowsPlaybackThroughALongTune() throws Exception {
		String root = System.getProperty("neurograph.shared.data");
		assertNotNull(root, "the system property neurograph.shared.data is not set; run the tests through Maven");
		Path jigs = Path.of(root, "abc", "jigs.abc");
		assertTrue(Files.isRegularFile(jigs), "the Nottingham Music Database is missing: " + jigs);
		String text = new String(Files.readAllBytes(jigs), StandardCharsets.UTF_8);
		TuneEditor editor = open(write("jigs.abc", text));
		List<Tune> tunes = AbcReader.readBook(jigs).tunes();
		assertEquals(tunes.size(), editor.tuneChoices().size());
		assertTrue(editor.statusText().contains("1 tune of this file could not be read; the first: Tune 153 (Joy of the Dance),"
				+ " line 2236, column 51"), editor.statusText());
		assertFalse(editor.tuneChoices().stream().anyMatch(c -> c.startsWith("153: ")), "the tune that cannot be read");

		int last = tunes.size() - 1;
		editor.chooseTune(last);
		Tune tune = tunes.get(last);
		PianoRoll roll = editor.pianoRoll();
		assertSameNotes(tune.unfold().notes(), roll.notes());
		assertTrue(editor.abcText().getText().startsWith("X: " + tune.header().number() + "\n")
				|| editor.abcText().getText().startsWith("X:" + tune.header().number() + "\n"), editor.abcText().getText());
		// a position near the end: the roll scrolls to show the note being played
		int target = roll.notes().size() - 3;
		Note note = roll.notes().get(target);
		editor.showPosition(note.time());
		assertEquals(target, roll.highlighted());
		Rectangle bounds = roll.noteBounds(target, note.pitch());
		Rectangle area = roll.getClientArea();
		assertTrue(bounds.x >= 0 && bounds.x + bounds.width <= area.width, "the note is scrolled into view: " + bounds);
		assertTrue(bounds.y >= 0 && bounds.y + bounds.height <= area.height, "the note is scrolled into view: " + bounds);
		assertEquals(PianoRoll.HIGHLIGHT, pixels(roll, bounds)[0]);
		screenshot("tune-editor-jigs.png");
	}

	@Test
	void aMidiFileWithSeveralTracksOffersEach() throws Exception {
		Sequence sequence = new Sequence(Sequence.PPQ, 480);
		Track conductor = sequence.createTrack();
		conductor.add(new MidiEvent(new MetaMessage(0x51, new byte[] { 0x07, (byte) 0xA1, 0x20 }, 3), 0)); // 120 bpm
		Track melody = sequence.createTrack();
		melody.add(new MidiEvent(new MetaMessage(0x03, "Melody".getBytes(StandardCharsets.US_ASCII), 6), 0));
		int[] tune = { 72, 74, 76, 77 };
		for (int i = 0; i < tune.length; i++) {
			melody.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 0, tune[i], 90), i * 480L));
			melody.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, 0, tune[i], 0), i * 480L + 480));
		}
		Track bass = sequence.createTrack();
		bass.add(new MidiEvent(new MetaMessage(0x03, "Bass".getBytes(StandardCharsets.US_ASCII), 4), 0));
		int[] low = { 48, 43 };
		for (int i = 0; i < low.length; i++) {
			bass.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 1, low[i], 90), i * 960L));
			bass.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, 1, low[i], 0), i * 960L + 960));
		}
		IFile file = project.getFile("two-tracks.mid");
		MidiSystem.write(sequence, 1, file.getLocation().toFile());
		file.refreshLocal(0, null);

		TuneEditor editor = open(file);
		assertEquals("Track:", editor.chooserLabel());
		assertEquals(List.of("All tracks (highest voice)", "Track 2: Melody (4 notes, C5-F5)", "Track 3: Bass (2 notes, G2-C3)"),
				editor.tuneChoices());
		assertEquals(List.of(72, 74, 76, 77), pitches(editor));
		editor.chooseTune(2);
		assertEquals(List.of(48, 43), pitches(editor));
		assertEquals(Fraction.of(1, 2), editor.pianoRoll().notes().get(1).time(), "the second half note");
		editor.chooseTune(1);
		assertEquals(List.of(72, 74, 76, 77), pitches(editor));
	}

	private static List<Integer> pitches(TuneEditor editor) {
		return editor.pianoRoll().notes().stream().map(Note::pitch).toList();
	}

	@Test
	void theNewTuneWizardIsRegisteredAndItsTuneReads() throws Exception {
		assertNotNull(PlatformUI.getWorkbench().getNewWizardRegistry().findWizard(NewTuneWizard.ID));
		Tune tune = AbcReader.read(NewTuneWizard.TEMPLATE);
		assertEquals("New Tune", tune.header().title());
		assertEquals(20, tune.notes().size());
		assertEquals(Fraction.of(8), tune.unfold().duration(), "four bars played twice");
	}

	// ---- helpers

	/** Records audio; blocks in {@code write} once {@code holdAt} frames have arrived, until closed. */
	static final class HeldOutput implements AudioOutput {
		final CountDownLatch held = new CountDownLatch(1);
		final CountDownLatch release = new CountDownLatch(1);
		final long holdAt;
		volatile long frames;
		volatile boolean closed;
		int frameSize;

		HeldOutput(long holdAt) {
			this.holdAt = holdAt;
		}

		@Override
		public void open(AudioFormat format) {
			frameSize = format.getFrameSize();
		}

		@Override
		public void write(byte[] data, int offset, int length) {
			if (closed) {
				return;
			}
			frames += length / frameSize;
			if (frames >= holdAt && held.getCount() > 0) {
				held.countDown();
				try {
					release.await();
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			}
		}

		@Override
		public long framesPlayed() {
			return frames;
		}

		@Override
		public void drain() {
			// everything written counts as heard
		}

		@Override
		public void close() {
			closed = true;
			release.countDown();
		}
	}

	private IFile write(String name, String text) throws Exception {
		IFile file = project.getFile(name);
		ByteArrayInputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
		if (file.exists()) {
			file.setContents(in, true, false, null);
		} else {
			file.create(in, true, new NullProgressMonitor());
		}
		return file;
	}

	/** Opens a file as a double-click in the Project Explorer does: with the default editor for its name. */
	private TuneEditor open(IFile file) throws Exception {
		assertEquals(TuneEditor.ID, IDE.getDefaultEditor(file).getId(), "the default editor of " + file.getName());
		TuneEditor editor = assertInstanceOf(IDE.openEditor(page, file));
		page.setPartState(page.getReference(editor), IWorkbenchPage.STATE_MAXIMIZED);
		waitFor(() -> editor.tuneFile() != null ? true : null, "the file to be read");
		assertTrue(editor.tuneFile().readable(), () -> editor.tuneFile().problem());
		processEvents(200);
		return editor;
	}

	private static TuneEditor assertInstanceOf(IEditorPart part) {
		if (!(part instanceof TuneEditor editor)) {
			fail("expected the tune editor, got " + part);
			return null;
		}
		return editor;
	}

	private static void assertSameNotes(List<Note> expected, List<Note> actual) {
		assertEquals(expected.size(), actual.size(), "notes");
		for (int i = 0; i < expected.size(); i++) {
			assertEquals(expected.get(i).pitches(), actual.get(i).pitches(), "pitches of note " + i);
			assertEquals(expected.get(i).time(), actual.get(i).time(), "time of note " + i);
			assertEquals(expected.get(i).length(), actual.get(i).length(), "length of note " + i);
		}
	}

	private static void assertSelected(TuneEditor editor, int start, String written) {
		assertTrue(start >= 0, written + " is in the text");
		Point sel = editor.abcSelection();
		assertEquals(new Point(start, start + written.length()), sel,
				"selected '" + editor.abcText().getText().substring(sel.x, sel.y) + "', expected '" + written + "'");
	}

	/** Waits for the timer to show the held player's position, then checks the note it highlights. */
	private void highlightSettlesOn(TuneEditor editor, int expected) {
		long end = System.currentTimeMillis() + 5_000;
		while (editor.pianoRoll().highlighted() != expected && System.currentTimeMillis() < end) {
			processEvents(20);
		}
		processEvents(200); // a few more timer ticks at the same held position
		assertEquals(expected, editor.pianoRoll().highlighted(), "the note highlighted at the held position");
	}

	private static void key(PianoRoll roll, int keyCode) {
		Event e = new Event();
		e.keyCode = keyCode;
		roll.notifyListeners(SWT.KeyDown, e);
	}

	private void space(TuneEditor editor) {
		Event e = new Event();
		e.character = ' ';
		e.keyCode = ' ';
		editor.pianoRoll().notifyListeners(SWT.KeyDown, e);
	}

	private static void join(Job job) throws InterruptedException {
		assertNotNull(job, "an export job");
		job.join();
		assertNull(job.getResult().getException(), String.valueOf(job.getResult()));
	}

	/** The colours at the centres of rectangles of a control, as drawn on the screen. */
	private RGB[] pixels(PianoRoll roll, Rectangle... rects) {
		roll.redraw();
		processEvents(300);
		Rectangle size = roll.getClientArea();
		Image image = new Image(display, size.width, size.height);
		try {
			GC gc = new GC(roll);
			try {
				gc.copyArea(image, 0, 0);
			} finally {
				gc.dispose();
			}
			ImageData data = image.getImageData();
			RGB[] result = new RGB[rects.length];
			for (int i = 0; i < rects.length; i++) {
				Rectangle r = rects[i];
				result[i] = data.palette.getRGB(data.getPixel(r.x + r.width / 2, r.y + r.height / 2));
			}
			return result;
		} finally {
			image.dispose();
		}
	}

	private static IWorkbenchPage activePage() {
		IWorkbench workbench = PlatformUI.getWorkbench();
		IWorkbenchWindow window = workbench.getActiveWorkbenchWindow();
		if (window == null && workbench.getWorkbenchWindowCount() > 0) {
			window = workbench.getWorkbenchWindows()[0];
		}
		return window == null || !window.getShell().isVisible() ? null : window.getActivePage();
	}

	private <T> T waitFor(Supplier<T> condition, String what) {
		long deadline = System.currentTimeMillis() + TIMEOUT_MS;
		T value = condition.get();
		while (value == null) {
			if (System.currentTimeMillis() > deadline) {
				fail("gave up waiting for " + what);
			}
			processEvents(20);
			value = condition.get();
		}
		return value;
	}

	private void processEvents(long millis) {
		Display d = display != null ? display : Display.getCurrent();
		long end = System.currentTimeMillis() + millis;
		do {
			while (d.readAndDispatch()) {
				// dispatch everything pending
			}
			try {
				Thread.sleep(5);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		} while (System.currentTimeMillis() < end);
	}

	private void screenshot(String name) throws Exception {
		processEvents(300);
		Rectangle r = display.getBounds();
		Image image = new Image(display, r.width, r.height);
		try {
			GC gc = new GC(display);
			try {
				gc.copyArea(image, r.x, r.y);
			} finally {
				gc.dispose();
			}
			Path dir = Path.of(System.getProperty("neurograph.screenshots", "target"));
			Files.createDirectories(dir);
			ImageLoader loader = new ImageLoader();
			loader.data = new ImageData[] { image.getImageData() };
			loader.save(dir.resolve(name).toString(), SWT.IMAGE_PNG);
		} finally {
			image.dispose();
		}
	}
}
