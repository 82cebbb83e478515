package org.neurograph.music.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

import org.neurograph.music.AbcSyntaxException;
import org.neurograph.music.Event;
import org.neurograph.music.Event.BarLine.Kind;
import org.neurograph.music.Fraction;
import org.neurograph.music.Key;
import org.neurograph.music.Meter;
import org.neurograph.music.Tempo;
import org.neurograph.music.Tune;
import org.neurograph.music.TuneBuilder;
import org.neurograph.music.TuneHeader;

/**
 * Reads the body of one ABC tune in two passes. The first reads symbols line by line into sounds (with pitches from
 * the key, bar accidentals and octave marks, and lengths with broken rhythm and tuplets applied) and markers; the
 * second lays them out in time, merging tied notes.
 * <p>
 * Accidentals last to the end of the bar and apply to the same letter in every octave (ABC's
 * {@code propagate-accidentals pitch}, as {@code abc2midi} does); a note tied from the previous bar keeps its pitch.
 * Grace notes, decorations, slurs, annotations and lyrics are read and left out; only the first voice of a
 * multi-voice tune is kept, and voice overlays ({@code &}) are skipped to the next bar line.
 */
final class MusicParser {
	private static final int NO_ACCIDENTAL = Integer.MIN_VALUE;
	private static final int[] SEMITONES = { 0, 2, 4, 5, 7, 9, 11 };
	/** The letters of ABC 2.1 fields that may stand on a line of their own in the body. */
	private static final String FIELDS = "ABCDFGHIKLMNOPQRSTUVWXZmrsw+";
	private static final String DECORATIONS = ".~HLMOPSTuv";
	private static final String SYMBOL = "a note (A-G, a-g), a rest (z), a bar line (|), a chord ([CEG]) or a chord symbol (\"G\")";

	/** What the first pass reads: sounds, tuplets and markers. */
	private sealed interface Item permits Sound, PendingTuplet, Marker {
	}

	/** A zero-length event; its time is set in the second pass. */
	private record Marker(Event event) implements Item {
	}

	/**
	 * A note, chord ({@code pitches}) or rest ({@code null}) read in the first pass; a broken rhythm may still change
	 * its length.
	 */
	private static final class Sound implements Item {
		final List<Integer> pitches;
		Fraction length;
		boolean tied;

		Sound(List<Integer> pitches, Fraction length) {
			this.pitches = pitches;
			this.length = length;
		}
	}

	/** A tuplet read in the first pass; its span is known once its sounds have their final lengths. */
	private record PendingTuplet(int p, int q, List<Sound> sounds) implements Item {
	}

	private final List<Item> items = new ArrayList<>();
	private final int[] barAccidentals = new int[7];
	private Key key;
	private Meter meter;
	private Fraction unitLength;
	private String firstVoice;
	private String voice;

	private Sound lastSound;
	private Fraction brokenFactor;
	/** The error to report if the tune ends before the note a broken rhythm needs. */
	private AbcSyntaxException brokenAt;
	private int tupletLeft;
	private PendingTuplet tuplet;
	/** The pitch, letter and octave of the last note read. */
	private int[] lastNote;
	/** The pitch, letter and octave of the last sound if it is a tied single note, for the note that continues it. */
	private int[] tiedFrom;

	MusicParser(TuneHeader header, String firstVoice) {
		this.key = header.key();
		this.meter = header.meter();
		this.unitLength = header.unitLength();
		this.firstVoice = firstVoice;
		this.voice = firstVoice;
		Arrays.fill(barAccidentals, NO_ACCIDENTAL);
	}

	/** Reads one line of the body (comments already removed). */
	void line(String text, int lineNumber) throws AbcSyntaxException {
		if (text.length() >= 2 && text.charAt(1) == ':' && FIELDS.indexOf(text.charAt(0)) >= 0) {
			field(text.charAt(0), text.substring(2), new LineCursor(text, lineNumber, 0), 2);
			return;
		}
		LineCursor c = new LineCursor(text, lineNumber, 0);
		while (!c.atEnd()) {
			if (inFirstVoice()) {
				symbol(c);
			} else if (c.peek() == '[' && c.peek(1) == 'V' && c.peek(2) == ':') {
				openBracket(c);
			} else {
				c.skip(1);
			}
		}
	}

