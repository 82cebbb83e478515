package org.neurograph.music;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.neurograph.api.Artifact;
import org.neurograph.api.ArtifactSink;
import org.neurograph.api.CancelledException;
import org.neurograph.api.GenerationException;
import org.neurograph.api.GenerationRequest;
import org.neurograph.api.Generator;
import org.neurograph.api.GeneratorInfo;
import org.neurograph.api.MediaKind;
import org.neurograph.api.ModelRef;
import org.neurograph.api.ParameterSpec;
import org.neurograph.api.ParameterValues;
import org.neurograph.api.Progress;
import org.neurograph.api.Provenance;
import org.osgi.service.component.annotations.Component;

/**
 * Writes new tunes with a model from {@link TuneLstmTrainer}: {@code count} tunes in a chosen meter and key (or the
 * model's choice), or continuations of a primer tune, with a temperature and a length in bars, by the constrained
 * sampler of {@link TuneWriter} (every tune reads as ABC and its bars fill the meter). Each tune becomes two works:
 * {@code tune-<seed>.abc} and {@code tune-<seed>-midi.mid}. Both carry the provenance (generator, model and its
 * SHA-256, seed, every parameter including the primer) in their sidecar; the ABC also names it in {@code N:} fields
 * and the MIDI file in a text event. Tune {@code i} depends only on the model, the parameters and seed {@code seed+i}.
 */
@Component(service = Generator.class)
public final class TuneLstmGenerator implements Generator {

	/** The generator's id (the same as the trainer's). */
	public static final String ID = TuneLstmTrainer.ID;

	private static final GeneratorInfo INFO = new GeneratorInfo(ID, "Tune LSTM (folk-rnn style)", "1.0.0",
			MediaKind.MUSIC, "New tunes, or continuations of a tune, from a tune LSTM; as ABC and MIDI.");

	private static final ParameterSpec SPEC = ParameterSpec.builder()
			.text("meter", "Meter", "The meter, e.g. 6/8, 4/4 or 3/4; empty lets the model choose. A primer's meter wins.",
					"", 10)
			.text("key", "Key", "The key, e.g. G, D, Em or Ador; empty lets the model choose. A primer's key wins.", "",
					10)
			.integer("bars", "Length (bars)", "Full bars to write (after the primer).", 16, 1, 512)
			.decimal("temperature", "Temperature", "0 always takes the most likely note; 1 follows the model; higher is "
					+ "wilder.", 1.0, 0.0, 3.0)
			.text("primer", "Primer", "An ABC tune to continue (with M: and K: lines, or only notes and bar lines in "
					+ "the meter and key above); empty writes new tunes.", "", 20_000)
			.integer("program", "MIDI instrument", "General MIDI program of the .mid files (0 piano, 73 flute, 40 "
					+ "violin, 21 accordion).", 73, 0, 127)
			.build();

	@Override
	public GeneratorInfo info() {
		return INFO;
	}

	@Override
	public ParameterSpec parameters() {
		return SPEC;
	}

	@Override
	public boolean requiresModel() {
		return true;
	}

	@Override
	public void generate(GenerationRequest request, ArtifactSink sink, Progress progress) throws GenerationException {
		ModelRef ref = request.model().orElseThrow(() -> new GenerationException(
				"Choose a model: a tune LSTM trained with the tune LSTM trainer (" + TuneLstmTrainer.ID + ")."));
		TuneModel model;
		try {
			model = TuneModel.load(ref.location());
		} catch (IOException e) {
			throw new GenerationException("Cannot use the model '" + ref.name() + "': " + e.getMessage(), e);
		}
		ParameterValues p = request.parameters();
		List<String> primer = primerTokens(p);
		TuneWriter.Settings settings = new TuneWriter.Settings(p.getString("meter"), p.getString("key"), primer,
				p.getInt("bars"), p.getDouble("temperature"));
		progress.begin("Writing " + request.count() + (request.count() == 1 ? " tune" : " tunes"), request.count());
		for (int i = 0; i < request.count(); i++) {
			if (progress.isCancelled()) {
				throw new CancelledException();
			}
			progress.subTask("tune " + (i + 1) + " of " + request.count());
			long seed = request.seedFor(i);
			Provenance provenance = Provenance.of(INFO, request, i);
			Works works = write(model, settings, seed, provenance, p.getInt("program"));
			String name = "tune-" + Long.toUnsignedString(seed);
			sink.accept(new Artifact(name, MediaKind.MUSIC, "abc", "text/vnd.abc",
					works.abc().getBytes(StandardCharsets.UTF_8), provenance));
			sink.accept(new Artifact(name + "-midi", MediaKind.MUSIC, "mid", "audio/midi", works.midi(), provenance));
			progress.worked(1);
		}
	}

