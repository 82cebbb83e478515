package org.neurograph.music;

import java.util.List;
import java.util.Objects;

/**
 * One thing that happens in a {@link Tune} at a {@link #time()} (in whole notes from the start of the written tune):
 * a note or chord, a rest, or a zero-length marker (bar line, ending, chord symbol, tuplet, key, meter, tempo or part
 * change). Notes and rests never overlap; a note tied across a bar line is one note, and the bar line's time lies
 * inside it.
 */
public sealed interface Event {

	/** When the event starts, in whole notes from the start of the tune. */
	Fraction time();

	/** How long it sounds (notes) or lasts (rests); zero for markers. */
	default Fraction length() {
		return Fraction.ZERO;
	}

	/** When it ends: {@code time + length}. */
	default Fraction end() {
		return time().plus(length());
	}

	/** A copy of this event at another time. */
	Event at(Fraction newTime);

	/**
	 * A note, or a chord of notes struck together: MIDI pitches (60 is middle C) in ascending order and one length.
	 *
	 * @param time    start in whole notes
	 * @param length  duration in whole notes, with ties merged and broken rhythm and tuplets applied
	 * @param pitches MIDI pitches 0..127, ascending, without repeats; more than one for a chord
	 */
	record Note(Fraction time, Fraction length, List<Integer> pitches) implements Event {
		public Note {
			checkTime(time);
			checkLength(length);
			pitches = List.copyOf(pitches);
			if (pitches.isEmpty()) {
				throw new IllegalArgumentException("a note needs a pitch");
			}
			for (int i = 0; i < pitches.size(); i++) {
				int p = pitches.get(i);
				if (p < 0 || p > 127) {
					throw new IllegalArgumentException("MIDI pitch " + p + " is outside 0..127");
				}
				if (i > 0 && pitches.get(i - 1) >= p) {
					throw new IllegalArgumentException("chord pitches must ascend without repeats: " + pitches);
				}
			}
		}

		/** A single note. */
		public Note(Fraction time, Fraction length, int pitch) {
			this(time, length, List.of(pitch));
		}

		/** The highest pitch: the melody note of a chord. */
		public int pitch() {
			return pitches.get(pitches.size() - 1);
		}

		public boolean isChord() {
			return pitches.size() > 1;
		}

		@Override
		public Note at(Fraction newTime) {
			return new Note(newTime, length, pitches);
		}

		/** A copy with another length. */
		public Note withLength(Fraction newLength) {
			return new Note(time, newLength, pitches);
		}
	}

	/** A rest. */
	record Rest(Fraction time, Fraction length) implements Event {
		public Rest {
			checkTime(time);
			checkLength(length);
		}

		@Override
		public Rest at(Fraction newTime) {
			return new Rest(newTime, length);
		}
	}

	/** A bar line of some kind. */
	record BarLine(Fraction time, Kind kind) implements Event {
		/** The kinds of bar line and how ABC writes them. */
		public enum Kind {
			/** {@code |} */
			SINGLE("|"),
			/** {@code ||} */
			DOUBLE("||"),
			/** {@code |]}: the end of a tune or section */
			FINAL("|]"),
			/** {@code [|}: a start */
			START("[|"),
			/** {@code |:}: start of a repeated section */
			REPEAT_START("|:"),
			/** {@code :|}: end of a repeated section; play from the last start again */
			REPEAT_END(":|"),
			/** {@code ::}: the end of one repeated section and the start of the next */
			REPEAT_END_START("::");

			private final String abc;

			Kind(String abc) {
				this.abc = abc;
			}

			/** How ABC writes it. */
			public String abc() {
				return abc;
			}
		}

		public BarLine {
			checkTime(time);
			Objects.requireNonNull(kind, "kind");
		}

		@Override
		public BarLine at(Fraction newTime) {
			return new BarLine(newTime, kind);
		}
	}