	/** Checks that nothing is left waiting for a note at the end of the tune. */
	void finish() throws AbcSyntaxException {
		if (brokenFactor != null) {
			throw brokenAt;
		}
	}

	/** The tune from everything read. */
	Tune build(TuneHeader header) {
		TuneBuilder b = new TuneBuilder();
		Sound tie = null;
		for (Item item : items) {
			switch (item) {
			case Marker m -> b.add(m.event());
			case PendingTuplet t -> {
				Fraction span = t.sounds().stream().map(x -> x.length).reduce(Fraction.ZERO, Fraction::plus);
				if (span.isPositive()) {
					b.tuplet(t.p(), t.q(), span);
				}
			}
			case Sound s when s.pitches == null -> {
				b.rest(s.length);
				tie = null;
			}
			case Sound s -> {
				if (tie != null && tie.pitches.equals(s.pitches)) {
					b.extendLastNote(s.length);
				} else {
					b.chord(s.pitches, s.length);
				}
				tie = s.tied ? s : null;
			}
			}
		}
		return b.build(header);
	}

	private boolean inFirstVoice() {
		return firstVoice == null || firstVoice.equals(voice);
	}

	private void symbol(LineCursor c) throws AbcSyntaxException {
		char ch = c.peek();
		switch (ch) {
		case ' ', '\t', '`', 'y', '$', ')' -> c.skip(1);
		case '\\' -> continuation(c);
		case '"' -> quoted(c);
		case '!', '+' -> decoration(c, ch);
		case '{' -> grace(c);
		case '(' -> openParen(c);
		case '[' -> openBracket(c);
		case '|', ':' -> bar(c, false);
		case 'z', 'x' -> rest(c);
		case 'Z', 'X' -> measureRest(c);
		case '>', '<' -> broken(c);
		case '-' -> tie(c);
		case '&' -> overlay(c);
		default -> {
			if (DECORATIONS.indexOf(ch) >= 0) {
				c.skip(1);
			} else if ("^_=ABCDEFGabcdefg".indexOf(ch) >= 0) {
				int pitch = note(c, true);
				sound(List.of(pitch), noteLength(c));
			} else {
				throw c.error("unexpected " + c.describeNext(), SYMBOL);
			}
		}
		}
	}

	private void continuation(LineCursor c) throws AbcSyntaxException {
		int at = c.position();
		c.skip(1);
		if (!c.rest().isBlank()) {
			throw c.error("a '\\' continues the line, so nothing may follow it", at, "the end of the line after '\\'");
		}
	}

	private void quoted(LineCursor c) throws AbcSyntaxException {
		int at = c.position();
		c.skip(1);
		String text = c.until('"');
		if (text == null) {
			throw c.error("the chord symbol or annotation starting here has no closing '\"'", at, "'\"' before the end of the line");
		}
		if (text.isEmpty() || "^_<>@".indexOf(text.charAt(0)) < 0) {
			items.add(new Marker(new Event.ChordSymbol(Fraction.ZERO, text)));
		}
	}

	private void decoration(LineCursor c, char delimiter) throws AbcSyntaxException {
		int at = c.position();
		c.skip(1);
		if (c.until(delimiter) == null) {
			throw c.error("the decoration starting here has no closing '" + delimiter + "'", at,
					"'" + delimiter + "' before the end of the line, as in " + delimiter + "trill" + delimiter);
		}
	}

	/** Grace notes are read (so their syntax is checked) and dropped: they neither sound nor take time here. */
	private void grace(LineCursor c) throws AbcSyntaxException {
		int at = c.position();
		c.skip(1);
		c.accept('/');
		while (!c.accept('}')) {
			if (c.atEnd()) {
				throw c.error("the grace notes starting here have no closing '}'", at, "'}' before the end of the line");
			}
			char ch = c.peek();
			if ("^_=ABCDEFGabcdefg".indexOf(ch) >= 0) {
				note(c, false);
				noteLength(c);
			} else if (ch == ' ' || ch == '[' || ch == ']' || ch == '-') {
				c.skip(1);
			} else {
				throw c.error("unexpected " + c.describeNext() + " in grace notes", "a note or '}'");
			}
		}
	}

