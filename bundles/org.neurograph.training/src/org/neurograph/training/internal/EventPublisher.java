package org.neurograph.training.internal;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.neurograph.api.training.Metric;
import org.neurograph.training.RunInfo;
import org.neurograph.training.RunListener;
import org.neurograph.training.TrainingEvents;
import org.neurograph.training.TrainingRun;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** Posts what a run does on the event bus (asynchronously), when an EventAdmin is there. */
final class EventPublisher implements RunListener {
	private final Supplier<EventAdmin> eventAdmin;

	EventPublisher(Supplier<EventAdmin> eventAdmin) {
		this.eventAdmin = eventAdmin;
	}

	@Override
	public void stateChanged(TrainingRun run, RunInfo info) {
		Map<String, Object> p = common(run, info.step());
		p.put(TrainingEvents.STATE_NAME, info.state().name());
		p.put(TrainingEvents.MESSAGE, info.message());
		p.put(TrainingEvents.TOTAL_STEPS, info.totalSteps());
		post(TrainingEvents.STATE, p);
	}

	@Override
	public void metricsLogged(TrainingRun run, List<Metric> metrics) {
		for (Metric m : metrics) {
			Map<String, Object> p = common(run, m.step());
			p.put(TrainingEvents.NAME, m.name());
			p.put(TrainingEvents.VALUE, m.value());
			p.put(TrainingEvents.TIME, m.time().toEpochMilli());
			post(TrainingEvents.METRIC, p);
		}
	}

	@Override
	public void samplesTaken(TrainingRun run, long step, List<Path> files) {
		Map<String, Object> p = common(run, step);
		p.put(TrainingEvents.FILES, files.stream().map(f -> f.toAbsolutePath().toString()).toArray(String[]::new));
		post(TrainingEvents.SAMPLE, p);
	}

	@Override
	public void checkpointSaved(TrainingRun run, long step) {
		post(TrainingEvents.CHECKPOINT, common(run, step));
	}

	private static Map<String, Object> common(TrainingRun run, long step) {
		Map<String, Object> p = new HashMap<>();
		p.put(TrainingEvents.RUN_ID, run.id());
		p.put(TrainingEvents.PROJECT, run.project().toAbsolutePath().toString());
		p.put(TrainingEvents.STEP, step);
		return p;
	}

	private void post(String topic, Map<String, Object> properties) {
		EventAdmin admin = eventAdmin.get();
		if (admin != null) {
			admin.postEvent(new Event(topic, properties));
		}
	}
}
