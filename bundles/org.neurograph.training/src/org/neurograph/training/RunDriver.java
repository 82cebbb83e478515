package org.neurograph.training;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.neurograph.api.Artifact;
import org.neurograph.api.ParameterValues;
import org.neurograph.api.Progress;
import org.neurograph.api.training.Metric;
import org.neurograph.api.training.Trainer;
import org.neurograph.api.training.TrainingException;
import org.neurograph.api.training.TrainingRequest;
import org.neurograph.api.training.TrainingSession;
import org.neurograph.training.RunInfo.ProcessOwner;
import org.neurograph.training.internal.CheckpointStore;
import org.neurograph.training.internal.MetricsWriter;
import org.neurograph.training.internal.ModelExporter;
import org.neurograph.training.internal.Processes;
import org.neurograph.training.internal.SampleStore;

/**
 * The training loop of one session of a {@link TrainingRun}, run while the run's lock is held: repairs the folder
 * back to the last checkpoint, opens the trainer's session there and drives it step by step, logging metrics,
 * taking samples and checkpoints, obeying pause and stop, and ends with the model exported or a message.
 */
final class RunDriver {
	private static final System.Logger LOG = System.getLogger(RunDriver.class.getName());

	private final TrainingRun run;
	private final Trainer trainer;
	private final Progress progress;
	private final RunSettings settings;
	private final CheckpointStore checkpoints;
	private final SampleStore samples;
	private final Map<String, Double> latest = new LinkedHashMap<>();
	private MetricsWriter log;
	private TrainingSession session;
	private long checkpointStep;
	private Instant checkpointTime;
	private long sampleStep = -1;
	private double windowSum;
	private int windowCount;
	private Instant runningSince;
	private Duration trainingTime;
	private boolean interrupted;

	RunDriver(TrainingRun run, Trainer trainer, Progress progress) {
		this.run = run;
		this.trainer = trainer;
		this.progress = progress;
		this.settings = run.info().settings();
		this.checkpoints = new CheckpointStore(run.folder(), settings);
		this.samples = new SampleStore(run.folder());
	}

