package org.neurograph.training.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.eclipse.core.runtime.jobs.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurograph.api.AssetKind;
import org.neurograph.api.MediaKind;
import org.neurograph.api.ParameterSpec;
import org.neurograph.api.Progress;
import org.neurograph.api.training.Trainer;
import org.neurograph.api.training.TrainerInfo;
import org.neurograph.api.training.TrainingException;
import org.neurograph.api.training.TrainingRequest;
import org.neurograph.api.training.TrainingSession;
import org.neurograph.training.RunFolder;
import org.neurograph.training.RunInfo;
import org.neurograph.training.RunSettings;
import org.neurograph.training.RunState;
import org.neurograph.training.TrainingEvents;
import org.neurograph.training.TrainingJob;
import org.neurograph.training.TrainingService;
import org.neurograph.training.testing.LeastSquaresTrainer;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.util.tracker.ServiceTracker;

/** The engine as the workbench sees it: a DS service that tracks trainer services, runs Jobs, posts events. */
class TrainingServiceTest {
	private static final long WAIT_SECONDS = 30;
	private static final RunSettings SETTINGS = RunSettings.defaults().withCheckpoints(20, Duration.ofHours(1), 5)
			.withSampleEverySteps(10);

	@TempDir
	Path dir;
	private Path project;
	private BundleContext context;
	private ServiceTracker<TrainingService, TrainingService> tracker;
	private ServiceRegistration<EventHandler> handler;
	private ServiceRegistration<Trainer> trainer;
	private final List<Event> events = new CopyOnWriteArrayList<>();

	@BeforeEach
	void setUp() throws Exception {
		project = Fixtures.project(dir);
		context = FrameworkUtil.getBundle(getClass()).getBundleContext();
		trainer = context.registerService(Trainer.class, new LeastSquaresTrainer(), null);
		tracker = new ServiceTracker<>(context, TrainingService.class, null);
		tracker.open();
		Dictionary<String, Object> topics = new Hashtable<>();
		topics.put(EventConstants.EVENT_TOPIC, TrainingEvents.ALL);
		handler = context.registerService(EventHandler.class, events::add, topics);
	}

	@AfterEach
	void tearDown() {
		handler.unregister();
		trainer.unregister();
		tracker.close();
	}

	@Test
	void trainersComeAndGoAsServices() throws Exception {
		TrainingService service = service();
		assertTrue(service.trainer(LeastSquaresTrainer.ID).isPresent(), "the engine finds trainer services");
		ServiceRegistration<Trainer> other = context.registerService(Trainer.class, new NamedTrainer("org.example.aaa"),
				null);
		try {
			assertEquals("org.example.aaa", service.trainers().get(0).info().id(), "sorted by name");
		} finally {
			other.unregister();
		}
		assertFalse(service.trainer("org.example.aaa").isPresent(), "and gone with its service");
		TrainingException unknown = assertThrows(TrainingException.class,
				() -> service.start(project, "org.example.aaa", Fixtures.DATASET, Map.of(), SETTINGS));
		assertTrue(unknown.getMessage().contains("No trainer 'org.example.aaa'")
				&& unknown.getMessage().contains(LeastSquaresTrainer.ID), unknown.getMessage());
	}

	@Test
	void aRunTrainsAsAJobAndPostsItsMetricsSamplesAndStatesOnTheEventBus() throws Exception {
		TrainingService service = service();
		TrainingJob job = service.start(project, LeastSquaresTrainer.ID, Fixtures.DATASET, Map.of("steps", "50"),
				SETTINGS);
		job.join();
		RunInfo info = job.result().orElseThrow();
		assertEquals(RunState.FINISHED, info.state(), info.message());
		assertTrue(job.getResult().isOK());
		String id = job.trainingRun().id();
		await(() -> events(TrainingEvents.STATE).stream().anyMatch(e -> "FINISHED".equals(e.getProperty(TrainingEvents.STATE_NAME))),
				"the FINISHED event");
		await(() -> service.activeJobs().isEmpty(), "the job to leave the active list");

		List<Event> losses = events(TrainingEvents.METRIC).stream()
				.filter(e -> "loss".equals(e.getProperty(TrainingEvents.NAME))).toList();
		assertEquals(50, losses.size(), "one loss event per step");
		for (int i = 0; i < losses.size(); i++) {
			Event e = losses.get(i);
			assertEquals((long) i + 1, e.getProperty(TrainingEvents.STEP));
			assertEquals(id, e.getProperty(TrainingEvents.RUN_ID));
			assertEquals(project.toAbsolutePath().toString(), e.getProperty(TrainingEvents.PROJECT));
			assertTrue(e.getProperty(TrainingEvents.VALUE) instanceof Double);
		}
		List<Event> samples = events(TrainingEvents.SAMPLE);
		assertEquals(List.of(10L, 20L, 30L, 40L, 50L), samples.stream().map(e -> e.getProperty(TrainingEvents.STEP)).toList());
		for (Event e : samples) {
			for (String file : (String[]) e.getProperty(TrainingEvents.FILES)) {
				assertTrue(Files.isRegularFile(Path.of(file)), file);
			}
		}
		assertEquals(List.of(20L, 40L, 50L),
				events(TrainingEvents.CHECKPOINT).stream().map(e -> e.getProperty(TrainingEvents.STEP)).toList());
		List<Object> states = events(TrainingEvents.STATE).stream().map(e -> e.getProperty(TrainingEvents.STATE_NAME))
				.distinct().toList();
		assertEquals(List.of("RUNNING", "FINISHED"), states);
	}

