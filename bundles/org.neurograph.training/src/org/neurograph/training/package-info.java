/**
 * The training run engine: runs any {@link org.neurograph.api.training.Trainer} step by step in a project's
 * {@code runs/<run-id>/} folder with an append-only metric log, sample artifacts, atomic checkpoints, pause, resume
 * and stop, and turns a finished run's model into a {@code models/<name>/} asset. The core
 * ({@link org.neurograph.training.TrainingRun}, {@link org.neurograph.training.Runs},
 * {@link org.neurograph.training.RunFolder}) works on plain folders; {@link org.neurograph.training.TrainingJob} and
 * {@link org.neurograph.training.TrainingService} add Eclipse Jobs, Declarative Services and live events
 * ({@link org.neurograph.training.TrainingEvents}).
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.neurograph.training;
