package org.neurograph.training.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurograph.api.Progress;
import org.neurograph.api.Provenance;
import org.neurograph.api.training.Metric;
import org.neurograph.api.training.TrainingException;
import org.neurograph.assets.ProvenanceJson;
import org.neurograph.training.MetricsLog;
import org.neurograph.training.RunFolder;
import org.neurograph.training.RunInfo;
import org.neurograph.training.RunListener;
import org.neurograph.training.RunSettings;
import org.neurograph.training.RunState;
import org.neurograph.training.Runs;
import org.neurograph.training.TrainingRun;
import org.neurograph.training.testing.LeastSquaresData;
import org.neurograph.training.testing.LeastSquaresTrainer;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** The engine core on plain folders, with a real (small) trainer. */
class TrainingRunTest {
	private static final RunSettings QUIET = RunSettings.defaults().withCheckpoints(1000, Duration.ofHours(1), 3)
			.withSampleEverySteps(1000);

	@TempDir
	Path dir;
	private Path project;
	private final LeastSquaresTrainer trainer = new LeastSquaresTrainer();

	@BeforeEach
	void makeProject() throws IOException {
		project = Fixtures.project(dir);
	}

	@AfterEach
	void everySessionWasClosed() {
		assertEquals(0, LeastSquaresTrainer.openSessions(), "the engine closes every session it opens");
	}

	@Test
	void aRunTrainsToTheEndAndItsModelBecomesAnAsset() throws Exception {
		RunSettings settings = RunSettings.defaults().withCheckpoints(25, Duration.ofHours(1), 2)
				.withBest("loss", true).withSampleEverySteps(40).withModelName("line-fit");
		TrainingRun run = TrainingRun.create(project, trainer, Fixtures.DATASET, Map.of("steps", "120"), settings);
		assertEquals(RunState.STOPPED, Runs.read(project, run.id()).state(), "a new run waits to be started");

		RunInfo info = run.run(Progress.none());

		assertEquals(RunState.FINISHED, info.state(), info.message());
		assertEquals(120, info.step());
		assertEquals(120, info.totalSteps());
		assertEquals("line-fit", info.model());
		assertNull(info.owner(), "no process owns a finished run");
		assertNotNull(info.finished());
		assertEquals(info, Runs.read(project, run.id()), "run.json holds what the run returned");
		assertEquals(List.of(info), Runs.list(project));

		double[] loss = Fixtures.values(Fixtures.assertCleanLog(run.folder(), 120, "loss", "gradNorm"), "loss");
		assertTrue(loss[119] < loss[0] / 100, "the loss falls: " + loss[0] + " -> " + loss[119]);

		RunFolder folder = RunFolder.at(run.folder());
		assertEquals(List.of(40L, 80L, 120L), folder.sampleSteps(), "samples every 40 steps");
		for (long step : folder.sampleSteps()) {
			List<Path> files = folder.samples(step);
			assertEquals(List.of("fit.png", "weights.txt"), files.stream().map(p -> p.getFileName().toString()).toList());
			assertNotNull(ImageIO.read(files.get(0).toFile()), "the plot is a PNG image");
			assertTrue(Files.readString(files.get(1)).startsWith("step " + step + "\n"), "the sample of step " + step);
			Provenance p = ProvenanceJson.readSidecar(files.get(1)).orElseThrow();
			assertEquals(LeastSquaresTrainer.ID, p.generatorId());
			assertEquals("120", p.parameters().get("steps"));
		}
		assertEquals(List.of(25L, 100L, 120L), folder.checkpointSteps(),
				"the last 2 checkpoints are kept, and the best by the chosen metric (here the highest loss: step 25)");
		assertNoLeftovers(run.folder());

		Path model = project.resolve("models").resolve("line-fit");
		JsonObject card = JsonParser.parseString(Files.readString(model.resolve("model.json"))).getAsJsonObject();
		assertEquals(LeastSquaresTrainer.ID, card.get("trainer").getAsString());
		assertEquals("1.2.0", card.get("trainerVersion").getAsString());
		assertEquals(Fixtures.DATASET, card.get("dataset").getAsString());
		assertEquals(run.id(), card.get("run").getAsString());
		assertEquals(120, card.get("steps").getAsLong());
		assertEquals("3", card.getAsJsonObject("architecture").get("inputs").getAsString());
		assertEquals(loss[119], card.getAsJsonObject("finalMetrics").get("loss").getAsDouble());
		assertEquals("weights.csv", card.getAsJsonArray("files").get(0).getAsString());
		String[] weights = Files.readString(model.resolve("weights.csv")).strip().split(",");
		double[] truth = LeastSquaresData.truth();
		for (int i = 0; i < truth.length; i++) {
			assertEquals(truth[i], Double.parseDouble(weights[i]), 0.05, "weight " + i + " is learnt");
		}

		TrainingException again = assertThrows(TrainingException.class,
				() -> TrainingRun.resume(project, run.id(), trainer));
		assertTrue(again.getMessage().contains("has finished"), again.getMessage());
	}