	@Test
	void cancellingTheJobStopsTheRunWithACheckpointAndPauseResumeWorkThroughTheJob() throws Exception {
		TrainingService service = service();
		TrainingJob job = service.start(project, LeastSquaresTrainer.ID, Fixtures.DATASET,
				Map.of("steps", "100000", "pauseMillis", "1"), SETTINGS);
		String id = job.trainingRun().id();
		assertEquals(job, service.activeJob(project, id).orElseThrow());
		await(() -> events(TrainingEvents.METRIC).size() >= 30, "some steps");
		job.cancel();
		job.join();
		RunInfo stopped = job.result().orElseThrow();
		assertEquals(RunState.STOPPED, stopped.state(), stopped.message());
		assertTrue(job.getResult().isOK(), "stopping is not an error");
		List<Long> checkpoints = RunFolder.at(job.trainingRun().folder()).checkpointSteps();
		assertEquals(stopped.step(), checkpoints.get(checkpoints.size() - 1), "cancel = stop with a checkpoint");

		TrainingJob again = service.resume(project, id);
		await(() -> lastState(id).equals("RUNNING") && again.getState() == Job.RUNNING,
				"the resumed run to train");
		again.control().pause();
		await(() -> lastState(id).equals("PAUSED"), "the pause");
		TrainingException busy = assertThrows(TrainingException.class, () -> service.resume(project, id));
		assertTrue(busy.getMessage().contains("being trained"), busy.getMessage());
		again.control().resume();
		await(() -> lastState(id).equals("RUNNING"), "the run to go on");
		again.control().stop();
		again.join();
		RunInfo end = again.result().orElseThrow();
		assertEquals(RunState.STOPPED, end.state(), end.message());
		assertTrue(end.step() > stopped.step(), "the resumed run went on from its checkpoint");
		Fixtures.assertCleanLog(job.trainingRun().folder(), end.step(), "loss", "gradNorm");
	}

	private String lastState(String runId) {
		List<Event> states = events(TrainingEvents.STATE).stream()
				.filter(e -> runId.equals(e.getProperty(TrainingEvents.RUN_ID))).toList();
		return states.isEmpty() ? "" : (String) states.get(states.size() - 1).getProperty(TrainingEvents.STATE_NAME);
	}

	private List<Event> events(String topic) {
		return events.stream().filter(e -> e.getTopic().equals(topic)).toList();
	}

	private TrainingService service() throws InterruptedException {
		TrainingService s = tracker.waitForService(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
		assertNotNull(s, "the training service is registered by DS");
		return s;
	}

	private static void await(BooleanSupplier condition, String what) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				fail("gave up waiting for " + what);
			}
			Thread.sleep(5);
		}
	}

	/** A trainer that only has a name: enough to be listed. */
	private record NamedTrainer(String id) implements Trainer {
		@Override
		public TrainerInfo info() {
			return new TrainerInfo(id, "AAA first by name", "1", AssetKind.IMAGE_DATASET, MediaKind.IMAGE, "");
		}

		@Override
		public ParameterSpec parameters() {
			return ParameterSpec.empty();
		}

		@Override
		public TrainingSession open(TrainingRequest request, Progress progress) throws TrainingException {
			throw new TrainingException("not for training");
		}
	}
}