	private void openParen(LineCursor c) throws AbcSyntaxException {
		if (!Character.isDigit(c.peek(1))) {
			c.skip(1);
			return;
		}
		int at = c.position();
		c.skip(1);
		int p = c.number();
		int q = -1;
		int r = -1;
		if (c.accept(':')) {
			q = c.number();
			if (c.accept(':')) {
				r = c.number();
			}
		}
		if (p < 2 || p > 9) {
			throw c.error("a tuplet of " + p + " notes is not supported", at, "a tuplet such as (3 with 2 to 9 notes");
		}
		if (q < 0) {
			q = switch (p) {
			case 2, 4, 8 -> 3;
			case 3, 6 -> 2;
			default -> meter.isCompound() ? 3 : 2;
			};
		}
		r = r < 0 ? p : r;
		if (q < 1 || q > 9 || r < 1 || r > 32) {
			throw c.error("the tuplet (" + p + ":" + q + ":" + r + " is not supported", at, "(p:q:r with q from 1 to 9 and r from 1 to 32");
		}
		tuplet = new PendingTuplet(p, q, new ArrayList<>());
		items.add(tuplet);
		tupletLeft = r;
	}

	private void openBracket(LineCursor c) throws AbcSyntaxException {
		char next = c.peek(1);
		if (Character.isLetter(next) && c.peek(2) == ':') {
			int at = c.position();
			c.skip(3);
			String value = c.until(']');
			if (value == null) {
				throw c.error("the inline field starting here has no closing ']'", at, "']' before the end of the line");
			}
			field(next, value, c, at + 3);
		} else if (Character.isDigit(next)) {
			c.skip(1);
			ending(c);
		} else if (next == '|') {
			c.skip(2);
			bar(c, true);
		} else {
			chord(c);
		}
	}

	private void bar(LineCursor c, boolean thickStart) throws AbcSyntaxException {
		int at = c.position() - (thickStart ? 2 : 0);
		StringBuilder s = new StringBuilder(thickStart ? "[|" : "");
		while (c.peek() == '|' || c.peek() == ':') {
			s.append(c.next());
		}
		if (s.charAt(s.length() - 1) == '|' && c.accept(']')) {
			s.append(']');
		}
		String t = s.toString();
		Kind kind;
		if (t.indexOf('|') < 0 && !t.equals("::")) {
			throw c.error("a lone ':' is not a bar line", at, "a bar line such as |, ||, |: or :|");
		} else if (t.startsWith(":") && t.endsWith(":")) {
			kind = Kind.REPEAT_END_START;
		} else if (t.startsWith(":")) {
			kind = Kind.REPEAT_END;
		} else if (t.endsWith(":")) {
			kind = Kind.REPEAT_START;
		} else if (t.equals("[|")) {
			kind = Kind.START;
		} else if (t.endsWith("]")) {
			kind = Kind.FINAL;
		} else if (t.length() > 1) {
			kind = Kind.DOUBLE;
		} else {
			kind = Kind.SINGLE;
		}
		items.add(new Marker(new Event.BarLine(Fraction.ZERO, kind)));
		Arrays.fill(barAccidentals, NO_ACCIDENTAL);
		if (c.peekDigit()) {
			ending(c);
		}
	}

	private void ending(LineCursor c) throws AbcSyntaxException {
		TreeSet<Integer> passes = new TreeSet<>();
		do {
			int from = c.number();
			if (from < 1) {
				throw c.error("an ending needs a pass number", "a number such as [1 or [2");
			}
			int to = from;
			if (c.accept('-')) {
				to = c.number();
				if (to < from) {
					throw c.error("the ending's range ends before it starts", "a range such as [1-3");
				}
			}
			if (to > 99) {
				throw c.error("an ending of pass " + to + " is not supported", "pass numbers up to 99");
			}
			for (int p = from; p <= to; p++) {
				passes.add(p);
			}
		} while (c.accept(','));
		items.add(new Marker(new Event.Ending(Fraction.ZERO, List.copyOf(passes))));
	}

