package org.neurograph.music.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.neurograph.music.Event;
import org.neurograph.music.Fraction;
import org.neurograph.music.Key;
import org.neurograph.music.Meter;
import org.neurograph.music.Tune;
import org.neurograph.music.TuneHeader;

/**
 * Writes one tune as ABC 2.1 in a regular form: header fields one per line ({@code X T}, other fields,
 * {@code M L Q R}, then {@code K}), four bars to a line, a space at each beat, lengths relative to the unit length,
 * accidentals only where the key and the bar so far do not already give the pitch, notes that span a bar line (or
 * another marker) split and tied, tuplets as {@code (p:q:r}. Reading the text back gives the same events.
 */
public final class AbcFormatter {
	private static final int NO_ACCIDENTAL = Integer.MIN_VALUE;
	private static final int[] SEMITONES = { 0, 2, 4, 5, 7, 9, 11 };
	/** Each letter's place on the circle of fifths (C = 0, G = 1, F = -1). */
	private static final int[] LETTER_FIFTHS = { 0, 2, 4, -1, 1, 3, 5 };
	private static final String LETTERS = "CDEFGAB";
	private static final int BARS_PER_LINE = 4;

	private final Tune tune;
	private final StringBuilder out = new StringBuilder();
	private final StringBuilder line = new StringBuilder();
	private final int[] barAccidentals = new int[7];
	private Key key;
	private Meter meter;
	private final Fraction unit;
	private Fraction barStart = Fraction.ZERO;
	private int barsOnLine;
	private Fraction tupletEnd = Fraction.ZERO;
	private Fraction tupletFactor = Fraction.ONE;
	private boolean afterSound;
	/** The spelling of the last single note written, for the parts that continue it. */
	private String spelling;

	private AbcFormatter(Tune tune) {
		this.tune = tune;
		this.key = tune.header().key();
		this.meter = tune.header().meter();
		this.unit = tune.header().unitLength();
		Arrays.fill(barAccidentals, NO_ACCIDENTAL);
	}

	/** The tune as ABC text, ending with a line break. */
	public static String format(Tune tune) {
		AbcFormatter f = new AbcFormatter(tune);
		f.header();
		f.body();
		return f.out.toString();
	}

	private void header() {
		TuneHeader h = tune.header();
		out.append("X:").append(h.number()).append('\n');
		for (String t : h.titles()) {
			out.append("T:").append(t).append('\n');
		}
		for (TuneHeader.Field f : h.fields()) {
			out.append(f.name()).append(':').append(f.value()).append('\n');
		}
		out.append("M:").append(h.meter().text()).append('\n');
		out.append("L:").append(h.unitLength().numerator()).append('/').append(h.unitLength().denominator()).append('\n');
		if (h.tempo() != null) {
			out.append("Q:").append(h.tempo().text()).append('\n');
		}
		if (!h.rhythm().isEmpty()) {
			out.append("R:").append(h.rhythm()).append('\n');
		}
		out.append("K:").append(h.key().text()).append('\n');
	}

	/**
	 * A stretch of a note or rest to write as one symbol: notes are split (and tied) where a marker or the end of a
	 * tuplet falls inside them.
	 */
	private record Part(Event sound, Fraction start, Fraction end, boolean tied, boolean continues) {
	}

	private void body() {
		List<Object> tokens = tokens();
		for (int i = 0; i < tokens.size(); i++) {
			if (tokens.get(i) instanceof Part part) {
				part(part);
			} else if (tokens.get(i) instanceof Event.Tuplet t) {
				tuplet(t, tokens, i);
			} else {
				marker((Event) tokens.get(i));
			}
		}
		endLine();
	}

