package org.neurograph.music;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Builds the events of a {@link Tune} one after the other, keeping the time: each note or rest starts where the
 * previous one ended, and markers (bar lines, chord symbols, ...) take the current time.
 *
 * <pre>{@code
 * Tune t = new TuneBuilder().chordSymbol("D").note(74, Fraction.of(1, 4)).rest(Fraction.of(1, 4))
 *         .bar(Event.BarLine.Kind.FINAL).build(TuneHeader.of(1, "Test", Meter.of(2, 4), Key.parse("D")));
 * }</pre>
 */
public final class TuneBuilder {
	private final List<Event> events = new ArrayList<>();
	private Fraction time = Fraction.ZERO;
	private int lastSound = -1;

	/** Where the next note or marker goes, in whole notes. */
	public Fraction time() {
		return time;
	}

	/** Adds a note. */
	public TuneBuilder note(int pitch, Fraction length) {
		return sound(new Event.Note(time, length, pitch));
	}

	/** Adds a chord (the pitches in any order; repeats are dropped). */
	public TuneBuilder chord(List<Integer> pitches, Fraction length) {
		return sound(new Event.Note(time, length, List.copyOf(new TreeSet<>(pitches))));
	}

	/** Adds a rest. */
	public TuneBuilder rest(Fraction length) {
		return sound(new Event.Rest(time, length));
	}

	/**
	 * Makes the last note or chord longer, as a tie does; markers added since keep their times.
	 *
	 * @throws IllegalStateException if the last note or rest added is not a note
	 */
	public TuneBuilder extendLastNote(Fraction extra) {
		if (lastSound < 0 || !(events.get(lastSound) instanceof Event.Note n)) {
			throw new IllegalStateException("there is no note to extend");
		}
		events.set(lastSound, n.withLength(n.length().plus(extra)));
		time = time.plus(extra);
		return this;
	}

	public TuneBuilder bar(Event.BarLine.Kind kind) {
		return marker(new Event.BarLine(time, kind));
	}

	public TuneBuilder ending(List<Integer> passes) {
		return marker(new Event.Ending(time, passes));
	}

	public TuneBuilder chordSymbol(String text) {
		return marker(new Event.ChordSymbol(time, text));
	}

	/** Marks the start of a tuplet that lasts {@code span}; add its notes (with the factor q/p applied) after it. */
	public TuneBuilder tuplet(int p, int q, Fraction span) {
		return marker(new Event.Tuplet(time, p, q, span));
	}

	public TuneBuilder key(Key key) {
		return marker(new Event.KeyChange(time, key));
	}

	public TuneBuilder meter(Meter meter) {
		return marker(new Event.MeterChange(time, meter));
	}

	public TuneBuilder tempo(Tempo tempo) {
		return marker(new Event.TempoChange(time, tempo));
	}

	public TuneBuilder part(String label) {
		return marker(new Event.PartLabel(time, label));
	}

	/** Adds any event at the current time. */
	public TuneBuilder add(Event event) {
		return event.length().isPositive() ? sound(event.at(time)) : marker(event.at(time));
	}

	/** The tune with this header and the events added so far. */
	public Tune build(TuneHeader header) {
		return new Tune(header, events);
	}

	private TuneBuilder sound(Event e) {
		events.add(e);
		lastSound = events.size() - 1;
		time = e.end();
		return this;
	}

	private TuneBuilder marker(Event e) {
		events.add(e);
		return this;
	}
}
