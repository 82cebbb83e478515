package org.neurograph.music.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurograph.music.AbcReader;
import org.neurograph.music.AbcWriter;
import org.neurograph.music.Event;
import org.neurograph.music.Fraction;
import org.neurograph.music.Key;
import org.neurograph.music.Meter;
import org.neurograph.music.MidiExport;
import org.neurograph.music.MidiImport;
import org.neurograph.music.MidiOptions;
import org.neurograph.music.MidiTrackInfo;
import org.neurograph.music.MusicException;
import org.neurograph.music.Tune;

class MidiTest {

	/** Start, length and pitch of each note: what "the same notes" means for a melody. */
	private static List<String> melody(List<Event.Note> notes) {
		return notes.stream().map(n -> n.time() + "+" + n.length() + ":" + n.pitch()).toList();
	}

	@Test
	void everyNottinghamTuneReimportsToTheSameNotes() throws Exception {
		int checked = 0;
		for (Path file : SharedData.abcFiles()) {
			for (Tune t : AbcReader.readBook(file).tunes()) {
				byte[] midi = MidiExport.toBytes(t, MidiOptions.DEFAULT);
				Tune back = MidiImport.fromSequence(MidiImport.sequence(midi), MidiImport.ALL_TRACKS, MidiImport.DEFAULT_GRID, "x");
				assertEquals(melody(t.unfold().notes()), melody(back.notes()), () -> file.getFileName() + " tune " + t.header().number());
				assertEquals(t.header().title(), back.header().title());
				checked++;
			}
		}
		assertEquals(1033, checked);
	}

	@Test
	void tempoMeterAndKeyTravelBothWays() throws Exception {
		Tune t = AbcReader.read("X:1\nT:Jig\nM:6/8\nL:1/8\nQ:3/8=100\nK:Em\nEFG ABc|\n");
		Sequence seq = MidiExport.toSequence(t, MidiOptions.DEFAULT);
		assertEquals(MidiExport.TICKS_PER_QUARTER, seq.getResolution());
		assertArrayEquals(new byte[] { 0x06, 0x1A, (byte) 0x80 }, meta(seq, 0x51), "3/8 = 100 is 150 quarters: 400,000 µs");
		assertArrayEquals(new byte[] { 6, 3, 24, 8 }, meta(seq, 0x58));
		assertArrayEquals(new byte[] { 1, 1 }, meta(seq, 0x59), "E minor: one sharp, minor");
		Tune back = MidiImport.fromSequence(seq, MidiImport.ALL_TRACKS, MidiImport.DEFAULT_GRID, "x");
		assertEquals(150, back.header().tempo().beatsPerMinute());
		assertEquals(Fraction.of(1, 4), back.header().tempo().beat());
		assertEquals(Meter.of(6, 8), back.header().meter());
		assertEquals(Key.parse("Em"), back.header().key());

		Sequence faster = MidiExport.toSequence(t, MidiOptions.DEFAULT.withTempoScale(2));
		assertArrayEquals(new byte[] { 0x03, 0x0D, 0x40 }, meta(faster, 0x51), "twice as fast: 200,000 µs");
		Sequence commented = MidiExport.toSequence(t, MidiOptions.DEFAULT.withComment("{\"seed\":42}"));
		assertEquals("{\"seed\":42}", new String(meta(commented, 0x01), StandardCharsets.UTF_8));
	}

	@Test
	void defaultTempoIs120QuartersAndChordsKeepTheirNotes() throws Exception {
		Tune t = AbcReader.read("X:1\nT:C\nL:1/4\nK:C\n[CEG] c\n");
		Sequence seq = MidiExport.toSequence(t, MidiOptions.DEFAULT.withProgram(40));
		assertArrayEquals(new byte[] { 0x07, (byte) 0xA1, 0x20 }, meta(seq, 0x51));
		List<Integer> on = new ArrayList<>();
		int program = -1;
		for (MidiEvent e : events(seq)) {
			if (e.getMessage() instanceof ShortMessage s && s.getCommand() == ShortMessage.NOTE_ON) {
				on.add(s.getData1());
			} else if (e.getMessage() instanceof ShortMessage s && s.getCommand() == ShortMessage.PROGRAM_CHANGE) {
				program = s.getData1();
			}
		}
		assertEquals(List.of(60, 64, 67, 72), on);
		assertEquals(40, program);
	}

	/** A file with a conductor, a melody, low chords and drums. */
	private static Sequence band() throws Exception {
		Sequence seq = new Sequence(Sequence.PPQ, 96);
		Track conductor = seq.createTrack();
		conductor.add(new MidiEvent(new MetaMessage(0x03, "Band".getBytes(StandardCharsets.US_ASCII), 4), 0));
		conductor.add(new MidiEvent(new MetaMessage(0x51, new byte[] { 0x06, 0x1A, (byte) 0x80 }, 3), 0));
		Track melody = seq.createTrack();
		melody.add(new MidiEvent(new MetaMessage(0x03, "Melody".getBytes(StandardCharsets.US_ASCII), 6), 0));
		int[] tune = { 76, 74, 72, 74, 76, 76, 76 };
		for (int i = 0; i < tune.length; i++) {
			note(melody, 0, tune[i], i * 96L, 96);
		}
		Track chords = seq.createTrack();
		chords.add(new MidiEvent(new MetaMessage(0x03, "Chords".getBytes(StandardCharsets.US_ASCII), 6), 0));
		for (int bar = 0; bar < 2; bar++) {
			for (int p : new int[] { 48, 52, 55 }) {
				note(chords, 1, p, bar * 384L, 384);
			}
			note(chords, 1, 60, bar * 384L + 48, 300);
		}
		Track drums = seq.createTrack();
		for (int i = 0; i < 8; i++) {
			note(drums, 9, 36, i * 96L, 20);
		}
		return seq;
	}

