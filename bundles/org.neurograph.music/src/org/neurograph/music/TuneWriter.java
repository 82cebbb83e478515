package org.neurograph.music;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.HashMap;
import java.util.Map;

import org.neurograph.poetry.CharLstm;

/**
 * Writes tunes with a {@link TuneModel}, one token at a time, in plain Java (no DL4J).
 * <p>
 * <b>The sampler is constrained</b>, as a musician expects of a tune writer: at each step it only offers the network
 * the tokens that keep the tune well formed, and samples among those by the network's probabilities (at the given
 * temperature). A note or rest must fit in what is left of the bar <em>and</em> leave a remainder that the
 * vocabulary's lengths can still fill; a bar line comes only when the bar is exactly full (or, as {@code |:} or
 * {@code [|}, at the very start); a tie only after a note; an ending or a key change only after a bar line; a
 * tuplet only where its notes can fit, and no bar line inside it; no meter change (the bar length stays that of the
 * meter token). The meter and key tokens come from the settings (or, left empty, are
 * sampled among those the model knows). The tune stops after the asked number of full bars with a final bar line
 * ({@code |]} or {@code :|} where the model knows one). So every tune this writes reads as ABC and has bars whose
 * durations fill the meter exactly: the network chooses the music, the constraints only rule out what would be
 * malformed. The same model, settings and seed give the same tokens.
 */
public final class TuneWriter {

	/**
	 * What to write.
	 *
	 * @param meter       the meter, e.g. {@code 6/8}; empty to let the model choose among the meters it knows
	 * @param key         the key, e.g. {@code G}, {@code Em}, {@code Ador}; empty to let the model choose
	 * @param primer      the tokens of a tune to continue, from its meter and key tokens on ({@link TuneTokens#END}
	 *                    and anything after it are ignored); empty for a new tune. A primer's meter and key win
	 *                    over {@code meter} and {@code key}
	 * @param bars        how many full bars to write (after the primer)
	 * @param temperature 0 for the most likely token every time; 1 samples the model's own distribution
	 */
	public record Settings(String meter, String key, List<String> primer, int bars, double temperature) {
		public Settings {
			Objects.requireNonNull(meter, "meter");
			Objects.requireNonNull(key, "key");
			primer = List.copyOf(primer);
			if (bars < 1) {
				throw new IllegalArgumentException("A tune needs at least one bar, not " + bars + ".");
			}
			if (!(temperature >= 0) || Double.isInfinite(temperature)) {
				throw new IllegalArgumentException("The temperature must be 0 or more, not " + temperature + ".");
			}
		}
	}

	/** The most ticks per whole note the duration arithmetic uses. */
	private static final long MAX_TICKS_PER_WHOLE = 1 << 16;

	private final TuneModel model;
	private final CharLstm net;
	private final CharLstm.State state;
	private final SplittableRandom random;
	private final List<String> out = new ArrayList<>();
	private float[] logits;

	// the bar and tuplet being written, in ticks
	private Meter meter;
	private long ticksPerWhole;
	private long barTicks;
	private long[] lengthTicks;
	private boolean[] fill;
	private long position;
	private int tupletLeft;
	private Fraction tupletFactor = Fraction.ONE;
	private TuneTokens.Kind previous = TuneTokens.Kind.KEY;
	private boolean bodyStarted;
	private int bars;
	/** Whether the model knows a bar line that can end a tune ({@code |]} or {@code :|}). */
	private boolean anyFinal;
	private final Map<String, boolean[]> reachableCache = new HashMap<>();

	private TuneWriter(TuneModel model, long seed) {
		this.model = model;
		this.net = model.network();
		this.state = net.newState();
		this.random = new SplittableRandom(seed);
	}

	/**
	 * Writes one tune's tokens, from the meter token to {@link TuneTokens#END}.
	 *
	 * @throws MusicException with a message for the user if the model does not know the meter, key or a primer token,
	 *                        or cannot fill a bar of the meter
	 */
	public static List<String> write(TuneModel model, Settings settings, long seed) throws MusicException {
		TuneWriter w = new TuneWriter(model, seed);
		w.run(settings);
		return List.copyOf(w.out);
	}

