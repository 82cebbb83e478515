package org.neurograph.music.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

import org.neurograph.music.Event;
import org.neurograph.music.Fraction;
import org.neurograph.music.Key;
import org.neurograph.music.Meter;
import org.neurograph.music.MidiTrackInfo;
import org.neurograph.music.MusicException;
import org.neurograph.music.Tempo;
import org.neurograph.music.Tune;
import org.neurograph.music.TuneHeader;

/**
 * Extracts a monophonic melody from a MIDI sequence: collects the notes (outside the percussion channel) of one track
 * or all, keeps the highest voice, quantises and lays out rests and bar lines. See
 * {@link org.neurograph.music.MidiImport}.
 * <p>
 * Highest voice: of notes starting together the highest is kept; a higher note cuts the one sounding; a lower note
 * that starts while a kept note sounds is dropped, unless the sounding note ends within a 32nd note (legato playing),
 * in which case that note is cut and the lower one kept.
 */
public final class MidiMelody {
	private static final int PERCUSSION = 9;
	private static final int META_TRACK_NAME = 0x03;
	private static final int META_TEMPO = 0x51;
	private static final int META_TIME_SIGNATURE = 0x58;
	private static final int META_KEY_SIGNATURE = 0x59;

	/** A note of the file in ticks. */
	private record Played(long on, long off, int pitch) {
	}

	/** What one track holds. */
	private static final class TrackNotes {
		final List<Played> notes = new ArrayList<>();
		int percussion;
		String name = "";
	}

	private MidiMelody() {
	}

	/** What each track holds. */
	public static List<MidiTrackInfo> tracks(Sequence sequence) {
		List<MidiTrackInfo> out = new ArrayList<>();
		Track[] tracks = sequence.getTracks();
		for (int i = 0; i < tracks.length; i++) {
			TrackNotes t = read(tracks[i]);
			int low = t.notes.stream().mapToInt(Played::pitch).min().orElse(0);
			int high = t.notes.stream().mapToInt(Played::pitch).max().orElse(0);
			out.add(new MidiTrackInfo(i, t.name, t.notes.size(), low, high, t.percussion));
		}
		return out;
	}

	/** The melody of {@code track} (or of all tracks for a negative index) as a tune. */
	public static Tune extract(Sequence sequence, int track, int gridPerQuarter, String title) throws MusicException {
		if (sequence.getDivisionType() != Sequence.PPQ) {
			throw new MusicException("This MIDI file counts time in SMPTE frames, not in beats, so its rhythm cannot be"
					+ " read as notes. Export it again with a tempo-based (PPQ) time division.");
		}
		Track[] tracks = sequence.getTracks();
		if (track >= tracks.length) {
			throw new MusicException("The MIDI file has " + tracks.length + " track(s), numbered 0 to " + (tracks.length - 1)
					+ "; there is no track " + track + ".");
		}
		List<Played> notes = new ArrayList<>();
		String name = "";
		for (int i = 0; i < tracks.length; i++) {
			if (track < 0 || i == track) {
				TrackNotes t = read(tracks[i]);
				notes.addAll(t.notes);
				name = name.isEmpty() || i == track ? t.name : name;
			}
		}
		if (notes.isEmpty()) {
			throw new MusicException(track < 0 ? "The MIDI file has no notes (outside the percussion channel)."
					: "Track " + track + " has no notes outside the percussion channel; choose another track.");
		}
		int ppq = sequence.getResolution();
		List<Played> melody = highestVoice(notes, ppq / 8);
		Layout layout = new Layout(ppq, gridPerQuarter, metas(tracks));
		return layout.tune(melody, name.isBlank() ? title : name.strip());
	}

