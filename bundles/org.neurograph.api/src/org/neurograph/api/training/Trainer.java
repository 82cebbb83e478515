package org.neurograph.api.training;

import org.neurograph.api.ParameterSpec;
import org.neurograph.api.Progress;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A trainer of models, offered as an OSGi service like a {@link org.neurograph.api.Generator}. The run engine opens a
 * session for a run and drives it.
 */
@ConsumerType
public interface Trainer {

	TrainerInfo info();

	ParameterSpec parameters();

	/**
	 * Checks the dataset (reporting what is wrong with it), builds or restores the model and returns a session ready
	 * for its first (or next) step. Long preparation reports to {@code progress} and honours cancellation.
	 */
	TrainingSession open(TrainingRequest request, Progress progress) throws TrainingException;
}
