package org.neurograph.poetry;

import java.io.IOException;

import org.neurograph.api.AssetKind;
import org.neurograph.api.MediaKind;
import org.neurograph.api.ParameterSpec;
import org.neurograph.api.Progress;
import org.neurograph.api.training.Trainer;
import org.neurograph.api.training.TrainerInfo;
import org.neurograph.api.training.TrainingException;
import org.neurograph.api.training.TrainingRequest;
import org.neurograph.api.training.TrainingSession;
import org.neurograph.poetry.internal.CharLstmSession;
import org.neurograph.runtime.dl4j.Dl4jRuntime;
import org.neurograph.runtime.dl4j.RuntimeUnavailableException;
import org.osgi.service.component.annotations.Component;

/**
 * Trains a character-level LSTM (DL4J) on a text corpus: UTF-8 files, folders of them and fortune files. The last
 * part of the text is held out for validation. Metrics: {@code loss} (training, nats per character, of the step's
 * last truncated-BPTT segment) and {@code valLoss} (on the held-out text, every {@code validateEvery} steps). A corpus
 * with fewer characters than the network has parameters is reported as small; a loss that becomes NaN or infinite
 * stops the run. The exported model is a {@value CharLstmFiles#FILE_NAME} for {@link CharRnnGenerator}.
 */
@Component(service = Trainer.class)
public final class CharLstmTrainer implements Trainer {

	/** The trainer's id. */
	public static final String ID = "org.neurograph.poetry.charlstm";

	private static final TrainerInfo INFO = new TrainerInfo(ID, "Character LSTM (poetry)", "1.0.0",
			AssetKind.TEXT_CORPUS, MediaKind.TEXT,
			"Learns to write like a text corpus, one character at a time (char-rnn).");

	private static final ParameterSpec SPEC = ParameterSpec.builder()
			.integer("steps", "Steps", "Minibatch updates to do.", 2000, 1, 10_000_000)
			.integer("layers", "Layers", "Stacked LSTM layers.", 2, 1, 4)
			.integer("units", "Units", "LSTM units per layer: more learns more and overfits small texts sooner.", 128, 8,
					1024)
			.integer("sequenceLength", "Sequence length", "Characters per training sequence.", 100, 4, 1000)
			.integer("tbptt", "Truncated BPTT length", "Characters back-propagated through at once; at most the "
					+ "sequence length.", 50, 2, 1000)
			.integer("batchSize", "Batch size", "Sequences per minibatch.", 32, 1, 512)
			.decimal("dropout", "Dropout", "Fraction of activations dropped between layers while training; 0 for none.",
					0.0, 0.0, 0.8)
			.decimal("learningRate", "Learning rate", "Adam's step size.", 0.002, 1e-6, 1.0)
			.decimal("validationFraction", "Validation fraction", "Share of the text held out to measure overfitting.",
					0.1, 0.0, 0.5)
			.integer("validateEvery", "Validate every", "Steps between validation losses.", 100, 1, 1_000_000)
			.text("samplePrime", "Sample prime", "The text the run's samples start from.", "", 200)
			.integer("sampleLength", "Sample length", "Characters in each sample.", 300, 1, 5000)
			.decimal("sampleTemperature", "Sample temperature", "Temperature of the run's samples.", 0.7, 0.0, 3.0)
			.build();

	@Override
	public TrainerInfo info() {
		return INFO;
	}

	@Override
	public ParameterSpec parameters() {
		return SPEC;
	}

	@Override
	public TrainingSession open(TrainingRequest request, Progress progress) throws TrainingException {
		progress.begin("Reading the corpus", -1);
		TextCorpus corpus;
		try {
			corpus = TextCorpus.read(request.dataset());
		} catch (IOException e) {
			throw new TrainingException(e.getMessage(), e);
		}
		progress.subTask("Starting DL4J");
		try {
			Dl4jRuntime.start();
		} catch (RuntimeUnavailableException e) {
			throw new TrainingException(e.getMessage(), e);
		}
		return CharLstmSession.open(INFO, request, corpus, progress);
	}
}