	private static TrackNotes read(Track track) {
		TrackNotes out = new TrackNotes();
		Map<Integer, ArrayDeque<Long>> open = new HashMap<>();
		long last = 0;
		for (int i = 0; i < track.size(); i++) {
			MidiEvent e = track.get(i);
			last = Math.max(last, e.getTick());
			if (e.getMessage() instanceof MetaMessage m && m.getType() == META_TRACK_NAME && out.name.isEmpty()) {
				out.name = new String(m.getData(), StandardCharsets.ISO_8859_1).strip();
			}
			if (!(e.getMessage() instanceof ShortMessage s)) {
				continue;
			}
			boolean on = s.getCommand() == ShortMessage.NOTE_ON && s.getData2() > 0;
			boolean off = s.getCommand() == ShortMessage.NOTE_OFF || s.getCommand() == ShortMessage.NOTE_ON && s.getData2() == 0;
			if (s.getChannel() == PERCUSSION) {
				out.percussion += on ? 1 : 0;
				continue;
			}
			int key = s.getChannel() * 128 + s.getData1();
			if (on) {
				open.computeIfAbsent(key, k -> new ArrayDeque<>()).add(e.getTick());
			} else if (off && open.containsKey(key) && !open.get(key).isEmpty()) {
				out.notes.add(new Played(open.get(key).poll(), e.getTick(), s.getData1()));
			}
		}
		for (Map.Entry<Integer, ArrayDeque<Long>> left : open.entrySet()) {
			for (long on : left.getValue()) {
				out.notes.add(new Played(on, Math.max(last, on + 1), left.getKey() % 128));
			}
		}
		return out;
	}

	/** Reduces notes to one line: see the class comment. */
	private static List<Played> highestVoice(List<Played> notes, long legato) {
		List<Played> sorted = new ArrayList<>(notes);
		sorted.sort(Comparator.comparingLong(Played::on).thenComparing(Comparator.comparingInt(Played::pitch).reversed()));
		List<Played> line = new ArrayList<>();
		for (Played n : sorted) {
			if (n.off() <= n.on()) {
				continue;
			}
			Played last = line.isEmpty() ? null : line.get(line.size() - 1);
			if (last == null || last.off() <= n.on()) {
				line.add(n);
			} else if (last.on() == n.on()) {
				continue;
			} else if (n.pitch() > last.pitch() || last.off() - n.on() <= legato) {
				line.set(line.size() - 1, new Played(last.on(), n.on(), last.pitch()));
				line.add(n);
			}
		}
		return line;
	}

	/** The tempo, time and key signatures of all tracks, by tick. */
	private static Map<Integer, TreeMap<Long, byte[]>> metas(Track[] tracks) {
		Map<Integer, TreeMap<Long, byte[]>> metas = new HashMap<>();
		for (int type : new int[] { META_TEMPO, META_TIME_SIGNATURE, META_KEY_SIGNATURE }) {
			metas.put(type, new TreeMap<>());
		}
		for (Track t : tracks) {
			for (int i = 0; i < t.size(); i++) {
				MidiEvent e = t.get(i);
				if (e.getMessage() instanceof MetaMessage m && metas.containsKey(m.getType())) {
					metas.get(m.getType()).putIfAbsent(e.getTick(), m.getData());
				}
			}
		}
		return metas;
	}

	/** Lays out the melody in quantised time, with rests, bar lines and the signatures. */
	private static final class Layout {
		private final int ppq;
		private final int grid;
		private final TreeMap<Long, Meter> meters = new TreeMap<>();
		private final TreeMap<Long, Key> keys = new TreeMap<>();
		private final TreeMap<Long, Tempo> tempos = new TreeMap<>();
		private Fraction shift = Fraction.ZERO;

		Layout(int ppq, int grid, Map<Integer, TreeMap<Long, byte[]>> metas) {
			this.ppq = ppq;
			this.grid = grid;
			metas.get(META_TIME_SIGNATURE).forEach((tick, d) -> {
				if (d.length >= 2 && d[0] > 0 && d[1] >= 0 && d[1] <= 6) {
					meters.put(tick, Meter.of(d[0], 1 << d[1]));
				}
			});
			metas.get(META_KEY_SIGNATURE).forEach((tick, d) -> {
				if (d.length >= 2 && d[0] >= -7 && d[0] <= 7) {
					keys.put(tick, Key.fromSignature(d[0], d[1] == 1));
				}
			});
			metas.get(META_TEMPO).forEach((tick, d) -> {
				if (d.length >= 3) {
					int mpq = (d[0] & 0xFF) << 16 | (d[1] & 0xFF) << 8 | d[2] & 0xFF;
					tempos.put(tick, Tempo.quarterNotes((int) Math.max(1, Math.min(2000, Math.round(60_000_000.0 / Math.max(1, mpq))))));
				}
			});
		}