	/** The events as markers and parts of notes and rests, in writing order, with rests in any gaps. */
	private List<Object> tokens() {
		List<Event> events = tune.events();
		TreeSet<Fraction> tupletEnds = new TreeSet<>();
		for (Event e : events) {
			if (e instanceof Event.Tuplet t) {
				tupletEnds.add(t.spanEnd());
			}
		}
		List<Object> tokens = new ArrayList<>();
		Fraction end = Fraction.ZERO;
		int i = 0;
		while (i < events.size()) {
			Event e = events.get(i++);
			if (!e.length().isPositive()) {
				end = gap(tokens, end, e.time());
				tokens.add(e);
				continue;
			}
			while (i < events.size() && !events.get(i).length().isPositive() && events.get(i).time().compareTo(e.time()) <= 0) {
				tokens.add(events.get(i++));
			}
			end = gap(tokens, end, e.time());
			TreeSet<Fraction> cuts = new TreeSet<>(tupletEnds.subSet(e.time(), false, e.end(), false));
			List<Event> inner = new ArrayList<>();
			while (i < events.size() && !events.get(i).length().isPositive() && events.get(i).time().compareTo(e.end()) < 0) {
				inner.add(events.get(i));
				cuts.add(events.get(i++).time());
			}
			Fraction from = e.time();
			for (Fraction cut : cuts) {
				tokens.add(new Part(e, from, cut, true, !from.equals(e.time())));
				inner.stream().filter(m -> m.time().equals(cut)).forEach(tokens::add);
				from = cut;
			}
			tokens.add(new Part(e, from, e.end(), false, !from.equals(e.time())));
			end = e.end();
		}
		return tokens;
	}

	/** Adds a rest for silence between {@code end} and {@code time} (events built by hand may leave gaps). */
	private static Fraction gap(List<Object> tokens, Fraction end, Fraction time) {
		if (time.compareTo(end) > 0) {
			tokens.add(new Part(new Event.Rest(end, time.minus(end)), end, time, false, false));
			return time;
		}
		return end;
	}

	/** Writes one part of a note or rest. */
	private void part(Part part) {
		beatSpace(part.start());
		Fraction written = part.end().minus(part.start());
		if (part.start().compareTo(tupletEnd) < 0) {
			written = written.dividedBy(tupletFactor);
		}
		if (part.sound() instanceof Event.Note n) {
			spelling = note(n, written, part.continues() ? spelling : null);
			if (part.tied()) {
				line.append('-');
			}
		} else {
			line.append('z').append(length(written));
		}
		afterSound = true;
	}

	/**
	 * Writes a note or chord; a part that continues a tied single note repeats its letter and octave without an
	 * accidental (ABC keeps a tied note's pitch). Returns the spelling of a single note.
	 */
	private String note(Event.Note n, Fraction written, String continued) {
		if (n.isChord()) {
			line.append('[');
			for (int p : n.pitches()) {
				line.append(spell(p));
			}
			line.append(']').append(length(written));
			return null;
		}
		String s = continued != null ? continued.replaceAll("[\\^_=]", "") : spell(n.pitch());
		line.append(s).append(length(written));
		return s;
	}

	/** Writes a tuplet as {@code (p}, or {@code (p:q:r} when q or the number of symbols in it is not the default. */
	private void tuplet(Event.Tuplet t, List<Object> tokens, int at) {
		int r = 0;
		for (int j = at + 1; j < tokens.size(); j++) {
			if (tokens.get(j) instanceof Part part && part.start().compareTo(t.spanEnd()) < 0) {
				r++;
			}
		}
		int defaultQ = switch (t.p()) {
		case 2, 4, 8 -> 3;
		case 3, 6 -> 2;
		default -> meter.isCompound() ? 3 : 2;
		};
		beatSpace(t.time());
		line.append('(').append(t.p());
		if (t.q() != defaultQ || r != t.p()) {
			line.append(':').append(t.q()).append(':').append(r);
		}
		tupletEnd = t.spanEnd();
		tupletFactor = t.factor();
		afterSound = false;
	}

