package org.neurograph.poetry;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

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
 * Writes poems and other texts with a character LSTM: a model trained by {@link CharLstmTrainer} or an imported
 * ml5.js char-rnn checkpoint. Each work is a {@code .txt} whose text depends only on the model, the parameters and
 * the work's seed.
 */
@Component(service = Generator.class)
public final class CharRnnGenerator implements Generator {

	/** The generator's id. */
	public static final String ID = "org.neurograph.poetry.charrnn";

	private static final GeneratorInfo INFO = new GeneratorInfo(ID, "Character LSTM text", "1.0.0", MediaKind.TEXT,
			"Writes text one character at a time with a trained or imported character LSTM (char-rnn).");

	private static final ParameterSpec SPEC = ParameterSpec.builder()
			.text("prime", "Prime", "The text to start from; the poem continues it. Empty starts on a new line.", "", 1000)
			.decimal("temperature", "Temperature", "0 always takes the most likely next character (safe, repetitive); "
					+ "around 0.5 is careful, 1 follows the network's own odds, above 1 gets wild.", 0.7, 0.0, 3.0)
			.integer("topK", "Top k", "Choose only among this many most likely next characters; 0 for all.", 0, 0, 1000)
			.integer("length", "Length", "How much to write after the prime, in the unit below.", 400, 1, 100_000)
			.choice("unit", "Length unit", "Count the length in characters or in lines.", "characters",
					List.of("characters", "lines"))
			.integer("stanzaLines", "Lines per stanza", "Put a blank line after every this many lines (and none "
					+ "elsewhere); 0 leaves the form to the network.", 0, 0, 100)
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
				"Choose a model: a character LSTM trained with the poetry trainer or an imported char-rnn."));
		CharLstm model;
		try {
			model = CharLstmFiles.load(ref.location());
		} catch (IOException e) {
			throw new GenerationException("Cannot use the model '" + ref.name() + "': " + e.getMessage(), e);
		}
		PoemWriter.Settings settings = settings(request.parameters());
		progress.begin("Writing " + request.count() + (request.count() == 1 ? " text" : " texts"), request.count());
		for (int i = 0; i < request.count(); i++) {
			if (progress.isCancelled()) {
				throw new CancelledException();
			}
			progress.subTask("text " + (i + 1) + " of " + request.count());
			String text;
			try {
				text = PoemWriter.write(model, settings, request.seedFor(i));
			} catch (IllegalArgumentException e) {
				throw new GenerationException(e.getMessage(), e);
			}
			sink.accept(Artifact.text("poem", text, Provenance.of(INFO, request, i)));
			progress.worked(1);
		}
	}

	/** The writer's settings from checked parameter values. */
	static PoemWriter.Settings settings(ParameterValues p) {
		return new PoemWriter.Settings(p.getString("prime"), p.getDouble("temperature"), p.getInt("topK"),
				p.getInt("length"), PoemWriter.Unit.valueOf(p.getString("unit").toUpperCase(Locale.ROOT)),
				p.getInt("stanzaLines"));
	}
}