		/** A tick on the grid, in whole notes from the start of the (trimmed) tune. */
		Fraction time(long tick) {
			Fraction t = Fraction.of(Math.round((double) tick * grid / ppq), 4L * grid).minus(shift);
			return t.signum() < 0 ? Fraction.ZERO : t;
		}

		Tune tune(List<Played> melody, String title) {
			Meter meter = first(meters, Meter.COMMON);
			Fraction firstOnset = time(melody.get(0).on());
			Long firstChange = meters.higherKey(0L);
			if (firstChange == null || time(firstChange).compareTo(firstOnset) > 0) {
				shift = meter.barLength().times(firstOnset.dividedBy(meter.barLength()).floor());
			}
			List<Event> markers = new ArrayList<>();
			List<Event> sounds = new ArrayList<>();
			Fraction end = Fraction.ZERO;
			for (Played p : melody) {
				Fraction on = Fraction.max(time(p.on()), end);
				Fraction off = time(p.off());
				if (off.compareTo(on) <= 0) {
					off = on.plus(Fraction.of(1, 4L * grid));
				}
				if (on.compareTo(end) > 0) {
					sounds.add(new Event.Rest(end, on.minus(end)));
				}
				sounds.add(new Event.Note(on, off.minus(on), p.pitch()));
				end = off;
			}
			changes(markers);
			bars(markers, end);
			markers.add(new Event.BarLine(end, Event.BarLine.Kind.FINAL));
			List<Event> events = new ArrayList<>(markers);
			events.addAll(sounds);
			events.sort(Comparator.comparing(Event::time).thenComparing(e -> e.length().isPositive()));
			Tempo tempo = tempos.isEmpty() ? null : tempos.firstEntry().getValue();
			TuneHeader header = new TuneHeader(1, title.isEmpty() ? List.of() : List.of(title), meter,
					meter.defaultUnitLength(), first(keys, Key.C_MAJOR), tempo, "", List.of());
			return new Tune(header, events);
		}

		private void changes(List<Event> markers) {
			meters.tailMap(0L, false).forEach((tick, m) -> markers.add(new Event.MeterChange(time(tick), m)));
			keys.tailMap(0L, false).forEach((tick, k) -> markers.add(new Event.KeyChange(time(tick), k)));
			tempos.tailMap(0L, false).forEach((tick, t) -> markers.add(new Event.TempoChange(time(tick), t)));
		}

		/** Bar lines every bar of the meter in force, restarting the count where the meter changes. */
		private void bars(List<Event> markers, Fraction end) {
			Fraction t = Fraction.ZERO;
			Meter m = first(meters, Meter.COMMON);
			Long change = meters.higherKey(0L);
			while (true) {
				Fraction next = t.plus(m.barLength());
				if (change != null && time(change).compareTo(next) <= 0) {
					t = time(change);
					m = meters.get(change);
					change = meters.higherKey(change);
					if (t.isPositive() && t.compareTo(end) < 0) {
						markers.add(new Event.BarLine(t, Event.BarLine.Kind.SINGLE));
					}
					continue;
				}
				if (next.compareTo(end) >= 0) {
					return;
				}
				markers.add(new Event.BarLine(next, Event.BarLine.Kind.SINGLE));
				t = next;
			}
		}

		/** What is in force at the start: the entry at tick 0, else {@code fallback}. */
		private static <T> T first(TreeMap<Long, T> map, T fallback) {
			return map.getOrDefault(0L, fallback);
		}
	}
}
