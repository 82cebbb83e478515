package org.neurograph.music.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neurograph.music.Event;
import org.neurograph.music.Event.BarLine.Kind;
import org.neurograph.music.Fraction;
import org.neurograph.music.Tune;
import org.neurograph.music.TuneHeader;

/**
 * Plays out the repeats of a tune.
 * <ul>
 * <li>Parts: when the header has a {@code P:} play order (e.g. {@code AABB}, {@code (AB)2C}) and the body labels its
 * parts, the parts are played in that order (music before the first label first).</li>
 * <li>Repeats: {@code :|} plays from the last {@code |:} or {@code ::} once more; without one, from the end of the
 * last repeated section (or from a double or final bar line after it), else from the start.</li>
 * <li>Endings: a section with endings is played as often as its highest ending number (at least twice), each pass
 * taking the ending that lists it; the section ends after its last ending at the next bar line that is not a single
 * one (a {@code :|} there does not repeat again).</li>
 * <li>Ties: a note tied into a repeat or into an ending not taken is cut where the jump happens, and continues into
 * the first note after the jump if that has the same pitch.</li>
 * </ul>
 */
public final class Unfolder {
	/** Ending numbers go up to 99; no section is played more often (a guard against malformed structures). */
	private static final int MAX_PASSES = 99;

	private final List<Event> events;
	private final List<Span> spans = new ArrayList<>();

	/**
	 * Events {@code [from, to)} to play; a note that lasts past {@code cut} (a tie into a repeat or an ending not
	 * taken) is cut there; {@code cut} is null for the last span.
	 */
	private record Span(int from, int to, Fraction cut) {
	}

	private Unfolder(List<Event> events) {
		this.events = events;
	}

	/** The tune as played; see {@link Tune#unfold()}. */
	public static Tune unfold(Tune tune) {
		Output out = new Output();
		for (List<Event> segment : segments(tune)) {
			Unfolder u = new Unfolder(segment);
			u.play();
			for (Span span : u.spans) {
				out.emit(segment.subList(span.from(), span.to()), span.cut());
			}
		}
		TuneHeader h = tune.header();
		return new Tune(h.withFields(h.fields().stream().filter(f -> f.name() != 'P').toList()), out.events);
	}

	/** The played events, built span by span. */
	private static final class Output {
		final List<Event> events = new ArrayList<>();
		Fraction time = Fraction.ZERO;
		/** The index of a note cut at the end of the last span because it was tied over the jump, or -1. */
		int tied = -1;

		/**
		 * Copies a span of events, starting where the last one ended. A note tied over the jump is cut at
		 * {@code cut}, and continues into the first note of the next span if that has the same pitches (a tie into
		 * the ending that is taken).
		 */
		void emit(List<Event> span, Fraction cut) {
			if (span.isEmpty()) {
				return;
			}
			Fraction shift = time.minus(span.get(0).time());
			int cutNote = -1;
			boolean first = true;
			for (Event e : span) {
				if (e instanceof Event.Note n && cut != null && n.end().compareTo(cut) > 0 && n.time().compareTo(cut) < 0) {
					e = n.withLength(cut.minus(n.time()));
					cutNote = events.size();
				}
				time = Fraction.max(time, e.end().plus(shift));
				if (e.length().isPositive() && first) {
					first = false;
					if (tied >= 0 && e instanceof Event.Note n && events.get(tied) instanceof Event.Note t
							&& t.pitches().equals(n.pitches()) && t.end().equals(n.time().plus(shift))) {
						events.set(tied, t.withLength(t.length().plus(n.length())));
						continue;
					}
				}
				if (!(e instanceof Event.Ending || e instanceof Event.PartLabel)) {
					Event moved = e.at(e.time().plus(shift));
					events.add(moved instanceof Event.BarLine b && isRepeat(b.kind()) ? new Event.BarLine(b.time(), Kind.SINGLE) : moved);
				}
			}
			tied = cutNote;
		}
	}

	private static boolean isRepeat(Kind kind) {
		return kind == Kind.REPEAT_START || kind == Kind.REPEAT_END || kind == Kind.REPEAT_END_START;
	}