	private void chord(LineCursor c) throws AbcSyntaxException {
		int at = c.position();
		c.skip(1);
		TreeSet<Integer> pitches = new TreeSet<>();
		Fraction first = null;
		boolean tied = false;
		while (!c.accept(']')) {
			char ch = c.peek();
			if (c.atEnd()) {
				throw c.error("the chord starting here has no closing ']'", at, "']' before the end of the line");
			} else if ("^_=ABCDEFGabcdefg".indexOf(ch) >= 0) {
				pitches.add(note(c, true));
				Fraction length = noteLength(c);
				first = first == null ? length : first;
				tied |= c.accept('-');
			} else if (ch == ' ' || ch == '+' || DECORATIONS.indexOf(ch) >= 0) {
				c.skip(1); // '+' is left over from the old chord syntax +CEG+
			} else if (ch == '!') {
				decoration(c, '!');
			} else {
				throw c.error("unexpected " + c.describeNext() + " in the chord that starts at column " + c.column(at),
						"a note or ']' to close the chord");
			}
		}
		if (pitches.isEmpty()) {
			throw c.error("the chord has no notes", at, "notes between '[' and ']', as in [CEG]");
		}
		Fraction multiplier = length(c);
		sound(List.copyOf(pitches), first.times(multiplier)).tied = tied;
	}

	private void rest(LineCursor c) throws AbcSyntaxException {
		c.skip(1);
		sound(null, noteLength(c));
	}

	private void measureRest(LineCursor c) throws AbcSyntaxException {
		int at = c.position();
		c.skip(1);
		int bars = Math.max(1, c.number());
		if (meter.isFree()) {
			throw c.error("a multi-bar rest needs a meter", at, "an M: field before it, or a rest such as z4");
		}
		for (int i = 0; i < bars; i++) {
			if (i > 0) {
				items.add(new Marker(new Event.BarLine(Fraction.ZERO, Kind.SINGLE)));
			}
			sound(null, meter.barLength());
		}
	}

	private void broken(LineCursor c) throws AbcSyntaxException {
		int at = c.position();
		char ch = c.peek();
		int n = 0;
		while (c.accept(ch)) {
			n++;
		}
		if (lastSound == null || n > 3) {
			throw c.error(n > 3 ? "too many '" + ch + "'" : "a broken rhythm '" + ch + "' must follow a note", at,
					"a note, '" + ch + "' (up to three) and a note, as in A>B");
		}
		Fraction shortPart = Fraction.of(1, 1L << n);
		Fraction longPart = Fraction.of(2).minus(shortPart);
		lastSound.length = lastSound.length.times(ch == '>' ? longPart : shortPart);
		brokenFactor = ch == '>' ? shortPart : longPart;
		brokenAt = c.error("a broken rhythm '" + ch + "' must be followed by a note", at, "a note after '" + ch + "', as in A>B");
	}

	private void tie(LineCursor c) throws AbcSyntaxException {
		if (lastSound == null || lastSound.pitches == null) {
			throw c.error("a tie '-' must follow a note", "a note before '-', as in A2-A");
		}
		c.skip(1);
		lastSound.tied = true;
		tiedFrom = lastSound.pitches.size() == 1 ? lastNote : null;
	}

	private void overlay(LineCursor c) {
		while (!c.atEnd() && c.peek() != '|') {
			c.skip(1);
		}
	}

	/** Adds a note, chord ({@code pitches}) or rest ({@code null}), applying a pending broken rhythm and tuplet. */
	private Sound sound(List<Integer> pitches, Fraction length) {
		Fraction l = length;
		if (brokenFactor != null) {
			l = l.times(brokenFactor);
			brokenFactor = null;
		}
		Sound s = new Sound(pitches, l);
		if (tupletLeft > 0) {
			s.length = l.times(Fraction.of(tuplet.q(), tuplet.p()));
			tuplet.sounds().add(s);
			tupletLeft--;
		}
		items.add(s);
		lastSound = s;
		tiedFrom = null;
		return s;
	}