	private void run(Settings s) throws MusicException {
		logits = net.step(state, model.indexOf(TuneTokens.END));
		List<String> primer = new ArrayList<>(s.primer());
		int end = primer.indexOf(TuneTokens.END);
		if (end >= 0) {
			primer = new ArrayList<>(primer.subList(0, end));
		}
		String unknown = String.join(" ", new LinkedHashSet<>(primer.stream().filter(t -> model.indexOf(t) < 0).toList()));
		if (!unknown.isEmpty()) {
			throw new MusicException("The model has never seen these symbols of the primer: " + unknown
					+ ". Change them, or give a primer in a meter, key and note range the model was trained on.");
		}
		String meterToken;
		String keyToken;
		if (!primer.isEmpty()) {
			if (primer.size() < 2 || !primer.get(0).startsWith("M:") || !primer.get(1).startsWith("K:")) {
				throw new IllegalArgumentException("a primer starts with a meter and a key token: " + primer);
			}
			meterToken = primer.get(0);
			keyToken = primer.get(1);
		} else {
			meterToken = s.meter().isBlank() ? null : TuneTokens.meterToken(parseMeter(s.meter()));
			keyToken = s.key().isBlank() ? null : TuneTokens.keyToken(KeyNames.canonical(s.key()).orElseThrow(
					() -> new MusicException("'" + s.key() + "' is not a key; write e.g. G, Em, Ador, Dmix or Bb.")));
		}
		meterToken = header(meterToken, TuneTokens.Kind.METER, "meter", s.temperature());
		keyToken = header(keyToken, TuneTokens.Kind.KEY, "key", s.temperature());
		meter = Meter.parse(meterToken.substring(2));
		prepareTicks();
		List<String> body = primer.isEmpty() ? List.of() : primer.subList(2, primer.size());
		for (int i = 0; i < body.size(); i++) {
			String t = body.get(i);
			TuneTokens.Token token = model.token(model.indexOf(t));
			if (i == body.size() - 1 && token.kind() == TuneTokens.Kind.BAR && token.bar() == Event.BarLine.Kind.FINAL
					&& model.indexOf("|") >= 0) {
				t = "|"; // the primer's end is where the continuation starts
				token = model.token(model.indexOf(t));
			}
			primerStep(t, token);
		}
		if (tupletLeft > 0 || !fill[(int) (barTicks - position)]) {
			throw new MusicException("The primer ends inside a tuplet or in a bar the model's note lengths cannot "
					+ "complete. End the primer at a bar line.");
		}
		int limit = s.bars() * 200 + 100;
		while (bars < s.bars()) {
			if (out.size() > limit + body.size()) {
				throw new IllegalStateException("the constrained sampler made no progress");
			}
			boolean[] allowed = allowed(s.bars());
			int next = sample(allowed, s.temperature());
			String t = model.tokens().get(next);
			emit(t, model.token(next));
		}
		out.add(TuneTokens.END);
	}

	private static Meter parseMeter(String text) throws MusicException {
		try {
			Meter m = Meter.parse(text);
			if (m.isFree()) {
				throw new MusicException("Tunes are written in a meter; 'none' is not one. Write e.g. 6/8 or 4/4.");
			}
			return m;
		} catch (IllegalArgumentException e) {
			throw new MusicException(e.getMessage() + ".", e);
		}
	}

	/** Feeds the asked header token, or samples one of that kind. */
	private String header(String asked, TuneTokens.Kind kind, String what, double temperature) throws MusicException {
		boolean[] allowed = new boolean[model.size()];
		TreeSet<String> known = new TreeSet<>();
		for (int i = 0; i < model.size(); i++) {
			allowed[i] = model.token(i).kind() == kind;
			if (allowed[i]) {
				known.add(model.tokens().get(i).substring(2));
			}
		}
		if (known.isEmpty()) {
			throw new MusicException("The model knows no " + what + "; it was not trained on tunes.");
		}
		String token = asked;
		if (token == null) {
			token = model.tokens().get(sample(allowed, temperature));
		} else if (model.indexOf(token) < 0) {
			throw new MusicException("The model has never seen the " + what + " " + token.substring(2) + ". It knows: "
					+ String.join(", ", known) + ".");
		}
		out.add(token);
		logits = net.step(state, model.indexOf(token));
		return token;
	}

