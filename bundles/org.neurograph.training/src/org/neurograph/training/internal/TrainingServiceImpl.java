package org.neurograph.training.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.neurograph.api.training.Trainer;
import org.neurograph.api.training.TrainingException;
import org.neurograph.training.RunSettings;
import org.neurograph.training.Runs;
import org.neurograph.training.TrainingJob;
import org.neurograph.training.TrainingRun;
import org.neurograph.training.TrainingService;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.EventAdmin;

/**
 * The training engine service: trainers from DS, runs as jobs, events through EventAdmin when it is there, and the
 * workspace refreshed when a run starts and ends.
 */
@Component(service = TrainingService.class)
public final class TrainingServiceImpl implements TrainingService {
	private final List<Trainer> trainers = new CopyOnWriteArrayList<>();
	private final Map<Path, TrainingJob> active = new ConcurrentHashMap<>();
	private final EventPublisher publisher = new EventPublisher(this::eventAdmin);
	private volatile EventAdmin eventAdmin;

	@Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
	void addTrainer(Trainer trainer) {
		trainers.add(trainer);
	}

	void removeTrainer(Trainer trainer) {
		trainers.remove(trainer);
	}

	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
	void setEventAdmin(EventAdmin admin) {
		this.eventAdmin = admin;
	}

	void unsetEventAdmin(EventAdmin admin) {
		if (this.eventAdmin == admin) {
			this.eventAdmin = null;
		}
	}

	private EventAdmin eventAdmin() {
		return eventAdmin;
	}

	@Override
	public List<Trainer> trainers() {
		List<Trainer> out = new ArrayList<>(trainers);
		out.sort(Comparator.comparing((Trainer t) -> t.info().name()).thenComparing(t -> t.info().id()));
		return out;
	}

	@Override
	public Optional<Trainer> trainer(String id) {
		return trainers.stream().filter(t -> t.info().id().equals(id)).findFirst();
	}

	@Override
	public TrainingJob start(Path project, String trainerId, String dataset, Map<String, String> parameters,
			RunSettings settings) throws TrainingException {
		return schedule(TrainingRun.create(project, require(trainerId), dataset, parameters, settings));
	}

	@Override
	public TrainingJob resume(Path project, String runId) throws TrainingException {
		String trainerId;
		try {
			trainerId = Runs.read(project, runId).trainerId();
		} catch (IOException e) {
			throw new TrainingException(e.getMessage(), e);
		}
		return schedule(TrainingRun.resume(project, runId, require(trainerId)));
	}

	@Override
	public List<TrainingJob> activeJobs() {
		return List.copyOf(active.values());
	}

	@Override
	public Optional<TrainingJob> activeJob(Path project, String runId) {
		return Optional.ofNullable(active.get(key(Runs.folder(project).resolve(runId))));
	}

	private Trainer require(String id) throws TrainingException {
		return trainer(id).orElseThrow(() -> new TrainingException("No trainer '" + id + "' is installed."
				+ (trainers.isEmpty() ? " No trainers are installed at all."
						: " Installed trainers: " + String.join(", ", trainers().stream().map(t -> t.info().id()).toList())
								+ ".")));
	}

	private TrainingJob schedule(TrainingRun run) throws TrainingException {
		Path key = key(run.folder());
		TrainingJob job = new TrainingJob(run);
		if (active.putIfAbsent(key, job) != null) {
			throw new TrainingException("The run '" + run.id() + "' is already training in this program.");
		}
		run.addListener(publisher);
		job.addJobChangeListener(new JobChangeAdapter() {
			@Override
			public void done(IJobChangeEvent event) {
				active.remove(key, job);
				WorkspaceRefresh.refresh(run.project());
			}
		});
		job.schedule();
		WorkspaceRefresh.refresh(Runs.folder(run.project()));
		return job;
	}

	private static Path key(Path runFolder) {
		return runFolder.toAbsolutePath().normalize();
	}
}
