package org.neurograph.training;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.neurograph.api.AssetKind;
import org.neurograph.api.InvalidParametersException;
import org.neurograph.api.Parameter;
import org.neurograph.api.ParameterValues;
import org.neurograph.api.Progress;
import org.neurograph.api.training.Trainer;
import org.neurograph.api.training.TrainerInfo;
import org.neurograph.api.training.TrainingException;
import org.neurograph.training.RunInfo.ProcessOwner;
import org.neurograph.training.internal.Processes;
import org.neurograph.training.internal.RunJson;
import org.neurograph.assets.AtomicFiles;
import org.neurograph.training.internal.RunLock;

/**
 * One training run in a project's {@code runs/<run-id>/} folder, driven by {@link #run(Progress)} on the calling
 * thread: the core of the engine, on plain folders, usable without Eclipse (the command line, a child process).
 * {@link #create} makes a new run, {@link #resume} continues one from its last checkpoint; {@link #control()} pauses,
 * resumes and stops it from other threads, and cancelling the {@link Progress} stops it with a checkpoint.
 */
public final class TrainingRun {
	private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
			.withZone(ZoneOffset.UTC);
	private static final System.Logger LOG = System.getLogger(TrainingRun.class.getName());

	private final Path project;
	private final Path folder;
	private final Trainer trainer;
	private final RunControl control = new RunControl();
	private final List<RunListener> listeners = new CopyOnWriteArrayList<>();
	private volatile RunInfo info;
	private Clock clock = Clock.systemUTC();

	private TrainingRun(Path project, Path folder, Trainer trainer, RunInfo info) {
		this.project = project;
		this.folder = folder;
		this.trainer = trainer;
		this.info = info;
	}

	/**
	 * Creates a run of {@code trainer} on the dataset {@code datasets/<dataset>} of {@code project}: checks the
	 * parameters (given as text; defaults fill in the rest) and the dataset's presence, makes the run folder and its
	 * {@code run.json}. The run is {@link RunState#STOPPED} at step 0 until {@link #run(Progress)} starts it.
	 *
	 * @throws TrainingException with a message for the user if a parameter, the dataset or the settings are wrong
	 */
	public static TrainingRun create(Path project, Trainer trainer, String dataset, Map<String, String> parameters,
			RunSettings settings) throws TrainingException {
		Objects.requireNonNull(settings, "settings");
		TrainerInfo about = trainer.info();
		datasetFolder(project, dataset);
		ParameterValues values = resolve(trainer, parameters);
		Instant now = Instant.now();
		Path runs = project.resolve(AssetKind.RUN.folder());
		try {
			Files.createDirectories(runs);
			String base = ID_TIME.format(now) + "-" + shortName(about.id());
			for (int i = 1;; i++) {
				String id = i == 1 ? base : base + "-" + i;
				Path dir = runs.resolve(id);
				try {
					Files.createDirectory(dir);
				} catch (FileAlreadyExistsException e) {
					continue;
				}
				RunInfo info = new RunInfo(id, about.id(), about.name(), about.version(), dataset, values.asStrings(),
						settings, RunState.STOPPED, "Not started yet.", 0, -1, -1, null, now, null, now, null,
						Duration.ZERO, null);
				RunJson.write(dir, info);
				return new TrainingRun(project, dir, trainer, info);
			}
		} catch (IOException e) {
			throw new TrainingException("Could not create the run in '" + runs + "': " + e.getMessage()
					+ ". Check that the project folder is writable.", e);
		}
	}

	/**
	 * Opens an existing run to continue it from its last checkpoint with {@code trainer}.
	 *
	 * @throws TrainingException if the run does not exist, is damaged, is still live, has finished, or belongs to
	 *                           another trainer
	 */
	public static TrainingRun resume(Path project, String runId, Trainer trainer) throws TrainingException {
		RunInfo info;
		try {
			info = Runs.read(project, runId);
		} catch (IOException e) {
			throw new TrainingException(e.getMessage(), e);
		}
		checkResumable(info);
		if (!info.trainerId().equals(trainer.info().id())) {
			throw new TrainingException("The run '" + runId + "' was made by the trainer '" + info.trainerId()
					+ "', not by '" + trainer.info().id() + "'.");
		}
		return new TrainingRun(project, Runs.folder(project).resolve(runId), trainer, info);
	}