	/** Trains to the end of this session and returns the final {@code run.json}. */
	RunInfo drive() {
		try {
			return train();
		} catch (TrainingException e) {
			if (stopWanted()) {
				return end(RunState.STOPPED, "Stopped before training began.", null);
			}
			return fail(e.getMessage(), e.getCause());
		} catch (IOException e) {
			return fail("Could not write the run's files in '" + run.folder() + "': " + e.getMessage()
					+ ". Make room on the disk (or fix the folder's permissions), then resume the run.", e);
		} catch (RuntimeException e) {
			return fail("The trainer '" + trainer.info().id() + "' failed at step " + currentStep() + " (" + e
					+ "). The run can be resumed from its last checkpoint; if this happens again, tell the trainer's"
					+ " authors.", e);
		} finally {
			close();
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private RunInfo train() throws TrainingException, IOException {
		RunInfo info = run.info();
		Optional<CheckpointStore.Entry> from = checkpoints.latest();
		long start = from.map(CheckpointStore.Entry::step).orElse(0L);
		checkpoints.cleanUp(start);
		samples.dropAfter(start);
		log = MetricsWriter.open(run.folder(), start);
		List<Long> sampled = samples.steps();
		sampleStep = sampled.isEmpty() ? -1 : sampled.get(sampled.size() - 1);
		checkpointStep = from.isPresent() ? start : -1;
		Instant now = now();
		checkpointTime = now;
		runningSince = now;
		trainingTime = info.trainingTime();
		run.store(copy(RunState.RUNNING, start == 0 ? "Starting." : "Resuming from step " + start + ".", start,
				info.totalSteps(), null, now, null, Processes.self()));

		ParameterValues values = TrainingRun.resolve(trainer, info.parameters());
		Path dataset = TrainingRun.datasetFolder(run.project(), info.dataset());
		session = trainer.open(new TrainingRequest(values, dataset, run.folder(), settings.seed(),
				from.map(CheckpointStore.Entry::file)), new OpeningProgress(progress));
		if (session.step() != start) {
			throw new TrainingException("The trainer opened the run at step " + session.step()
					+ " instead of step " + start + " of the last checkpoint; the checkpoint does not fit this"
					+ " version of the trainer (" + trainer.info().version() + ").");
		}
		long total = session.totalSteps();
		run.store(copy(RunState.RUNNING, "", start, total, null, runningSince, null, Processes.self()));
		progress.begin("Training " + info.id(), total > 0 && total <= Integer.MAX_VALUE ? (int) total : -1);
		if (start > 0 && total > 0) {
			progress.worked((int) Math.min(start, Integer.MAX_VALUE));
		}
		return loop();
	}

	private RunInfo loop() throws TrainingException, IOException {
		while (true) {
			if (stopWanted()) {
				return stop();
			}
			if (run.control().isPauseRequested()) {
				if (!pause()) {
					return stop();
				}
				continue;
			}
			if (session.isFinished()) {
				return finish();
			}
			step();
		}
	}

	private void step() throws TrainingException, IOException {
		long before = session.step();
		List<Metric> measured = session.trainStep();
		long step = session.step();
		if (step <= before) {
			throw new TrainingException("The trainer '" + trainer.info().id() + "' did not advance: it is still at step "
					+ step + " after a training step.");
		}
		List<Metric> metrics = new ArrayList<>(measured.size());
		for (Metric m : measured) {
			if (!Double.isFinite(m.value())) {
				throw new TrainingException("The metric '" + m.name() + "' became " + m.value() + " at step " + step
						+ ": the training diverged. The run failed without a checkpoint at that step"
						+ (checkpointStep >= 0 ? "; its last good checkpoint is at step " + checkpointStep : "")
						+ ". Start a new run with a lower learning rate.");
			}
			metrics.add(new Metric(step, m.name(), m.value(), m.time()));
		}
		log.append(metrics);
		for (Metric m : metrics) {
			latest.put(m.name(), m.value());
			if (m.name().equals(settings.bestMetric())) {
				windowSum += m.value();
				windowCount++;
			}
		}
		for (RunListener l : run.listeners()) {
			try {
				l.metricsLogged(run, metrics);
			} catch (RuntimeException e) {
				LOG.log(System.Logger.Level.WARNING, "A training run listener failed", e);
			}
		}
		progress.worked((int) Math.min(step - before, Integer.MAX_VALUE));
		progress.subTask(describe(step, metrics));
		if (step % settings.sampleEverySteps() == 0) {
			takeSamples(step);
		}
		boolean due = Duration.between(checkpointTime, now()).compareTo(settings.checkpointInterval()) >= 0;
		if (step % settings.checkpointEverySteps() == 0 || due) {
			checkpoint();
		}
	}

	private void takeSamples(long step) throws TrainingException, IOException {
		List<Artifact> made = session.samples();
		sampleStep = step;
		if (made.isEmpty()) {
			return;
		}
		List<Path> files = samples.write(step, made);
		for (RunListener l : run.listeners()) {
			try {
				l.samplesTaken(run, step, files);
			} catch (RuntimeException e) {
				LOG.log(System.Logger.Level.WARNING, "A training run listener failed", e);
			}
		}
	}

	private void checkpoint() throws IOException {
		long step = session.step();
		if (step == checkpointStep) {
			return;
		}
		Double value = windowCount > 0 ? windowSum / windowCount : null;
		checkpoints.save(session, step, value, now());
		checkpointStep = step;
		checkpointTime = now();
		windowSum = 0;
		windowCount = 0;
		RunInfo info = run.info();
		run.store(copy(info.state(), info.message(), step, info.totalSteps(), null, info.started(), null, info.owner()));
		for (RunListener l : run.listeners()) {
			try {
				l.checkpointSaved(run, step);
			} catch (RuntimeException e) {
				LOG.log(System.Logger.Level.WARNING, "A training run listener failed", e);
			}
		}
	}

	/** Checkpoints, waits while paused; true if the run goes on, false if it should stop. */
	private boolean pause() throws IOException {
		checkpoint();
		accountTime();
		RunInfo info = run.info();
		run.store(copy(RunState.PAUSED, "Paused at step " + session.step() + ".", session.step(), info.totalSteps(),
				null, info.started(), null, info.owner()));
		boolean goOn;
		try {
			goOn = run.control().awaitResume(progress::isCancelled);
		} catch (InterruptedException e) {
			interrupted = true;
			goOn = false;
		}
		runningSince = now();
		if (goOn) {
			info = run.info();
			run.store(copy(RunState.RUNNING, "", session.step(), info.totalSteps(), null, info.started(), null,
					info.owner()));
		}
		return goOn;
	}

	private RunInfo stop() throws IOException {
		checkpoint();
		return end(RunState.STOPPED, "Stopped at step " + session.step() + "; resume the run to go on.", null);
	}

	private RunInfo finish() throws IOException, TrainingException {
		long step = session.step();
		if (sampleStep != step) {
			takeSamples(step);
		}
		checkpoint();
		String model = ModelExporter.export(run.project(), run.info(), trainer.info(), session, latest, now());
		return end(RunState.FINISHED, "Finished at step " + step + "; the model is '" + model + "'.", model);
	}

	private RunInfo fail(String message, Throwable cause) {
		if (cause != null) {
			LOG.log(System.Logger.Level.ERROR, "Training run " + run.id() + " failed: " + message, cause);
		}
		return end(RunState.FAILED, message, null);
	}

	/** Records the end of this session; if even that cannot be written, the returned info still says it. */
	private RunInfo end(RunState state, String message, String model) {
		accountTime();
		RunInfo info = run.info();
		RunInfo last = copy(state, message, currentStep(), info.totalSteps(), model, info.started(), now(), null);
		try {
			run.store(last);
		} catch (IOException e) {
			LOG.log(System.Logger.Level.ERROR, "Could not record the end of run " + run.id(), e);
			return last;
		}
		return run.info();
	}

	private void accountTime() {
		if (runningSince != null) {
			Instant now = now();
			trainingTime = trainingTime.plus(Duration.between(runningSince, now));
			runningSince = null;
		}
	}

	private RunInfo copy(RunState state, String message, long step, long total, String model, Instant started,
			Instant finished, ProcessOwner owner) {
		RunInfo i = run.info();
		Duration time = trainingTime == null ? i.trainingTime() : trainingTime;
		if (runningSince != null) {
			time = time.plus(Duration.between(runningSince, now()));
		}
		return new RunInfo(i.id(), i.trainerId(), i.trainerName(), i.trainerVersion(), i.dataset(), i.parameters(),
				i.settings(), state, message, step, total, checkpointStep, model == null ? i.model() : model,
				i.created(), started, now(), finished, time, owner);
	}

	private boolean stopWanted() {
		return run.control().isStopRequested() || progress.isCancelled();
	}

	private long currentStep() {
		return session == null ? run.info().step() : session.step();
	}

	private Instant now() {
		return run.clock().instant();
	}

	private void close() {
		if (session != null) {
			try {
				session.close();
			} catch (RuntimeException e) {
				LOG.log(System.Logger.Level.WARNING, "Could not close the training session of run " + run.id(), e);
			}
		}
		if (log != null) {
			try {
				log.close();
			} catch (IOException e) {
				LOG.log(System.Logger.Level.WARNING, "Could not close the metric log of run " + run.id(), e);
			}
		}
	}

	private static String describe(long step, List<Metric> metrics) {
		StringBuilder b = new StringBuilder("step ").append(step);
		for (Metric m : metrics) {
			b.append(", ").append(m.name()).append(' ').append(String.format(Locale.ROOT, "%.4g", m.value()));
		}
		return b.toString();
	}

	/** The trainer's view of the progress while it opens a session: its tasks show as sub-tasks of the run. */
	private record OpeningProgress(Progress host) implements Progress {
		@Override
		public void begin(String taskName, int totalWork) {
			host.subTask(taskName);
		}

		@Override
		public void worked(int units) {
			// the run's progress counts steps only
		}

		@Override
		public void subTask(String name) {
			host.subTask(name);
		}

		@Override
		public boolean isCancelled() {
			return host.isCancelled();
		}
	}
}