	private void marker(Event e) {
		switch (e) {
		case Event.BarLine b -> {
			if (line.length() == 1 && Character.isLetter(line.charAt(0))) {
				line.append(' '); // "G:|" at the start of a line would read as a field
			}
			line.append(b.kind().abc()).append(' ');
			Arrays.fill(barAccidentals, NO_ACCIDENTAL);
			barStart = b.time();
			afterSound = false;
			if (++barsOnLine >= BARS_PER_LINE) {
				endLine();
			}
		}
		case Event.Ending en -> line.append('[')
				.append(en.passes().stream().map(String::valueOf).collect(Collectors.joining(",")));
		case Event.ChordSymbol cs -> {
			beatSpace(cs.time());
			line.append('"').append(cs.text()).append('"');
			afterSound = false;
		}
		case Event.Tuplet t -> throw new IllegalArgumentException("tuplets are written with their notes: " + t);
		case Event.KeyChange kc -> {
			key = kc.key();
			Arrays.fill(barAccidentals, NO_ACCIDENTAL);
			fieldLine("K:" + kc.key().text());
		}
		case Event.MeterChange mc -> {
			meter = mc.meter();
			fieldLine("M:" + mc.meter().text());
		}
		case Event.TempoChange tc -> fieldLine("Q:" + tc.tempo().text());
		case Event.PartLabel p -> fieldLine("P:" + p.label());
		case Event.Note n -> throw new IllegalArgumentException("not a marker: " + n);
		case Event.Rest r -> throw new IllegalArgumentException("not a marker: " + r);
		}
	}

	/** A space before a note that starts a beat, so that notes are grouped by beats as in printed music. */
	private void beatSpace(Fraction time) {
		if (afterSound && !line.isEmpty() && time.minus(barStart).dividedBy(meter.beat()).isInteger()) {
			line.append(' ');
		}
	}

	private void fieldLine(String field) {
		endLine();
		out.append(field).append('\n');
	}

	private void endLine() {
		String text = line.toString().stripTrailing();
		if (!text.isEmpty()) {
			out.append(text).append('\n');
		}
		line.setLength(0);
		barsOnLine = 0;
		afterSound = false;
	}

	/** The length multiplier for a length in whole notes: {@code ""}, {@code 2}, {@code /2}, {@code 3/2}. */
	private String length(Fraction wholeNotes) {
		Fraction rel = wholeNotes.dividedBy(unit);
		if (rel.equals(Fraction.ONE)) {
			return "";
		}
		if (rel.isInteger()) {
			return Long.toString(rel.numerator());
		}
		return (rel.numerator() == 1 ? "" : Long.toString(rel.numerator())) + "/" + rel.denominator();
	}

	/**
	 * Spells a pitch: without accidental if a letter already sounds it in this bar (its last accidental, else the
	 * key), else with an accidental: a natural, or the sharp or flat that lies nearer the key on the circle of fifths
	 * (B flat rather than A sharp in G major, G sharp in A minor); the accidental then lasts to the bar line.
	 */
	private String spell(int pitch) {
		for (int wanted = 0; wanted <= 2; wanted++) {
			for (int letter = 0; letter < 7; letter++) {
				int alteration = effective(letter);
				if (Math.abs(alteration) == wanted && Math.floorMod(pitch - alteration - SEMITONES[letter], 12) == 0) {
					return letter(letter, pitch - alteration);
				}
			}
		}
		int pc = Math.floorMod(pitch, 12);
		int letter = Arrays.binarySearch(SEMITONES, pc);
		int alteration = 0;
		if (letter < 0) {
			int sharp = Arrays.binarySearch(SEMITONES, pc - 1);
			int flat = Arrays.binarySearch(SEMITONES, pc + 1);
			int centre = key.fifths() + 2;
			boolean useFlat = Math.abs(LETTER_FIFTHS[flat] - 7 - centre) < Math.abs(LETTER_FIFTHS[sharp] + 7 - centre);
			letter = useFlat ? flat : sharp;
			alteration = useFlat ? -1 : 1;
		}
		barAccidentals[letter] = alteration;
		String accidental = alteration > 0 ? "^" : alteration < 0 ? "_" : "=";
		return accidental + letter(letter, pitch - alteration);
	}

	private int effective(int letter) {
		return barAccidentals[letter] != NO_ACCIDENTAL ? barAccidentals[letter] : key.alteration(letter);
	}

	/** A letter with case and octave marks for the natural pitch {@code natural}. */
	private static String letter(int letter, int natural) {
		int octave = Math.floorDiv(natural, 12) - 5;
		char name = LETTERS.charAt(letter);
		if (octave >= 1) {
			return Character.toLowerCase(name) + "'".repeat(octave - 1);
		}
		return name + ",".repeat(-octave);
	}
}