	/** The stretches of events to play, in order: the parts in play order, or the whole tune. */
	private static List<List<Event>> segments(Tune tune) {
		List<Event> events = tune.events();
		String order = tune.header().field('P').orElse("");
		Map<Character, List<Event>> parts = new LinkedHashMap<>();
		int firstLabel = -1;
		for (int i = 0; i < events.size(); i++) {
			if (events.get(i) instanceof Event.PartLabel p) {
				firstLabel = firstLabel < 0 ? i : firstLabel;
				int end = i + 1;
				while (end < events.size() && !(events.get(end) instanceof Event.PartLabel)) {
					end++;
				}
				parts.putIfAbsent(p.label().charAt(0), events.subList(i, end));
			}
		}
		List<Character> played = PartOrder.expand(order);
		if (parts.isEmpty() || played.stream().noneMatch(parts::containsKey)) {
			return List.of(events);
		}
		List<List<Event>> segments = new ArrayList<>();
		segments.add(events.subList(0, firstLabel));
		for (char label : played) {
			if (parts.containsKey(label)) {
				segments.add(parts.get(label));
			}
		}
		return segments;
	}

	private void play() {
		int n = events.size();
		int spanStart = 0;
		int start = 0;
		int pass = 1;
		int passes = passes(0);
		boolean lastEnding = false;
		boolean explicitStart = false;
		boolean completed = false;
		int i = 0;
		int jumps = 0;
		while (i < n && jumps <= MAX_PASSES * (n + 1)) {
			Event e = events.get(i);
			if (e instanceof Event.BarLine b) {
				Kind kind = b.kind();
				if (lastEnding && kind != Kind.SINGLE) {
					lastEnding = false;
					explicitStart = kind == Kind.REPEAT_START || kind == Kind.REPEAT_END_START;
					completed = true;
					start = i + 1;
					pass = 1;
					passes = passes(start);
				} else if ((kind == Kind.REPEAT_END || kind == Kind.REPEAT_END_START) && pass < passes) {
					spans.add(new Span(spanStart, i + 1, b.time()));
					pass++;
					jumps++;
					spanStart = start;
					i = start;
					continue;
				} else if (isRepeat(kind) && !(kind == Kind.REPEAT_END && endingFollows(i + 1))
						|| (kind == Kind.DOUBLE || kind == Kind.FINAL) && completed && !explicitStart && pass == 1) {
					completed |= kind != Kind.REPEAT_START;
					explicitStart = kind == Kind.REPEAT_START || kind == Kind.REPEAT_END_START;
					start = i + 1;
					pass = 1;
					passes = passes(start);
				}
			} else if (e instanceof Event.Ending en) {
				if (!en.passes().contains(pass)) {
					spans.add(new Span(spanStart, i, en.time()));
					i = skipEnding(i + 1, pass);
					spanStart = i;
					if (i < n && !(events.get(i) instanceof Event.Ending)) {
						completed = true;
						explicitStart = false;
						start = i;
						pass = 1;
						passes = passes(start);
					}
					continue;
				}
				lastEnding = pass >= passes;
			}
			i++;
		}
		spans.add(new Span(spanStart, n, null));
	}

	/**
	 * Skips an ending not taken on this pass: up to the next ending for this pass, or past the end-repeat that closes
	 * it when no further ending follows.
	 */
	private int skipEnding(int from, int pass) {
		for (int j = from; j < events.size(); j++) {
			Event e = events.get(j);
			if (e instanceof Event.Ending en && en.passes().contains(pass)) {
				return j;
			}
			if (e instanceof Event.BarLine b && isRepeat(b.kind()) && !endingFollows(j + 1)) {
				return b.kind() == Kind.REPEAT_START ? j : j + 1;
			}
			if (e instanceof Event.PartLabel) {
				return j;
			}
		}
		return events.size();
	}

	private boolean endingFollows(int from) {
		for (int j = from; j < events.size(); j++) {
			Event e = events.get(j);
			if (e instanceof Event.Ending) {
				return true;
			}
			if (e.length().isPositive() || e instanceof Event.BarLine) {
				return false;
			}
		}
		return false;
	}

	/** How often the section starting at {@code start} is played: its highest ending number, at least 2. */
	private int passes(int start) {
		int max = 2;
		boolean endings = false;
		for (int j = start; j < events.size(); j++) {
			Event e = events.get(j);
			if (e instanceof Event.Ending en) {
				endings = true;
				max = Math.max(max, en.passes().get(en.passes().size() - 1));
			} else if (e instanceof Event.PartLabel || e instanceof Event.BarLine b && (b.kind() == Kind.REPEAT_START
					|| b.kind() == Kind.REPEAT_END_START || b.kind() == Kind.REPEAT_END && !endings && !endingFollows(j + 1))) {
				break;
			}
		}
		return max;
	}
}
