package org.neurograph.cli.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.neurograph.api.Artifact;
import org.neurograph.api.AssetKind;
import org.neurograph.api.MediaKind;
import org.neurograph.api.ParameterSpec;
import org.neurograph.api.ParameterValues;
import org.neurograph.api.Progress;
import org.neurograph.api.Provenance;
import org.neurograph.api.training.Metric;
import org.neurograph.api.training.Trainer;
import org.neurograph.api.training.TrainerInfo;
import org.neurograph.api.training.TrainingException;
import org.neurograph.api.training.TrainingRequest;
import org.neurograph.api.training.TrainingSession;

/** A tiny trainer for the command-line tests: learns the mean of the numbers in a dataset's numbers.txt. */
final class MeanTrainer implements Trainer {
	static final String ID = "org.neurograph.tests.mean";
	private static final TrainerInfo INFO = new TrainerInfo(ID, "Mean (test trainer)", "1.0.0", AssetKind.TEXT_CORPUS,
			MediaKind.TEXT, "Learns the mean of numbers.txt by gradient descent.");
	private static final ParameterSpec SPEC = ParameterSpec.builder()
			.integer("steps", "Steps", "Updates to do.", 50, 1, 1_000_000)
			.decimal("rate", "Learning rate", "Step size.", 0.1, 0.0, 0.5)
			.integer("pauseMillis", "Pause (ms)", "Sleeps after each step.", 0, 0, 1000)
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
		double mean;
		try {
			mean = Files.readAllLines(request.dataset().resolve("numbers.txt")).stream().filter(l -> !l.isBlank())
					.mapToDouble(Double::parseDouble).average().orElseThrow();
		} catch (IOException | RuntimeException e) {
			throw new TrainingException("The dataset needs a numbers.txt with one number per line.");
		}
		Session s = new Session(request.parameters(), mean);
		if (request.resumeFrom().isPresent()) {
			try {
				String[] saved = Files.readString(request.resumeFrom().get()).strip().split(" ");
				s.step = Long.parseLong(saved[0]);
				s.estimate = Double.parseDouble(saved[1]);
			} catch (IOException | RuntimeException e) {
				throw new TrainingException("The checkpoint cannot be read.");
			}
		}
		return s;
	}

	private static final class Session implements TrainingSession {
		private final ParameterValues parameters;
		private final double mean;
		private long step;
		private double estimate;

		Session(ParameterValues parameters, double mean) {
			this.parameters = parameters;
			this.mean = mean;
		}

		@Override
		public long step() {
			return step;
		}

		@Override
		public long totalSteps() {
			return parameters.getInt("steps");
		}

		@Override
		public List<Metric> trainStep() throws TrainingException {
			estimate -= parameters.getDouble("rate") * 2 * (estimate - mean);
			step++;
			try {
				Thread.sleep(parameters.getInt("pauseMillis"));
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new TrainingException("Interrupted.");
			}
			return List.of(Metric.now(step, "loss", (estimate - mean) * (estimate - mean)));
		}

		@Override
		public List<Artifact> samples() {
			return List.of(Artifact.text("estimate", Double.toString(estimate),
					new Provenance(ID, INFO.version(), null, null, parameters.asStrings(), 0, null, List.of(), Instant.now())));
		}

		@Override
		public void saveCheckpoint(Path file) throws IOException {
			Files.writeString(file, step + " " + estimate, StandardCharsets.UTF_8);
		}

		@Override
		public void exportModel(Path directory) throws IOException {
			Files.writeString(directory.resolve("mean.txt"), Double.toString(estimate), StandardCharsets.UTF_8);
		}

		@Override
		public Map<String, String> architecture() {
			return Map.of("model", "one number");
		}

		@Override
		public void close() {
			// nothing to release
		}
	}
}