	/**
	 * The start of a first, second, ... ending ({@code [1}, {@code [2}, {@code [1,3}): what follows is played on the
	 * passes listed.
	 */
	record Ending(Fraction time, List<Integer> passes) implements Event {
		public Ending {
			checkTime(time);
			passes = List.copyOf(passes);
			if (passes.isEmpty() || passes.stream().anyMatch(p -> p < 1 || p > 99)) {
				throw new IllegalArgumentException("an ending needs pass numbers from 1 to 99: " + passes);
			}
		}

		@Override
		public Ending at(Fraction newTime) {
			return new Ending(newTime, passes);
		}
	}

	/** A chord symbol such as {@code "Am"} or {@code "D7/f+"}, kept as written; the note at the same time carries it. */
	record ChordSymbol(Fraction time, String text) implements Event {
		public ChordSymbol {
			checkTime(time);
			Objects.requireNonNull(text, "text");
			if (text.indexOf('"') >= 0 || text.indexOf('\n') >= 0) {
				throw new IllegalArgumentException("a chord symbol cannot contain '\"' or a line break");
			}
		}

		@Override
		public ChordSymbol at(Fraction newTime) {
			return new ChordSymbol(newTime, text);
		}
	}

	/**
	 * The start of a tuplet: the notes and rests from {@link #time()} to {@code time + span} were written as
	 * {@code p} notes in the time of {@code q} (ABC {@code (3} is three in the time of two). Their lengths already
	 * include the factor {@code q/p}; the marker is kept so that writers can show the tuplet.
	 *
	 * @param time the start
	 * @param p    how many notes are written, 2 to 9
	 * @param q    in the time of how many, 1 to 9
	 * @param span how long the tuplet lasts in whole notes
	 */
	record Tuplet(Fraction time, int p, int q, Fraction span) implements Event {
		public Tuplet {
			checkTime(time);
			checkLength(span);
			if (p < 2 || p > 9 || q < 1 || q > 9) {
				throw new IllegalArgumentException("invalid tuplet (" + p + ":" + q);
			}
		}

		/** The factor the written lengths are multiplied by. */
		public Fraction factor() {
			return Fraction.of(q, p);
		}

		/** Where the tuplet ends. */
		public Fraction spanEnd() {
			return time.plus(span);
		}

		@Override
		public Tuplet at(Fraction newTime) {
			return new Tuplet(newTime, p, q, span);
		}
	}

	/** A new key from here on. */
	record KeyChange(Fraction time, Key key) implements Event {
		public KeyChange {
			checkTime(time);
			Objects.requireNonNull(key, "key");
		}

		@Override
		public KeyChange at(Fraction newTime) {
			return new KeyChange(newTime, key);
		}
	}

	/** A new meter from here on. */
	record MeterChange(Fraction time, Meter meter) implements Event {
		public MeterChange {
			checkTime(time);
			Objects.requireNonNull(meter, "meter");
		}

		@Override
		public MeterChange at(Fraction newTime) {
			return new MeterChange(newTime, meter);
		}
	}

	/** A new tempo from here on. */
	record TempoChange(Fraction time, Tempo tempo) implements Event {
		public TempoChange {
			checkTime(time);
			Objects.requireNonNull(tempo, "tempo");
		}

		@Override
		public TempoChange at(Fraction newTime) {
			return new TempoChange(newTime, tempo);
		}
	}

	/** The start of a part ({@code P:A}); a header {@code P:} field may give the order the parts are played in. */
	record PartLabel(Fraction time, String label) implements Event {
		public PartLabel {
			checkTime(time);
			Objects.requireNonNull(label, "label");
			if (label.isBlank() || label.indexOf('\n') >= 0 || label.indexOf(']') >= 0) {
				throw new IllegalArgumentException("invalid part label '" + label + "'");
			}
		}

		@Override
		public PartLabel at(Fraction newTime) {
			return new PartLabel(newTime, label);
		}
	}

	private static void checkTime(Fraction time) {
		Objects.requireNonNull(time, "time");
		if (time.signum() < 0) {
			throw new IllegalArgumentException("an event cannot start before the tune: " + time);
		}
	}

	private static void checkLength(Fraction length) {
		Objects.requireNonNull(length, "length");
		if (!length.isPositive()) {
			throw new IllegalArgumentException("a length must be positive, not " + length);
		}
	}
}