	/** Ticks per whole note so that every length (also inside the tuplets the model knows) is whole. */
	private void prepareTicks() throws MusicException {
		long lcm = barLengthDenominator();
		Set<Fraction> factors = new LinkedHashSet<>();
		factors.add(Fraction.ONE);
		for (int i = 0; i < model.size(); i++) {
			TuneTokens.Token t = model.token(i);
			if (t.kind() == TuneTokens.Kind.TUPLET) {
				factors.add(Fraction.of(t.q(meter), t.p()));
			}
		}
		for (int i = 0; i < model.size(); i++) {
			TuneTokens.Token t = model.token(i);
			if (t.kind() == TuneTokens.Kind.NOTE || t.kind() == TuneTokens.Kind.REST) {
				for (Fraction f : factors) {
					lcm = lcm(lcm, t.length().times(f).denominator());
				}
			}
		}
		if (lcm > MAX_TICKS_PER_WHOLE) {
			throw new MusicException("The model's note lengths are too fine to count bars with (" + lcm
					+ " steps per whole note).");
		}
		ticksPerWhole = lcm;
		barTicks = ticks(meter.barLength());
		lengthTicks = new long[model.size()];
		for (int i = 0; i < model.size(); i++) {
			lengthTicks[i] = ticks(model.token(i).length());
		}
		fill = computeReachable(Fraction.ONE, 0);
		for (int i = 0; i < model.size(); i++) {
			TuneTokens.Token t = model.token(i);
			anyFinal |= t.kind() == TuneTokens.Kind.BAR
					&& (t.bar() == Event.BarLine.Kind.FINAL || t.bar() == Event.BarLine.Kind.REPEAT_END);
		}
		if (!fill[(int) barTicks]) {
			throw new MusicException("The model's note lengths cannot fill a bar of " + meter.text() + ".");
		}
	}

	private long barLengthDenominator() {
		return meter.barLength().denominator();
	}

	private long ticks(Fraction f) {
		return f.times(ticksPerWhole).numerator();
	}

	private static long lcm(long a, long b) {
		long x = a;
		long y = b;
		while (y != 0) {
			long t = x % y;
			x = y;
			y = t;
		}
		return Math.multiplyExact(a / x, b);
	}

	/**
	 * For each remainder {@code x} of the bar (in ticks): can {@code k} notes of a tuplet with {@code factor} and then
	 * plain notes fill exactly {@code x}? With {@code k == 0}, whether plain notes can.
	 */
	private boolean[] reachable(Fraction factor, int k) {
		if (k == 0) {
			return fill;
		}
		String key = factor + "x" + k;
		boolean[] known = reachableCache.get(key);
		if (known == null) {
			known = computeReachable(factor, k);
			reachableCache.put(key, known);
		}
		return known;
	}

	private boolean[] computeReachable(Fraction factor, int k) {
		int n = (int) barTicks;
		boolean[] r = new boolean[n + 1];
		if (k == 0) {
			r[0] = true;
			for (int x = 1; x <= n; x++) {
				for (int i = 0; i < model.size() && !r[x]; i++) {
					long d = lengthTicks[i];
					r[x] = d > 0 && d <= x && r[(int) (x - d)];
				}
			}
			return r;
		}
		boolean[] rest = k == 1 ? fill : reachable(factor, k - 1);
		for (int x = 1; x <= n; x++) {
			for (int i = 0; i < model.size() && !r[x]; i++) {
				if (lengthTicks[i] > 0) {
					long d = ticks(model.token(i).length().times(factor));
					r[x] = d <= x && rest[(int) (x - d)];
				}
			}
		}
		return r;
	}

