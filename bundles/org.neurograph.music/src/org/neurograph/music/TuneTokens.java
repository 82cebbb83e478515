package org.neurograph.music;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.neurograph.music.internal.AbcFormatter;

/**
 * Tunes as tokens for a language model, in the style of folk-rnn: a meter token ({@code M:6/8}), a key token
 * ({@code K:G}, {@code K:Ador}), then the melody as ABC symbols with their lengths ({@code ^c2}, {@code A/2},
 * {@code z3}), ties ({@code -}), bar lines ({@code |}, {@code |:}, {@code :|}, {@code ::}, {@code ||},
 * {@code |]}, {@code [|}), endings ({@code [1}, {@code [2}) and tuplets ({@code (3}), and {@value #END} after the
 * last bar. Lengths are written against a unit of 1/8 in every meter, so a token means the same length everywhere.
 * <p>
 * Key and meter changes inside a tune are tokens too ({@code K:D}, {@code M:3/4}, written on a line of their own).
 * Before tokenising, a tune is reduced to what the model learns ({@link #normalize}): the top note of each chord,
 * without chord symbols, parts, tempo, title or other header fields. {@link #toAbc(List, String, List)} turns tokens
 * back into ABC that {@link AbcReader} reads to the same events, so {@code read(toAbc(encode(t)))} equals
 * {@code normalize(t)}.
 */
public final class TuneTokens {
	/** The token after the last bar of a tune (and before the first tune of a stream). */
	public static final String END = "<end>";
	/** The unit note length the tokens' lengths are written against. */
	public static final Fraction UNIT = Fraction.of(1, 8);
	/** The lowest and highest MIDI pitch a tokenised tune may use (C2 to C7). */
	public static final int MIN_PITCH = 36;
	public static final int MAX_PITCH = 96;

	private static final Pattern SYMBOL = Pattern.compile("\\[\\||\\[\\d+(?:,\\d+)*|\\|\\]|\\|\\||\\|:|\\||:\\||::"
			+ "|\\(\\d(?::\\d*)?(?::\\d*)?|(?:\\^\\^|\\^|__|_|=)?[A-Ga-g][,']*\\d*(?:/\\d+)?|z\\d*(?:/\\d+)?|-");
	private static final Pattern LENGTH = Pattern.compile("(\\d*)(?:/(\\d+))?$");
	private static final int BARS_PER_LINE = 4;

	/** What a token is. */
	public enum Kind {
		/** {@code M:...} */
		METER,
		/** {@code K:...} */
		KEY,
		/** a note with its length */
		NOTE,
		/** a rest with its length */
		REST,
		/** a tie, {@code -}, after a note */
		TIE,
		/** a bar line */
		BAR,
		/** the start of an ending, {@code [1} */
		ENDING,
		/** the start of a tuplet, {@code (3} or {@code (p:q:r} */
		TUPLET,
		/** {@value TuneTokens#END} */
		END
	}

	/**
	 * A token read: its kind, the length in whole notes of a note or rest (else zero), the bar-line kind, and a
	 * tuplet's {@code p}, {@code q} (0 if not written: it then depends on the meter) and {@code r} (0 if not
	 * written: {@code p}).
	 */
	public record Token(String text, Kind kind, Fraction length, Event.BarLine.Kind bar, int p, int q, int r) {

