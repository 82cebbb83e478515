package org.neurograph.training.ui.tests;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.neurograph.api.Artifact;
import org.neurograph.api.AssetKind;
import org.neurograph.api.MediaKind;
import org.neurograph.api.ParameterSpec;
import org.neurograph.api.Progress;
import org.neurograph.api.training.Metric;
import org.neurograph.api.training.Trainer;
import org.neurograph.api.training.TrainerInfo;
import org.neurograph.api.training.TrainingException;
import org.neurograph.api.training.TrainingRequest;
import org.neurograph.api.training.TrainingSession;
import org.neurograph.training.testing.LeastSquaresTrainer;

/**
 * The least-squares test trainer with one more metric, {@code lossChange}: the loss minus the previous step's loss,
 * which is negative while the loss falls (and 0 at the first step). A metric that a log scale cannot show.
 */
final class LossChangeTrainer implements Trainer {
	static final String ID = "org.neurograph.tests.losschange";
	static final String METRIC = "lossChange";
	private static final TrainerInfo INFO = new TrainerInfo(ID, "Least squares with loss change (test trainer)",
			"1.0.0", AssetKind.TEXT_CORPUS, MediaKind.TEXT, "Least squares, also logging how much the loss changed.");

	private final LeastSquaresTrainer fit = new LeastSquaresTrainer();

	@Override
	public TrainerInfo info() {
		return INFO;
	}

	@Override
	public ParameterSpec parameters() {
		return fit.parameters();
	}

	@Override
	public TrainingSession open(TrainingRequest request, Progress progress) throws TrainingException {
		TrainingSession session = fit.open(request, progress);
		return new TrainingSession() {
			private Double previous;

			@Override
			public long step() {
				return session.step();
			}

			@Override
			public long totalSteps() {
				return session.totalSteps();
			}

			@Override
			public List<Metric> trainStep() throws TrainingException {
				List<Metric> metrics = new ArrayList<>(session.trainStep());
				for (Metric m : List.copyOf(metrics)) {
					if (m.name().equals("loss")) {
						metrics.add(Metric.now(m.step(), METRIC, previous == null ? 0 : m.value() - previous));
						previous = m.value();
					}
				}
				return metrics;
			}

			@Override
			public List<Artifact> samples() throws TrainingException {
				return session.samples();
			}

			@Override
			public void saveCheckpoint(Path file) throws IOException {
				session.saveCheckpoint(file);
			}

			@Override
			public void exportModel(Path directory) throws IOException {
				session.exportModel(directory);
			}

			@Override
			public Map<String, String> architecture() {
				return session.architecture();
			}

			@Override
			public void close() {
				session.close();
			}
		};
	}
}
