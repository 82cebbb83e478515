/**
 * The training contract: a {@link org.neurograph.api.training.Trainer} opens a
 * {@link org.neurograph.api.training.TrainingSession} that the host's run engine drives step by step, which is
 * what makes pause, resume, stop, checkpoints and live metrics work the same for every trainer.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.neurograph.api.training;