		/**
		 * Reads a token's text.
		 *
		 * @throws IllegalArgumentException if it is not a token
		 */
		public static Token of(String text) {
			Objects.requireNonNull(text, "text");
			if (text.equals(END)) {
				return new Token(text, Kind.END, Fraction.ZERO, null, 0, 0, 0);
			}
			if (text.startsWith("M:")) {
				Meter.parse(text.substring(2));
				return new Token(text, Kind.METER, Fraction.ZERO, null, 0, 0, 0);
			}
			if (text.startsWith("K:")) {
				Key.parse(text.substring(2));
				return new Token(text, Kind.KEY, Fraction.ZERO, null, 0, 0, 0);
			}
			if (!SYMBOL.matcher(text).matches()) {
				throw new IllegalArgumentException("'" + text + "' is not a tune token");
			}
			if (text.equals("-")) {
				return new Token(text, Kind.TIE, Fraction.ZERO, null, 0, 0, 0);
			}
			for (Event.BarLine.Kind k : Event.BarLine.Kind.values()) {
				if (k.abc().equals(text)) {
					return new Token(text, Kind.BAR, Fraction.ZERO, k, 0, 0, 0);
				}
			}
			if (text.startsWith("[")) {
				return new Token(text, Kind.ENDING, Fraction.ZERO, null, 0, 0, 0);
			}
			if (text.startsWith("(")) {
				String[] parts = text.substring(1).split(":", -1);
				int p = Integer.parseInt(parts[0]);
				int q = parts.length > 1 && !parts[1].isEmpty() ? Integer.parseInt(parts[1]) : 0;
				int r = parts.length > 2 && !parts[2].isEmpty() ? Integer.parseInt(parts[2]) : 0;
				if (p < 2) {
					throw new IllegalArgumentException("'" + text + "' is not a tuplet: it needs 2 to 9 notes");
				}
				return new Token(text, Kind.TUPLET, Fraction.ZERO, null, p, q, r);
			}
			Matcher m = LENGTH.matcher(text);
			m.find();
			long num = m.group(1).isEmpty() ? 1 : Long.parseLong(m.group(1));
			long den = m.group(2) == null ? 1 : Long.parseLong(m.group(2));
			if (num == 0 || den == 0) {
				throw new IllegalArgumentException("'" + text + "' has no length");
			}
			Fraction length = Fraction.of(num, den).times(UNIT);
			return new Token(text, text.startsWith("z") ? Kind.REST : Kind.NOTE, length, null, 0, 0, 0);
		}

		/** The tuplet's {@code q} in {@code meter}: as written, else ABC's default. */
		public int q(Meter meter) {
			if (q > 0) {
				return q;
			}
			return switch (p) {
			case 2, 4, 8 -> 3;
			case 3, 6 -> 2;
			default -> meter.isCompound() ? 3 : 2;
			};
		}

		/** How many notes and rests the tuplet covers. */
		public int notes() {
			return r > 0 ? r : p;
		}
	}

	private TuneTokens() {
	}

	/** The meter token of a meter: {@code M:numerator/denominator}. */
	public static String meterToken(Meter meter) {
		return "M:" + meter.numerator() + "/" + meter.denominator();
	}

	/** The key token of a canonical key name ({@link KeyNames}). */
	public static String keyToken(String canonicalKey) {
		return "K:" + canonicalKey;
	}

	/**
	 * The tune reduced to what is tokenised: a header with only meter, key (canonical) and unit length {@link #UNIT};
	 * notes (the top note of each chord), rests, bar lines, endings and tuplets.
	 *
	 * @throws MusicException saying why the tune cannot be tokenised: free meter, or a key that is not a plain tonic
	 *                        and mode
	 */
	public static Tune normalize(Tune tune) throws MusicException {
		return transpose(tune, 0);
	}

	/**
	 * {@link #normalize(Tune) Normalised} and moved by {@code semitones}, with the key renamed to match.
	 *
	 * @throws MusicException as {@link #normalize} does, or if a note leaves {@value #MIN_PITCH} to
	 *                        {@value #MAX_PITCH} or the key would need more than 7 sharps or flats
	 */
	public static Tune transpose(Tune tune, int semitones) throws MusicException {
		TuneHeader h = tune.header();
		String what = "Tune " + h.number() + (h.title().isEmpty() ? "" : " (" + h.title() + ")");
		if (h.meter().isFree()) {
			throw new MusicException(what + " has no meter (M:none); only tunes with a meter can be learned.");
		}
		Optional<String> key = KeyNames.transpose(h.key().text(), semitones);
		if (key.isEmpty()) {
			throw new MusicException(what + " has the key '" + h.key().text() + "'" + (semitones == 0
					? ", which is not a plain key such as G, Em or Ador." : ", which cannot be moved by " + semitones
							+ " semitones."));
		}
		List<Event> events = new ArrayList<>();
		for (Event e : tune.events()) {
			switch (e) {
			case Event.Note n -> {
				int pitch = n.pitch() + semitones;
				if (pitch < MIN_PITCH || pitch > MAX_PITCH) {
					throw new MusicException(what + " moved by " + semitones + " semitones has a note outside MIDI "
							+ MIN_PITCH + " to " + MAX_PITCH + ".");
				}
				events.add(new Event.Note(n.time(), n.length(), pitch));
			}
			case Event.Rest r -> events.add(r);
			case Event.BarLine b -> events.add(b);
			case Event.Ending en -> events.add(en);
			case Event.Tuplet t -> events.add(t);
			case Event.KeyChange k -> {
				Optional<String> moved = KeyNames.transpose(k.key().text(), semitones);
				if (moved.isEmpty()) {
					throw new MusicException(what + " changes to the key '" + k.key().text() + "', which is not a plain "
							+ "key such as G, Em or Ador" + (semitones == 0 ? "" : " or cannot be moved by " + semitones
									+ " semitones") + ".");
				}
				events.add(new Event.KeyChange(k.time(), Key.parse(moved.get())));
			}
			case Event.MeterChange m -> {
				if (m.meter().isFree()) {
					throw new MusicException(what + " changes to free meter (M:none) inside the tune.");
				}
				events.add(new Event.MeterChange(m.time(), Meter.of(m.meter().numerator(), m.meter().denominator())));
			}
			default -> {
				// chord symbols, parts and tempo changes are not learned
			}
			}
		}
		TuneHeader header = new TuneHeader(1, List.of(), Meter.of(h.meter().numerator(), h.meter().denominator()), UNIT,
				Key.parse(key.get()), null, "", List.of());
		return new Tune(header, events);
	}

