package org.neurograph.api.training;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

import org.neurograph.api.ParameterValues;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What to train: checked parameters, the dataset folder, the run's own folder (the trainer may keep scratch files
 * there), a seed, and the checkpoint to resume from when the run is resumed.
 */
@ProviderType
public record TrainingRequest(ParameterValues parameters, Path dataset, Path runDirectory, long seed,
		Optional<Path> resumeFrom) {
	public TrainingRequest {
		Objects.requireNonNull(parameters, "parameters");
		Objects.requireNonNull(dataset, "dataset");
		Objects.requireNonNull(runDirectory, "runDirectory");
		resumeFrom = resumeFrom == null ? Optional.empty() : resumeFrom;
	}
}