	private static void note(Track t, int channel, int pitch, long on, long length) throws Exception {
		t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, channel, pitch, 80), on));
		t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, channel, pitch, 0), on + length));
	}

	@Test
	void describesTheTracks() throws Exception {
		List<MidiTrackInfo> tracks = MidiImport.tracks(band());
		assertEquals(new MidiTrackInfo(0, "Band", 0, 0, 0, 0), tracks.get(0));
		assertEquals(new MidiTrackInfo(1, "Melody", 7, 72, 76, 0), tracks.get(1));
		assertEquals(new MidiTrackInfo(2, "Chords", 8, 48, 60, 0), tracks.get(2));
		assertEquals(new MidiTrackInfo(3, "", 0, 0, 0, 8), tracks.get(3));
	}

	@Test
	void theMelodyOfAChosenTrack() throws Exception {
		Tune t = MidiImport.fromSequence(band(), 1, MidiImport.DEFAULT_GRID, "file");
		assertEquals("Melody", t.header().title());
		assertEquals(150, t.header().tempo().beatsPerMinute());
		assertEquals(List.of(76, 74, 72, 74, 76, 76, 76), t.notes().stream().map(Event.Note::pitch).toList());
		assertTrue(t.notes().stream().allMatch(n -> n.length().equals(Fraction.of(1, 4))));
		assertEquals(Fraction.of(7, 4), t.duration());
		assertEquals(1, t.events().stream().filter(e -> e instanceof Event.BarLine b && b.kind() == Event.BarLine.Kind.SINGLE).count());
	}

	@Test
	void polyphonyIsReducedToTheHighestVoice() throws Exception {
		// the chord track alone: the top note of each chord, cut when the higher c' enters
		Tune chords = MidiImport.fromSequence(band(), 2, MidiImport.DEFAULT_GRID, "file");
		assertEquals(List.of("0+1/8:55", "1/8+25/32:60", "1+1/8:55", "9/8+25/32:60"), melody(chords.notes()));
		// all tracks: the melody is above the chords, lower notes starting under it are dropped, drums are ignored
		Tune all = MidiImport.fromSequence(band(), MidiImport.ALL_TRACKS, MidiImport.DEFAULT_GRID, "file");
		assertEquals(List.of(76, 74, 72, 74, 76, 76, 76), all.notes().stream().map(Event.Note::pitch).toList());
		assertEquals("Band", all.header().title());
		// and the result is a tune like any other: it can be written as ABC and read back
		assertEquals(melody(all.notes()), melody(AbcReader.read(AbcWriter.write(all)).notes()));
	}

	@Test
	void refusesWhatItCannotRead() throws Exception {
		MusicException e = assertThrows(MusicException.class, () -> MidiImport.fromSequence(band(), 3, 24, "f"));
		assertEquals("Track 3 has no notes outside the percussion channel; choose another track.", e.getMessage());
		e = assertThrows(MusicException.class, () -> MidiImport.fromSequence(band(), 7, 24, "f"));
		assertEquals("The MIDI file has 4 track(s), numbered 0 to 3; there is no track 7.", e.getMessage());
		e = assertThrows(MusicException.class, () -> MidiImport.sequence("MThd? not really".getBytes(StandardCharsets.US_ASCII)));
		assertTrue(e.getMessage().startsWith("This is not a Standard MIDI File"), e.getMessage());
		Sequence smpte = new Sequence(Sequence.SMPTE_25, 40);
		note(smpte.createTrack(), 0, 60, 0, 10);
		e = assertThrows(MusicException.class, () -> MidiImport.fromSequence(smpte, -1, 24, "f"));
		assertTrue(e.getMessage().contains("SMPTE"), e.getMessage());
	}

	@Test
	void writesFilesAtomically(@TempDir Path dir) throws Exception {
		Tune t = AbcReader.read("X:1\nT:File\nK:D\nDFA d\n");
		Path file = dir.resolve("out.mid");
		MidiExport.write(t, file, MidiOptions.DEFAULT);
		try (var files = Files.list(dir)) {
			assertEquals(List.of(file), files.toList());
		}
		Tune back = MidiImport.read(file, MidiImport.ALL_TRACKS, MidiImport.DEFAULT_GRID);
		assertEquals(melody(t.notes()), melody(back.notes()));
		assertEquals("File", back.header().title(), "the title travels as the track name");
		assertEquals(1, MidiSystem.getMidiFileFormat(file.toFile()).getType());
	}

	private static List<MidiEvent> events(Sequence seq) {
		List<MidiEvent> out = new ArrayList<>();
		for (Track t : seq.getTracks()) {
			for (int i = 0; i < t.size(); i++) {
				out.add(t.get(i));
			}
		}
		return out;
	}

	private static byte[] meta(Sequence seq, int type) {
		for (MidiEvent e : events(seq)) {
			MidiMessage m = e.getMessage();
			if (m instanceof MetaMessage mm && mm.getType() == type) {
				return mm.getData();
			}
		}
		throw new AssertionError("no meta event of type " + type);
	}
}