	@Test
	void aModelNeverOverwritesAnotherOfTheSameName() throws Exception {
		RunSettings settings = QUIET.withModelName("fit");
		RunInfo first = TrainingRun.create(project, trainer, Fixtures.DATASET, Map.of("steps", "5"), settings)
				.run(Progress.none());
		RunInfo second = TrainingRun.create(project, trainer, Fixtures.DATASET, Map.of("steps", "5"), settings)
				.run(Progress.none());
		assertEquals("fit", first.model());
		assertEquals("fit-2", second.model(), "a taken name gets a suffix");
		for (RunInfo r : List.of(first, second)) {
			JsonObject card = JsonParser.parseString(Files.readString(project.resolve("models").resolve(r.model())
					.resolve("model.json"))).getAsJsonObject();
			assertEquals(r.id(), card.get("run").getAsString());
			assertEquals(r.model(), card.get("name").getAsString());
		}
		try (Stream<Path> models = Files.list(project.resolve("models"))) {
			assertEquals(List.of("fit", "fit-2"), models.map(p -> p.getFileName().toString()).sorted().toList(),
					"no staging folder is left behind");
		}
	}

	@Test
	void pauseCheckpointsAndWaitsResumeGoesOnAndStopEndsWithACheckpoint() throws Exception {
		TrainingRun run = TrainingRun.create(project, trainer, Fixtures.DATASET, Map.of("steps", "200"), QUIET);
		CountDownLatch paused = new CountDownLatch(1);
		List<RunState> states = new CopyOnWriteArrayList<>();
		run.addListener(new RunListener() {
			@Override
			public void metricsLogged(TrainingRun r, List<Metric> metrics) {
				long step = metrics.get(0).step();
				if (step == 30) {
					r.control().pause();
				} else if (step == 70) {
					r.control().stop();
				}
			}

			@Override
			public void stateChanged(TrainingRun r, RunInfo info) {
				if (states.isEmpty() || states.get(states.size() - 1) != info.state()) {
					states.add(info.state());
				}
				if (info.state() == RunState.PAUSED) {
					paused.countDown();
				}
			}
		});
		ExecutorService thread = Executors.newSingleThreadExecutor();
		try {
			Future<RunInfo> result = thread.submit(() -> run.run(Progress.none()));
			assertTrue(paused.await(20, TimeUnit.SECONDS), "the run pauses");
			RunInfo whilePaused = Runs.read(project, run.id());
			assertEquals(RunState.PAUSED, whilePaused.state(), "a paused run of this process reads as paused");
			assertEquals(30, whilePaused.checkpointStep());
			assertEquals(List.of(30L), RunFolder.at(run.folder()).checkpointSteps(), "pausing writes a checkpoint");
			Fixtures.assertCleanLog(run.folder(), 30, "loss");
			TrainingException busy = assertThrows(TrainingException.class,
					() -> TrainingRun.resume(project, run.id(), trainer));
			assertTrue(busy.getMessage().contains("is being trained by this program"), busy.getMessage());

			run.control().resume();
			RunInfo stopped = result.get(20, TimeUnit.SECONDS);
			assertEquals(RunState.STOPPED, stopped.state(), stopped.message());
			assertEquals(70, stopped.step());
			assertTrue(stopped.message().contains("Stopped at step 70"), stopped.message());
			assertEquals(List.of(30L, 70L), RunFolder.at(run.folder()).checkpointSteps(), "stopping writes a checkpoint");
			Fixtures.assertCleanLog(run.folder(), 70, "loss", "gradNorm");
		} finally {
			thread.shutdownNow();
		}
		assertEquals(List.of(RunState.RUNNING, RunState.PAUSED, RunState.RUNNING, RunState.STOPPED), states);

		RunInfo end = TrainingRun.resume(project, run.id(), trainer).run(Progress.none());
		assertEquals(RunState.FINISHED, end.state(), end.message());
		double[] loss = Fixtures.values(Fixtures.assertCleanLog(run.folder(), 200, "loss", "gradNorm"), "loss");
		assertArrayEquals(referenceLoss(200), loss, "paused, stopped and resumed, the run computes what an uninterrupted one does");
	}

