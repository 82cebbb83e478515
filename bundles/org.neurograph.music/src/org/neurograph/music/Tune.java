package org.neurograph.music;

import java.util.List;
import java.util.Objects;

import org.neurograph.music.internal.Unfolder;

/**
 * A tune: its {@link TuneHeader} and its {@link Event}s in time order. This is the model every codec reads and
 * writes and that learning code turns into tokens: pitches are MIDI numbers, lengths exact fractions of a whole note,
 * ties are merged, broken rhythm and tuplets are applied, chord symbols are kept, and repeats are kept as written
 * ({@link #unfold()} plays them out).
 *
 * @param header the header
 * @param events the events, ordered by time; notes and rests do not overlap
 */
public record Tune(TuneHeader header, List<Event> events) {

	public Tune {
		Objects.requireNonNull(header, "header");
		events = List.copyOf(events);
		Fraction last = Fraction.ZERO;
		Fraction soundEnd = Fraction.ZERO;
		for (Event e : events) {
			if (e.time().compareTo(last) < 0) {
				throw new IllegalArgumentException("events out of order: " + e + " comes after time " + last);
			}
			if (e.length().isPositive()) {
				if (e.time().compareTo(soundEnd) < 0) {
					throw new IllegalArgumentException(e + " starts before the previous note or rest ends at " + soundEnd);
				}
				soundEnd = e.end();
			}
			last = e.time();
		}
	}

	/** The notes and chords, in order. */
	public List<Event.Note> notes() {
		return events.stream().filter(Event.Note.class::isInstance).map(Event.Note.class::cast).toList();
	}

	/** The written length of the tune in whole notes: where its last event ends. */
	public Fraction duration() {
		Fraction end = Fraction.ZERO;
		for (Event e : events) {
			end = Fraction.max(end, e.end());
		}
		return end;
	}

	/**
	 * The tune as it is played: parts in the order of the header's {@code P:} field (when the body labels its parts),
	 * repeated sections twice, first and second endings in turn. The result has no repeat signs, endings or part
	 * labels, and its header no {@code P:} field.
	 */
	public Tune unfold() {
		return Unfolder.unfold(this);
	}
}
