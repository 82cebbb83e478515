package org.neurograph.music.ui.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.neurograph.music.Event;
import org.neurograph.music.Fraction;
import org.neurograph.music.Key;
import org.neurograph.music.Meter;
import org.neurograph.music.Tempo;
import org.neurograph.music.Tune;
import org.neurograph.music.TuneHeader;

/**
 * A tune as it is heard ({@link Tune#unfold()}: repeats and endings played out), with, for every played note, the
 * index of the written note it comes from, so that the note being heard can be found in the ABC text. The link is
 * made by unfolding a copy of the tune whose chord symbols are replaced by one tag per note: the unfolder moves each
 * tag with its note.
 */
public final class PlayedTune {
	private static final String TAG = "#";

	private final Tune written;
	private final Tune played;
	private final List<Event.Note> notes;
	private final int[] writtenIndex;
	private final List<Fraction> bars;

	private PlayedTune(Tune written, Tune played, List<Event.Note> notes, int[] writtenIndex, List<Fraction> bars) {
		this.written = written;
		this.played = played;
		this.notes = notes;
		this.writtenIndex = writtenIndex;
		this.bars = bars;
	}

	/** The tune as written and as played. */
	public static PlayedTune of(Tune written) {
		List<Event> tagged = new ArrayList<>();
		int n = 0;
		for (Event e : written.events()) {
			if (e instanceof Event.ChordSymbol) {
				continue;
			}
			if (e instanceof Event.Note) {
				tagged.add(new Event.ChordSymbol(e.time(), TAG + n++));
			}
			tagged.add(e);
		}
		Tune unfolded = new Tune(written.header(), tagged).unfold();
		List<Event> events = new ArrayList<>();
		List<Event.Note> notes = new ArrayList<>();
		List<Integer> index = new ArrayList<>();
		int lastTag = -1;
		Fraction lastTagTime = null;
		for (Event e : unfolded.events()) {
			if (e instanceof Event.ChordSymbol c) {
				lastTag = Integer.parseInt(c.text().substring(TAG.length()));
				lastTagTime = c.time();
				continue;
			}
			if (e instanceof Event.Note note) {
				notes.add(note);
				index.add(note.time().equals(lastTagTime) ? lastTag : -1);
			}
			events.add(e);
		}
		Tune played = new Tune(unfolded.header(), events);
		List<Fraction> bars = new ArrayList<>();
		for (Event e : played.events()) {
			if (e instanceof Event.BarLine b && (bars.isEmpty() || !bars.get(bars.size() - 1).equals(b.time()))) {
				bars.add(b.time());
			}
		}
		if (bars.isEmpty() && !played.header().meter().isFree()) {
			Fraction bar = played.header().meter().barLength();
			for (Fraction t = bar; t.compareTo(played.duration()) <= 0; t = t.plus(bar)) {
				bars.add(t);
			}
		}
		return new PlayedTune(written, played, Collections.unmodifiableList(notes),
				index.stream().mapToInt(Integer::intValue).toArray(), List.copyOf(bars));
	}

	/** The tune as written. */
	public Tune written() {
		return written;
	}

	/** The tune as played: what the player plays and the piano roll shows. */
	public Tune played() {
		return played;
	}

	/** The played notes in time order. */
	public List<Event.Note> notes() {
		return notes;
	}

	/** The index among the written tune's notes of played note {@code i}, or -1 if unknown. */
	public int writtenIndex(int i) {
		return writtenIndex[i];
	}

	/** The times of the bar lines of the played tune. */
	public List<Fraction> bars() {
		return bars;
	}

	/** Where the played tune ends, in whole notes. */
	public Fraction duration() {
		return played.duration();
	}

	/** The index of the played note sounding at {@code time}, or -1 if none does (a rest, or past the end). */
	public int noteAt(Fraction time) {
		int lo = 0;
		int hi = notes.size() - 1;
		while (lo <= hi) {
			int mid = (lo + hi) >>> 1;
			Event.Note n = notes.get(mid);
			if (n.time().compareTo(time) > 0) {
				hi = mid - 1;
			} else if (n.end().compareTo(time) <= 0) {
				lo = mid + 1;
			} else {
				return mid;
			}
		}
		return -1;
	}

	/** The start of the first note at or after {@code time}, or the end of the tune. */
	public Fraction noteStartFrom(Fraction time) {
		int at = noteAt(time);
		if (at >= 0) {
			return notes.get(at).time();
		}
		for (Event.Note n : notes) {
			if (n.time().compareTo(time) >= 0) {
				return n.time();
			}
		}
		return duration();
	}

	/**
	 * The played tune from {@code start} on, moved to start at zero, with the tempo, meter and key in force at
	 * {@code start} in its header. Notes that start before {@code start} are left out.
	 */
	public Tune from(Fraction start) {
		if (!start.isPositive()) {
			return played;
		}
		TuneHeader h = played.header();
		Tempo tempo = h.tempo();
		Meter meter = h.meter();
		Key key = h.key();
		List<Event> events = new ArrayList<>();
		for (Event e : played.events()) {
			if (e.time().compareTo(start) < 0) {
				switch (e) {
				case Event.TempoChange t -> tempo = t.tempo();
				case Event.MeterChange m -> meter = m.meter();
				case Event.KeyChange k -> key = k.key();
				default -> {
					// before the start: left out
				}
				}
			} else {
				events.add(e.at(e.time().minus(start)));
			}
		}
		TuneHeader header = new TuneHeader(h.number(), h.titles(), meter, h.unitLength(), key, tempo, h.rhythm(),
				h.fields());
		return new Tune(header, events);
	}
}