	@Test
	void aCheckpointIsWrittenWhenItsIntervalHasPassed() throws Exception {
		SteppedClock clock = new SteppedClock();
		RunSettings settings = QUIET.withCheckpoints(1000, Duration.ofMinutes(10), 5);
		TrainingRun run = TrainingRun.create(project, trainer, Fixtures.DATASET, Map.of("steps", "20"), settings);
		run.useClock(clock);
		run.addListener(new RunListener() {
			@Override
			public void metricsLogged(TrainingRun r, List<Metric> metrics) {
				if (metrics.get(0).step() == 7) {
					clock.advance(Duration.ofMinutes(11));
				}
			}
		});
		RunInfo info = run.run(Progress.none());
		assertEquals(RunState.FINISHED, info.state(), info.message());
		assertEquals(List.of(7L, 20L), RunFolder.at(run.folder()).checkpointSteps(),
				"11 minutes after the start a checkpoint is due (step 7); the last one comes at the end");
		assertEquals(Duration.ofMinutes(11), info.trainingTime(), "the training time follows the run's clock");
	}

	@Test
	void aDivergingLossFailsTheRunWithAMessageAndWithoutABrokenCheckpoint() throws Exception {
		RunSettings settings = QUIET.withCheckpoints(1, Duration.ofHours(1), 1000);
		TrainingRun run = TrainingRun.create(project, trainer, Fixtures.DATASET,
				Map.of("steps", "500", "learningRate", "40"), settings);
		RunInfo info = run.run(Progress.none());

		assertEquals(RunState.FAILED, info.state());
		assertTrue(info.message().contains("diverged") && info.message().contains("lower learning rate"), info.message());
		long failedAt = info.step();
		assertTrue(failedAt > 1 && failedAt < 500, "it diverges after a few steps: " + failedAt);
		assertEquals(RunState.FAILED, Runs.read(project, run.id()).state());
		List<Long> checkpoints = RunFolder.at(run.folder()).checkpointSteps();
		assertEquals(failedAt - 1, checkpoints.get(checkpoints.size() - 1), "checkpoints stop before the bad step");
		for (long step : checkpoints) {
			for (double w : weights(run.folder(), step)) {
				assertTrue(Double.isFinite(w), "checkpoint " + step + " holds finite weights");
			}
		}
		Fixtures.assertCleanLog(run.folder(), failedAt - 1, "loss");
		assertFalse(Files.exists(project.resolve("models")), "no model from a failed run");
	}

	@Test
	void badInputGetsClearMessagesAndLeavesNoRunBehind() throws Exception {
		TrainingException unknown = assertThrows(TrainingException.class,
				() -> TrainingRun.create(project, trainer, Fixtures.DATASET, Map.of("epochs", "3"), QUIET));
		assertTrue(unknown.getMessage().contains("epochs") && unknown.getMessage().contains("Unknown parameter"),
				unknown.getMessage());
		TrainingException range = assertThrows(TrainingException.class,
				() -> TrainingRun.create(project, trainer, Fixtures.DATASET, Map.of("steps", "0"), QUIET));
		assertTrue(range.getMessage().contains("steps") && range.getMessage().contains("from 1 to"), range.getMessage());
		TrainingException missing = assertThrows(TrainingException.class,
				() -> TrainingRun.create(project, trainer, "faces", Map.of(), QUIET));
		assertTrue(missing.getMessage().contains("no dataset 'faces'"), missing.getMessage());
		assertEquals(List.of(), Runs.list(project));

		Files.createDirectories(project.resolve("datasets").resolve("empty"));
		RunInfo failed = TrainingRun.create(project, trainer, "empty", Map.of(), QUIET).run(Progress.none());
		assertEquals(RunState.FAILED, failed.state());
		assertEquals("The dataset has no data.csv: put rows 'x1,...,xn,y' in it.", failed.message(),
				"the trainer's message reaches the user as it is");
	}