	/**
	 * Reads accidentals, a letter and octave marks; returns the MIDI pitch. Explicit accidentals of real notes last
	 * to the end of the bar; those of grace notes ({@code real == false}) do not. A note without accidental that
	 * continues a tied note of the same letter and octave keeps that note's pitch.
	 */
	private int note(LineCursor c, boolean real) throws AbcSyntaxException {
		int at = c.position();
		StringBuilder acc = new StringBuilder();
		while (c.peek() == '^' || c.peek() == '_' || c.peek() == '=') {
			acc.append(c.next());
		}
		if (c.peek() == '/') {
			throw c.error("microtonal accidentals are not supported", "a note with ^, _ or = before it");
		}
		String a = acc.toString();
		if (!a.isEmpty() && !a.matches("\\^\\^?|__?|=")) {
			throw c.error("'" + a + "' is not an accidental", at, "^, ^^, _, __ or = before a note");
		}
		char letter = c.peek();
		int index = "CDEFGAB".indexOf(Character.toUpperCase(letter));
		if (index < 0 || c.atEnd()) {
			throw c.error("unexpected " + c.describeNext() + " after '" + a + "'", "a note letter A-G or a-g");
		}
		c.skip(1);
		int octave = Character.isLowerCase(letter) ? 1 : 0;
		while (c.peek() == '\'' || c.peek() == ',') {
			octave += c.next() == '\'' ? 1 : -1;
		}
		int alteration;
		if (!a.isEmpty()) {
			alteration = accidentalValue(a);
			if (real) {
				barAccidentals[index] = alteration;
			}
		} else {
			alteration = barAccidentals[index] != NO_ACCIDENTAL ? barAccidentals[index] : key.alteration(index);
		}
		int pitch = 60 + 12 * octave + SEMITONES[index] + alteration;
		if (real && a.isEmpty() && tiedFrom != null && tiedFrom[1] == index && tiedFrom[2] == octave) {
			pitch = tiedFrom[0];
		}
		if (pitch < 0 || pitch > 127) {
			throw c.error("the note is outside the MIDI range", at, "a note from C,,,,, to g''''");
		}
		if (real) {
			lastNote = new int[] { pitch, index, octave };
		}
		return pitch;
	}

	private static int accidentalValue(String a) {
		return switch (a) {
		case "^^" -> 2;
		case "^" -> 1;
		case "_" -> -1;
		case "__" -> -2;
		default -> 0;
		};
	}

	/** A note's length in whole notes: the unit length times the multiplier written after it. */
	private Fraction noteLength(LineCursor c) throws AbcSyntaxException {
		return unitLength.times(length(c));
	}

	/** Reads a length multiplier: {@code 2}, {@code 3/2}, {@code /}, {@code //}, {@code /4} or nothing (1). */
	private Fraction length(LineCursor c) throws AbcSyntaxException {
		int at = c.position();
		int num = c.number();
		long den = 1;
		if (c.accept('/')) {
			int d = c.number();
			den = d < 0 ? 2 : d;
			while (c.accept('/')) {
				den *= 2;
			}
		}
		if (num == 0 || den == 0 || den > 1024) {
			throw c.error("the length " + (num < 0 ? "" : num) + "/" + den + " is not valid", at,
					"a length such as 2, 3/2, / or /4");
		}
		return Fraction.of(num < 0 ? 1 : num, den);
	}

	/** A field in the body, on its own line or inline in brackets. */
	private void field(char name, String value, LineCursor c, int valueAt) throws AbcSyntaxException {
		try {
			switch (name) {
			case 'V' -> {
				voice = value.strip().split("\\s+")[0];
				firstVoice = firstVoice == null ? voice : firstVoice;
			}
			case 'K' -> {
				if (inFirstVoice()) {
					key = Key.parse(value);
					items.add(new Marker(new Event.KeyChange(Fraction.ZERO, key)));
					Arrays.fill(barAccidentals, NO_ACCIDENTAL);
				}
			}
			case 'M' -> {
				if (inFirstVoice()) {
					meter = Meter.parse(value);
					items.add(new Marker(new Event.MeterChange(Fraction.ZERO, meter)));
				}
			}
			case 'L' -> {
				if (inFirstVoice()) {
					unitLength = TuneParser.unitLength(value);
				}
			}
			case 'Q' -> {
				if (inFirstVoice()) {
					items.add(new Marker(new Event.TempoChange(Fraction.ZERO, Tempo.parse(value, unitLength))));
				}
			}
			case 'P' -> {
				if (inFirstVoice() && !value.isBlank()) {
					items.add(new Marker(new Event.PartLabel(Fraction.ZERO, value.strip())));
				}
			}
			default -> {
				// lyrics, notes, instructions and other fields do not change the music
			}
			}
		} catch (IllegalArgumentException e) {
			throw c.error(e.getMessage(), valueAt, null);
		}
	}
}
