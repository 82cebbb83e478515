package org.neurograph.ui.tests;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.neurograph.api.Artifact;
import org.neurograph.api.ArtifactSink;
import org.neurograph.api.AssetKind;
import org.neurograph.api.CancelledException;
import org.neurograph.api.GenerationException;
import org.neurograph.api.GenerationRequest;
import org.neurograph.api.Generator;
import org.neurograph.api.GeneratorInfo;
import org.neurograph.api.MediaKind;
import org.neurograph.api.Parameter;
import org.neurograph.api.ParameterSpec;
import org.neurograph.api.Progress;
import org.neurograph.api.Provenance;

/**
 * A text generator the tests register as a service themselves. Its spec has a parameter of every kind; its mode says
 * how it behaves: "write" makes one text per work, "fail" refuses with a message for the user, "wait" runs until it
 * is cancelled.
 */
final class TestGenerator implements Generator {
	static final String ID = "org.neurograph.ui.tests.every-kind";
	static final String REFUSAL = "The test generator refuses to work today: choose another generator.";

	private static final GeneratorInfo INFO = new GeneratorInfo(ID, "Every kind", "0.1.0", MediaKind.TEXT,
			"A test generator with a parameter of every kind.");
	private static final ParameterSpec SPEC = ParameterSpec.builder()
			.choice("mode", "Mode", "What the generator does.", "write", List.of("write", "fail", "wait"))
			.integer("lines", "Lines", "Lines per text.", 3, 1, 50)
			.decimal("temperature", "Temperature", "How adventurous.", 0.8, 0.1, 2.0)
			.flag("rhyme", "Rhyme", "Whether lines rhyme.", true)
			.text("title", "Title", "The title of each text.", "Untitled", 40)
			.seed("noise", "Noise seed", "A second seed.", 5)
			.path("wordlist", "Word list", "A file of words (optional).", null, Parameter.PathKind.EXISTING_FILE, List.of("txt"))
			.asset("dataset", "Dataset", "An image dataset of the project.", null, AssetKind.IMAGE_DATASET)
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
	public void generate(GenerationRequest request, ArtifactSink sink, Progress progress) throws GenerationException {
		String mode = request.parameters().getString("mode");
		progress.begin("Testing", request.count());
		if (mode.equals("fail")) {
			throw new GenerationException(REFUSAL);
		}
		while (mode.equals("wait")) {
			if (progress.isCancelled()) {
				throw new CancelledException();
			}
			try {
				Thread.sleep(20);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new CancelledException();
			}
		}
		for (int i = 0; i < request.count(); i++) {
			String text = request.parameters().getString("title") + "\n";
			sink.accept(new Artifact("text-" + request.seedFor(i), MediaKind.TEXT, "txt", "text/plain",
					text.getBytes(StandardCharsets.UTF_8), Provenance.of(INFO, request, i)));
			progress.worked(1);
		}
	}
}
