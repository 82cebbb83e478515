package org.neurograph.music;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The header of a tune: reference number ({@code X:}), titles ({@code T:}), meter ({@code M:}), unit note length
 * ({@code L:}), key ({@code K:}), tempo ({@code Q:}), rhythm ({@code R:}) and the other fields as written (source,
 * notes, a play order of parts in {@code P:}, ...), in their order.
 *
 * @param number     the reference number, at least 1
 * @param titles     the titles, the main one first; may be empty
 * @param meter      the meter at the start
 * @param unitLength the length of a note written without a length, in whole notes
 * @param key        the key at the start
 * @param tempo      the tempo at the start, or {@code null} if the tune gives none
 * @param rhythm     the rhythm ({@code reel}, {@code jig}, ...); empty if none
 * @param fields     the other header fields, in order
 */
public record TuneHeader(int number, List<String> titles, Meter meter, Fraction unitLength, Key key, Tempo tempo,
		String rhythm, List<Field> fields) {

	/**
	 * A header field kept as written.
	 *
	 * @param name  the field letter, e.g. {@code 'S'}
	 * @param value its text
	 */
	public record Field(char name, String value) {
		public Field {
			if (!(name >= 'A' && name <= 'Z' || name >= 'a' && name <= 'z')) {
				throw new IllegalArgumentException("a field name is an ASCII letter, not '" + name + "'");
			}
			Objects.requireNonNull(value, "value");
			if (value.indexOf('\n') >= 0) {
				throw new IllegalArgumentException("a field value cannot hold a line break");
			}
		}
	}

	public TuneHeader {
		if (number < 1) {
			throw new IllegalArgumentException("the reference number must be at least 1, not " + number);
		}
		titles = List.copyOf(titles);
		Objects.requireNonNull(meter, "meter");
		Objects.requireNonNull(unitLength, "unitLength");
		if (!unitLength.isPositive()) {
			throw new IllegalArgumentException("the unit length must be positive, not " + unitLength);
		}
		Objects.requireNonNull(key, "key");
		rhythm = rhythm == null ? "" : rhythm;
		fields = List.copyOf(fields);
		for (String t : titles) {
			if (t.indexOf('\n') >= 0) {
				throw new IllegalArgumentException("a title cannot hold a line break");
			}
		}
		if (rhythm.indexOf('\n') >= 0) {
			throw new IllegalArgumentException("a rhythm cannot hold a line break");
		}
	}

	/** A header with one title, the meter's default unit length and no other fields. */
	public static TuneHeader of(int number, String title, Meter meter, Key key) {
		return new TuneHeader(number, title.isEmpty() ? List.of() : List.of(title), meter, meter.defaultUnitLength(), key,
				null, "", List.of());
	}

	/** The main title, or an empty string. */
	public String title() {
		return titles.isEmpty() ? "" : titles.get(0);
	}

	/** The tempo, or {@link Tempo#DEFAULT} if the tune gives none. */
	public Tempo effectiveTempo() {
		return tempo == null ? Tempo.DEFAULT : tempo;
	}

	/** The value of the first other field with this name. */
	public Optional<String> field(char name) {
		return fields.stream().filter(f -> f.name() == name).map(Field::value).findFirst();
	}

	/** A copy with another reference number. */
	public TuneHeader withNumber(int newNumber) {
		return new TuneHeader(newNumber, titles, meter, unitLength, key, tempo, rhythm, fields);
	}

	/** A copy with other fields. */
	public TuneHeader withFields(List<Field> newFields) {
		return new TuneHeader(number, titles, meter, unitLength, key, tempo, rhythm, newFields);
	}

	/** A copy with another tempo ({@code null}: none). */
	public TuneHeader withTempo(Tempo newTempo) {
		return new TuneHeader(number, titles, meter, unitLength, key, newTempo, rhythm, fields);
	}
}
