package org.neurograph.music;

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
import org.neurograph.music.internal.TuneLstmSession;
import org.neurograph.runtime.dl4j.Dl4jRuntime;
import org.neurograph.runtime.dl4j.RuntimeUnavailableException;
import org.osgi.service.component.annotations.Component;

/**
 * Trains an LSTM over ABC tokens (DL4J), in the style of folk-rnn, on a tune collection: its {@code .abc} files and
 * its {@code .mid} files, converted as they are read ({@link TuneCollection}). Each tune becomes a meter token, a key
 * token, note-with-length tokens, bar lines, ties, endings and tuplets ({@link TuneTokens}); tunes in free meter,
 * with key or meter changes or with unusual keys are left out (counted on the model card). Augmentation: each
 * training tune is also learned transposed by every step up to {@code transpose} semitones either way (within the
 * pitch range and seven sharps or flats). Held-out tunes give the validation loss. Metrics: {@code loss}
 * (nats per token, of the step's last truncated-BPTT segment) and {@code valLoss}; samples are ABC tunes written by
 * {@link TuneWriter}; a loss that becomes NaN or infinite stops the run. The exported model ({@link TuneModel}) is
 * for {@link TuneLstmGenerator}.
 */
@Component(service = Trainer.class)
public final class TuneLstmTrainer implements Trainer {

	/** The trainer's id. */
	public static final String ID = "org.neurograph.music.folkrnn";

	private static final TrainerInfo INFO = new TrainerInfo(ID, "Tune LSTM (folk-rnn style)", "1.0.0",
			AssetKind.TUNE_COLLECTION, MediaKind.MUSIC,
			"Learns to write tunes like a collection of ABC or MIDI tunes, one note or bar line at a time.");

	private static final ParameterSpec SPEC = ParameterSpec.builder()
			.integer("steps", "Steps", "Minibatch updates to do.", 3000, 1, 10_000_000)
			.integer("embedding", "Token embedding", "Size of the learned vector each token is read as.", 32, 4, 512)
			.integer("layers", "Layers", "Stacked LSTM layers.", 2, 1, 4)
			.integer("units", "Units", "LSTM units per layer: more learns more and overfits small collections sooner.",
					256, 8, 1024)
			.integer("sequenceLength", "Sequence length", "Tokens per training sequence.", 128, 4, 2000)
			.integer("tbptt", "Truncated BPTT length", "Tokens back-propagated through at once; at most the sequence "
					+ "length.", 64, 2, 2000)
			.integer("batchSize", "Batch size", "Sequences per minibatch.", 32, 1, 512)
			.decimal("dropout", "Dropout", "Fraction of activations dropped between layers while training; 0 for none.",
					0.2, 0.0, 0.8)
			.decimal("learningRate", "Learning rate", "Adam's step size.", 0.003, 1e-6, 1.0)
			.integer("transpose", "Transpose up to", "Augmentation: each training tune is also learned moved up and "
					+ "down by 1 to this many semitones; 0 learns the tunes only as written.", 2, 0, 6)
			.decimal("validationFraction", "Validation fraction", "Share of the tunes held out to measure overfitting.",
					0.1, 0.0, 0.5)
			.integer("validateEvery", "Validate every", "Steps between validation losses.", 100, 1, 1_000_000)
			.text("sampleMeter", "Sample meter", "Meter of the run's sample tunes, e.g. 6/8; empty lets the model choose.",
					"", 10)
			.text("sampleKey", "Sample key", "Key of the run's sample tunes, e.g. G or Ador; empty lets the model choose.",
					"", 10)
			.integer("sampleBars", "Sample bars", "Bars in each sample tune.", 16, 1, 256)
			.decimal("sampleTemperature", "Sample temperature", "Temperature of the run's samples.", 1.0, 0.0, 3.0)
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
		progress.begin("Reading the tunes", -1);
		TuneCollection collection;
		try {
			collection = TuneCollection.read(request.dataset());
		} catch (IOException e) {
			throw new TrainingException(e.getMessage(), e);
		}
		progress.subTask("Starting DL4J");
		try {
			Dl4jRuntime.start();
		} catch (RuntimeUnavailableException e) {
			throw new TrainingException(e.getMessage(), e);
		}
		return TuneLstmSession.open(INFO, request, collection, progress);
	}
}