	@Test
	void aRunWhoseProcessIsGoneIsInterruptedAndResumesWithoutDuplicateOrTornLines() throws Exception {
		RunSettings settings = QUIET.withCheckpoints(20, Duration.ofHours(1), 3).withSampleEverySteps(10);
		TrainingRun run = TrainingRun.create(project, trainer, Fixtures.DATASET, Map.of("steps", "60"), settings);
		run.addListener(new RunListener() {
			@Override
			public void metricsLogged(TrainingRun r, List<Metric> metrics) {
				if (metrics.get(0).step() == 50) {
					r.control().stop();
				}
			}
		});
		assertEquals(RunState.STOPPED, run.run(Progress.none()).state());
		Path folder = run.folder();

		// what a crash at step 53 leaves behind: lines after the checkpoint, a torn line, a half-made sample folder,
		// checkpoint data without its description, a temporary file, and run.json saying RUNNING
		Files.writeString(folder.resolve("metrics.jsonl"),
				"{\"step\":51,\"name\":\"loss\",\"value\":999.0,\"time\":\"2026-01-01T00:00:00Z\"}\n"
						+ "{\"step\":52,\"name\":\"loss\",\"value\":999.0,\"time\":\"2026-01-01T00:00:00Z\"}\n{\"step\":53,\"na",
				StandardCharsets.UTF_8, StandardOpenOption.APPEND);
		Files.createDirectories(folder.resolve("samples").resolve(".60-123"));
		Files.writeString(folder.resolve("checkpoints").resolve("step-000000000060.ckpt"), "partial");
		Files.writeString(folder.resolve("checkpoints").resolve(".step-000000000060.ckpt.1234.tmp"), "partial");
		JsonObject json = JsonParser.parseString(Files.readString(folder.resolve("run.json"))).getAsJsonObject();
		json.addProperty("state", "RUNNING");
		JsonObject process = new JsonObject();
		process.addProperty("pid", ProcessHandle.current().pid());
		process.addProperty("started", Instant.EPOCH.toString());
		json.add("process", process);
		Files.writeString(folder.resolve("run.json"), json.toString());

		RunInfo crashed = Runs.read(project, run.id());
		assertEquals(RunState.INTERRUPTED, crashed.state(),
				"running according to run.json, but its process (a live id with another start time) is gone");
		assertTrue(crashed.message().contains("step 50"), crashed.message());
		assertEquals(RunState.INTERRUPTED, Runs.list(project).get(0).state());

		RunInfo end = TrainingRun.resume(project, run.id(), trainer).run(Progress.none());
		assertEquals(RunState.FINISHED, end.state(), end.message());
		double[] loss = Fixtures.values(Fixtures.assertCleanLog(folder, 60, "loss", "gradNorm"), "loss");
		assertArrayEquals(referenceLoss(60), loss, "the lines after the checkpoint were dropped and made again");
		assertEquals(List.of(10L, 20L, 30L, 40L, 50L, 60L), RunFolder.at(folder).sampleSteps());
		assertNoLeftovers(folder);
	}

	/** The loss curve of an uninterrupted run with the default seed. */
	private double[] referenceLoss(int steps) throws Exception {
		Path other = Fixtures.project(dir.resolve("reference-" + steps));
		TrainingRun run = TrainingRun.create(other, trainer, Fixtures.DATASET, Map.of("steps", Integer.toString(steps)),
				QUIET);
		assertEquals(RunState.FINISHED, run.run(Progress.none()).state());
		return Fixtures.values(MetricsLog.read(run.folder()), "loss");
	}

	/** The weights in the test trainer's checkpoint of {@code step}. */
	static double[] weights(Path runDir, long step) throws IOException {
		Path file = runDir.resolve("checkpoints").resolve(String.format("step-%012d.ckpt", step));
		try (InputStream in = Files.newInputStream(file); DataInputStream data = new DataInputStream(in)) {
			data.readInt();
			int features = data.readInt();
			assertEquals(step, data.readLong());
			double[] w = new double[features + 1];
			for (int i = 0; i < w.length; i++) {
				w[i] = data.readDouble();
			}
			return w;
		}
	}

	/** No temporary or half-made file is left in the run folder. */
	static void assertNoLeftovers(Path runDir) throws IOException {
		try (Stream<Path> all = Files.walk(runDir)) {
			List<Path> hidden = all.filter(p -> p.getFileName().toString().startsWith(".")).toList();
			assertEquals(List.of(), hidden);
		}
		try (Stream<Path> all = Files.list(runDir.resolve("checkpoints"))) {
			for (Path p : all.toList()) {
				String name = p.getFileName().toString();
				String partner = name.endsWith(".ckpt") ? name.replace(".ckpt", ".json") : name.replace(".json", ".ckpt");
				assertTrue(Files.exists(p.resolveSibling(partner)), name + " has its partner " + partner);
			}
		}
	}

	/** A clock that stands still until told to move. */
	private static final class SteppedClock extends Clock {
		private volatile Instant now = Instant.parse("2026-06-01T12:00:00Z");

		void advance(Duration d) {
			now = now.plus(d);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}
	}
}