	/** The tokens of {@code tune} moved by {@code semitones}, from its meter token to {@link #END}. */
	public static List<String> encode(Tune tune, int semitones) throws MusicException {
		Tune t = transpose(tune, semitones);
		String abc = AbcFormatter.format(t);
		int body = abc.indexOf("\nK:");
		body = abc.indexOf('\n', body + 1) + 1;
		List<String> tokens = new ArrayList<>();
		tokens.add(meterToken(t.header().meter()));
		tokens.add(keyToken(t.header().key().text()));
		Matcher m = SYMBOL.matcher(abc);
		int at = body;
		while (at < abc.length()) {
			char c = abc.charAt(at);
			if (Character.isWhitespace(c)) {
				at++;
				continue;
			}
			if ((c == 'K' || c == 'M') && at + 1 < abc.length() && abc.charAt(at + 1) == ':') {
				int eol = abc.indexOf('\n', at);
				String field = abc.substring(at, eol < 0 ? abc.length() : eol).strip();
				tokens.add(c == 'M' ? meterToken(Meter.parse(field.substring(2))) : field);
				at = eol < 0 ? abc.length() : eol;
				continue;
			}
			m.region(at, abc.length());
			if (!m.lookingAt()) {
				throw new MusicException("Tune " + tune.header().number() + " cannot be tokenised at '"
						+ abc.substring(at, Math.min(abc.length(), at + 12)) + "'.");
			}
			tokens.add(m.group());
			at = m.end();
		}
		tokens.add(END);
		return tokens;
	}

	/**
	 * ABC text of one tune's tokens (a meter token, a key token, then symbols; {@link #END} and anything after it are
	 * left out): a header with {@code X:1}, the title (if any), {@code fields}, {@code M:}, {@code L:1/8} and {@code K:},
	 * then the symbols, four bars to a line.
	 *
	 * @throws IllegalArgumentException if the tokens do not start with a meter and a key token
	 */
	public static String toAbc(List<String> tokens, String title, List<TuneHeader.Field> fields) {
		if (tokens.size() < 2 || !tokens.get(0).startsWith("M:") || !tokens.get(1).startsWith("K:")) {
			throw new IllegalArgumentException("a tune's tokens start with a meter and a key token: " + tokens);
		}
		StringBuilder out = new StringBuilder("X:1\n");
		if (!title.isBlank()) {
			out.append("T:").append(title.strip().replace('\n', ' ')).append('\n');
		}
		for (TuneHeader.Field f : fields) {
			out.append(f.name()).append(':').append(f.value()).append('\n');
		}
		out.append(tokens.get(0)).append("\nL:1/8\n").append(tokens.get(1)).append('\n');
		StringBuilder line = new StringBuilder();
		int bars = 0;
		boolean glue = false;
		for (int i = 2; i < tokens.size() && !tokens.get(i).equals(END); i++) {
			String t = tokens.get(i);
			if (t.startsWith("K:") || t.startsWith("M:")) {
				if (!line.isEmpty()) {
					out.append(line).append('\n');
					line.setLength(0);
				}
				out.append(t).append('\n');
				bars = 0;
				glue = false;
				continue;
			}
			if (!t.equals("-") && !glue && !line.isEmpty()) {
				line.append(' ');
			}
			line.append(t);
			glue = t.startsWith("(");
			if (t.startsWith("|") || t.startsWith(":") || t.equals("[|")) {
				if (++bars % BARS_PER_LINE == 0) {
					out.append(line).append('\n');
					line.setLength(0);
				}
			}
		}
		if (!line.isEmpty()) {
			out.append(line).append('\n');
		}
		return out.toString();
	}
}