	/** Which tokens may come next. */
	private boolean[] allowed(int targetBars) {
		boolean[] ok = new boolean[model.size()];
		long remaining = barTicks - position;
		boolean lastBarFull = remaining == 0 && bars == targetBars - 1;
		boolean[] tupletFill = tupletLeft > 0 ? reachable(tupletFactor, tupletLeft - 1) : null;
		for (int i = 0; i < model.size(); i++) {
			TuneTokens.Token t = model.token(i);
			ok[i] = switch (t.kind()) {
			case NOTE, REST -> {
				if (tupletLeft > 0) {
					long d = ticks(t.length().times(tupletFactor));
					yield d <= remaining && tupletFill[(int) (remaining - d)];
				}
				yield lengthTicks[i] <= remaining && fill[(int) (remaining - lengthTicks[i])];
			}
			case TIE -> previous == TuneTokens.Kind.NOTE && !lastBarFull;
			case BAR -> {
				if (tupletLeft > 0) {
					yield false;
				}
				if (!bodyStarted) {
					yield t.bar() == Event.BarLine.Kind.REPEAT_START || t.bar() == Event.BarLine.Kind.START;
				}
				if (remaining != 0 || previous == TuneTokens.Kind.BAR || previous == TuneTokens.Kind.ENDING) {
					yield false;
				}
				yield !lastBarFull || !anyFinal || t.bar() == Event.BarLine.Kind.FINAL
						|| t.bar() == Event.BarLine.Kind.REPEAT_END;
			}
			case ENDING -> previous == TuneTokens.Kind.BAR && bars > 0 && position == 0 && !lastBarFull;
			case TUPLET -> {
				if (tupletLeft > 0 || remaining == 0) {
					yield false;
				}
				Fraction f = Fraction.of(t.q(meter), t.p());
				yield reachable(f, t.notes())[(int) remaining];
			}
			case KEY -> previous == TuneTokens.Kind.BAR && bars > 0 && position == 0;
			case METER, END -> false;
			};
		}
		return ok;
	}

	private int sample(boolean[] allowed, double temperature) {
		int best = -1;
		for (int i = 0; i < allowed.length; i++) {
			if (allowed[i] && (best < 0 || logits[i] > logits[best])) {
				best = i;
			}
		}
		if (best < 0) {
			throw new IllegalStateException("no token may follow " + out);
		}
		if (temperature == 0) {
			return best;
		}
		double[] p = new double[allowed.length];
		double sum = 0;
		for (int i = 0; i < allowed.length; i++) {
			if (allowed[i]) {
				p[i] = Math.exp((logits[i] - logits[best]) / temperature);
				sum += p[i];
			}
		}
		double u = random.nextDouble() * sum;
		int last = best;
		for (int i = 0; i < p.length; i++) {
			if (allowed[i]) {
				u -= p[i];
				last = i;
				if (u < 0) {
					return i;
				}
			}
		}
		return last;
	}

	/** Feeds a primer token: its bars need not be full (a pickup), but none may overflow. */
	private void primerStep(String text, TuneTokens.Token t) throws MusicException {
		if (t.kind() == TuneTokens.Kind.METER) {
			throw new MusicException("The primer changes meter inside the tune; give a primer in one meter.");
		}
		if (t.kind() == TuneTokens.Kind.BAR) {
			out.add(text);
			logits = net.step(state, model.indexOf(text));
			position = 0;
			previous = TuneTokens.Kind.BAR;
			bodyStarted = true;
			return;
		}
		emit(text, t);
		if (position > barTicks) {
			throw new MusicException("A bar of the primer is longer than a bar of " + meter.text() + ". Correct it.");
		}
	}

	/** Appends a token, feeds it to the network and keeps count of the bar and tuplet. */
	private void emit(String text, TuneTokens.Token t) {
		out.add(text);
		logits = net.step(state, model.indexOf(text));
		switch (t.kind()) {
		case NOTE, REST -> {
			Fraction length = t.length();
			if (tupletLeft > 0) {
				length = length.times(tupletFactor);
				if (--tupletLeft == 0) {
					tupletFactor = Fraction.ONE;
				}
			}
			position += ticks(length);
			bodyStarted = true;
		}
		case TUPLET -> {
			tupletLeft = t.notes();
			tupletFactor = Fraction.of(t.q(meter), t.p());
			bodyStarted = true;
		}
		case BAR -> {
			if (position == barTicks) {
				bars++;
				position = 0;
			}
			bodyStarted = true;
		}
		default -> {
			// ties and endings take no time
		}
		}
		previous = t.kind();
	}

	/** The names of the meters a model knows, e.g. {@code [4/4, 6/8]}. */
	public static List<String> meters(TuneModel model) {
		return headerValues(model, TuneTokens.Kind.METER);
	}

	/** The keys a model knows, e.g. {@code [D, G, Em]}. */
	public static List<String> keys(TuneModel model) {
		return headerValues(model, TuneTokens.Kind.KEY);
	}

	private static List<String> headerValues(TuneModel model, TuneTokens.Kind kind) {
		return model.tokens().stream().filter(t -> TuneTokens.Token.of(t).kind() == kind).map(t -> t.substring(2))
				.sorted().toList();
	}
}