	/**
	 * Trains until the run finishes, stops (by {@link #control()} or a cancelled {@code progress}) or fails, then
	 * returns what {@code run.json} finally says. Problems of training (bad data, a diverging loss, a full disk) end
	 * the run as {@link RunState#FAILED} with a message rather than throwing.
	 *
	 * @throws TrainingException if the run cannot start: another process trains it, or it has finished
	 */
	public RunInfo run(Progress progress) throws TrainingException {
		Optional<RunLock> held;
		try {
			held = RunLock.tryAcquire(folder);
		} catch (IOException e) {
			throw new TrainingException("Could not lock the run '" + info.id() + "': " + e.getMessage(), e);
		}
		if (held.isEmpty()) {
			throw busy(latest());
		}
		try (RunLock lock = held.get()) {
			AtomicFiles.deleteLeftovers(folder); // of a process killed while writing; none writes here now
			RunInfo stored = RunJson.read(folder);
			if (stored.state() == RunState.FINISHED) {
				checkResumable(stored);
			}
			info = stored;
			return new RunDriver(this, trainer, progress).drive();
		} catch (IOException e) {
			throw new TrainingException("Could not open the run '" + info.id() + "': " + e.getMessage(), e);
		}
	}

	/** Pause, resume and stop. */
	public RunControl control() {
		return control;
	}

	/** The run as {@code run.json} last said (kept current while the run trains). */
	public RunInfo info() {
		return info;
	}

	public String id() {
		return info.id();
	}

	/** The project folder. */
	public Path project() {
		return project;
	}

	/** The run's folder, {@code runs/<run-id>/}. */
	public Path folder() {
		return folder;
	}

	public Trainer trainer() {
		return trainer;
	}

	public void addListener(RunListener listener) {
		listeners.add(Objects.requireNonNull(listener, "listener"));
	}

	public void removeListener(RunListener listener) {
		listeners.remove(listener);
	}

	/** Uses {@code c} for timings and time-based checkpoints (a test can make minutes pass at once). */
	public void useClock(Clock c) {
		this.clock = Objects.requireNonNull(c, "clock");
	}

	Clock clock() {
		return clock;
	}

	List<RunListener> listeners() {
		return listeners;
	}

	/** Records a new {@code run.json}, written atomically, and tells the listeners. */
	void store(RunInfo next) throws IOException {
		RunJson.write(folder, next);
		info = next;
		for (RunListener l : listeners) {
			try {
				l.stateChanged(this, next);
			} catch (RuntimeException e) {
				LOG.log(System.Logger.Level.WARNING, "A training run listener failed", e);
			}
		}
	}

	/** The folder of dataset {@code name} in {@code project}, which must exist. */
	static Path datasetFolder(Path project, String name) throws TrainingException {
		if (name == null || !Parameter.AssetRef.NAME.matcher(name).matches() || name.contains("..")) {
			throw new TrainingException("'" + name + "' is not a dataset name: use the name of a folder in '"
					+ AssetKind.IMAGE_DATASET.folder() + "/'.");
		}
		Path dir = project.resolve(AssetKind.IMAGE_DATASET.folder()).resolve(name);
		if (!Files.isDirectory(dir)) {
			throw new TrainingException("The project has no dataset '" + name + "' (no folder '" + dir
					+ "'). Import the dataset first, or check its name.");
		}
		return dir;
	}

	static ParameterValues resolve(Trainer trainer, Map<String, String> parameters) throws TrainingException {
		try {
			return trainer.parameters().resolve(parameters);
		} catch (InvalidParametersException e) {
			throw new TrainingException(e.getMessage(), e);
		}
	}

	private static void checkResumable(RunInfo info) throws TrainingException {
		switch (info.state()) {
		case FINISHED -> throw new TrainingException("The run '" + info.id() + "' has finished"
				+ (info.model() == null ? "." : "; its model is '" + info.model() + "'.")
				+ " Start a new run to train again.");
		case RUNNING, PAUSED -> throw busy(info);
		default -> {
			// STOPPED, FAILED and INTERRUPTED runs go on from their last checkpoint
		}
		}
	}

	private RunInfo latest() {
		try {
			return RunJson.read(folder);
		} catch (IOException e) {
			return info;
		}
	}

	private static TrainingException busy(RunInfo info) {
		ProcessOwner owner = info.owner();
		String who = owner == null ? "another program"
				: Processes.isSelf(owner) ? "this program" : "process " + owner.pid();
		return new TrainingException("The run '" + info.id() + "' is being trained by " + who
				+ ". Stop it there before resuming it here.");
	}

	private static String shortName(String trainerId) {
		String last = trainerId.substring(trainerId.lastIndexOf('.') + 1);
		return last.length() > 40 ? last.substring(0, 40) : last;
	}
}