	/** One tune as ABC text, its reading, and MIDI bytes. */
	record Works(String abc, Tune tune, byte[] midi) {
	}

	/**
	 * Writes one tune.
	 *
	 * @throws GenerationException with a message for the user if the settings do not suit the model
	 */
	static Works write(TuneModel model, TuneWriter.Settings settings, long seed, Provenance provenance, int program)
			throws GenerationException {
		List<String> tokens;
		try {
			tokens = TuneWriter.write(model, settings, seed);
		} catch (MusicException e) {
			throw new GenerationException(e.getMessage(), e);
		} catch (IllegalArgumentException e) {
			throw new GenerationException("The settings do not suit the model: " + e.getMessage(), e);
		}
		String summary = summary(provenance);
		String abc = TuneTokens.toAbc(tokens, "Tune " + Long.toUnsignedString(seed),
				List.of(new TuneHeader.Field('N', summary)));
		Tune tune;
		try {
			tune = AbcReader.read(abc);
		} catch (AbcSyntaxException e) {
			throw new IllegalStateException("the tune writer made ABC that does not read back: " + e.getMessage()
					+ "\n" + abc, e);
		}
		byte[] midi = MidiExport.toBytes(tune, MidiOptions.DEFAULT.withProgram(program).withComment(summary));
		return new Works(abc, tune, midi);
	}

	/** The provenance as one line, without the time, so that the same seed gives the same bytes. */
	static String summary(Provenance p) {
		Map<String, String> params = new TreeMap<>(p.parameters());
		String primer = params.remove("primer");
		StringBuilder b = new StringBuilder("Written by ").append(p.generatorId()).append(' ').append(p.generatorVersion());
		if (p.modelName() != null) {
			b.append(" with the model ").append(p.modelName());
			if (p.modelSha256() != null) {
				b.append(" (SHA-256 ").append(p.modelSha256()).append(')');
			}
		}
		b.append(", seed ").append(p.seed());
		params.forEach((k, v) -> b.append(", ").append(k).append('=').append(v));
		if (primer != null && !primer.isBlank()) {
			b.append(", continuing a primer of ").append(primer.length()).append(" characters (in the provenance file)");
		}
		return b.toString().replace('\n', ' ');
	}

	/** The primer's tokens, or an empty list. */
	static List<String> primerTokens(ParameterValues p) throws GenerationException {
		String text = p.getString("primer").strip();
		if (text.isEmpty()) {
			return List.of();
		}
		String abc = text;
		if (!text.lines().anyMatch(l -> l.startsWith("K:"))) {
			String meter = p.getString("meter").isBlank() ? "4/4" : p.getString("meter").strip();
			String key = p.getString("key").isBlank() ? "C" : p.getString("key").strip();
			abc = "X:1\nM:" + meter + "\nL:1/8\nK:" + key + "\n" + text + "\n";
		}
		Tune tune;
		try {
			tune = AbcReader.read(abc);
		} catch (AbcSyntaxException e) {
			throw new GenerationException("The primer is not ABC that can be read: " + e.getMessage(), e);
		}
		try {
			List<String> tokens = new ArrayList<>(TuneTokens.encode(tune, 0));
			tokens.remove(tokens.size() - 1);
			return tokens;
		} catch (MusicException e) {
			throw new GenerationException("The primer cannot be continued: " + e.getMessage(), e);
		}
	}
}
