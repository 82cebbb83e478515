package org.neurograph.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurograph.api.training.Metric;
import org.neurograph.api.training.Trainer;
import org.neurograph.cli.internal.Cli;
import org.neurograph.training.MetricsLog;
import org.neurograph.training.RunFolder;
import org.neurograph.training.RunInfo;
import org.neurograph.training.RunState;
import org.neurograph.training.Runs;
import org.neurograph.training.testing.LeastSquaresData;
import org.neurograph.training.testing.LeastSquaresTrainer;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

/** The training commands (train, runs, resume), run in-process with a small trainer service. */
class TrainCommandsTest {
	private static final long WAIT_SECONDS = 30;

	@TempDir
	Path dir;
	private Path project;
	private ServiceRegistration<Trainer> trainer;

	private record Result(int exit, String out, String err) {
	}

	/** A command running on its own thread, cancellable like Ctrl-C. */
	private record Running(Cli cli, CompletableFuture<Integer> exit, ByteArrayOutputStream out,
			ByteArrayOutputStream err) {
		Result await() throws Exception {
			return new Result(exit.get(WAIT_SECONDS, TimeUnit.SECONDS), out.toString(StandardCharsets.UTF_8),
					err.toString(StandardCharsets.UTF_8));
		}
	}

	@BeforeEach
	void setUp() throws IOException {
		project = dir.resolve("studio");
		LeastSquaresData.write(project, "line");
		BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();
		trainer = context.registerService(Trainer.class, new LeastSquaresTrainer(), null);
	}

	@AfterEach
	void tearDown() {
		trainer.unregister();
	}

	@Test
	void trainShowsProgressMakesAModelAndRunsListsIt() throws Exception {
		Result list = cli("list");
		assertTrue(list.out().contains("Trainers (neurograph cli train --trainer ID ...):")
				&& list.out().contains(LeastSquaresTrainer.ID + "  Least squares (test trainer) 1.2.0 (learns from a text corpus)")
				&& list.out().contains("--param steps=<an integer from 1 to 1000000>  default 200"), list.out());

		Result train = cli("train", "--trainer", LeastSquaresTrainer.ID, "--project", project.toString(), "--dataset", "line",
				"--param", "steps=40", "--seed", "5", "--checkpoint-every", "10", "--sample-every", "20");
		assertEquals(Cli.OK, train.exit(), train.err());
		String id = train.out().strip();
		assertTrue(train.err().contains("[step 40/40 100%] loss "), train.err());
		assertTrue(train.err().contains("finished at step 40; the model is in "), train.err());
		assertFalse(train.err().contains("seed "), "a given seed is not announced: " + train.err());
		RunInfo info = Runs.read(project, id);
		assertEquals(RunState.FINISHED, info.state());
		assertEquals(5, info.settings().seed());
		assertEquals(List.of(20L, 40L), RunFolder.of(project, id).sampleSteps());
		assertEquals(List.of(20L, 30L, 40L), RunFolder.of(project, id).checkpointSteps());
		assertTrue(Files.isRegularFile(project.resolve("models").resolve(id).resolve("weights.csv")), "the model is saved");
		List<Metric> loss = MetricsLog.read(RunFolder.of(project, id).path()).stream()
				.filter(m -> m.name().equals("loss")).toList();
		assertEquals(40, loss.size());
		assertTrue(loss.get(39).value() < loss.get(0).value() / 2, "the loss falls: " + loss);

		Result runs = cli("runs", "--project", project.toString());
		assertEquals(Cli.OK, runs.exit(), runs.err());
		assertTrue(runs.out().lines().anyMatch(l -> l.startsWith(id) && l.contains("finished") && l.contains("40/40")
				&& l.contains(LeastSquaresTrainer.ID) && l.contains("line")), runs.out());
	}

	@Test
	void ctrlCStopsTheRunWithACheckpointAndResumeGoesOn() throws Exception {
		Running train = start("train", "--trainer", LeastSquaresTrainer.ID, "--project", project.toString(), "--dataset",
				"line", "--param", "steps=300", "--param", "pauseMillis=1", "--checkpoint-every", "1000");
		Path runDir = awaitRunFolder();
		await(() -> MetricsLog.read(runDir).size() >= 20);
		train.cli().cancel();
		Result stopped = train.await();
		String id = runDir.getFileName().toString();
		assertEquals(Cli.FAILURE, stopped.exit(), stopped.err());
		RunInfo info = Runs.read(project, id);
		assertEquals(RunState.STOPPED, info.state(), info.message());
		assertEquals(info.step(), info.checkpointStep(), "stopped with a checkpoint at its last step");
		assertTrue(stopped.err().contains("stopped at step " + info.step() + " with a checkpoint; go on with: "
				+ "neurograph cli resume " + id + " --project " + project), stopped.err());
		assertTrue(stopped.err().contains("seed "), "a random seed is announced: " + stopped.err());

		Result resumed = cli("resume", id, "--project", project.toString(), "--quiet");
		assertEquals(Cli.OK, resumed.exit(), resumed.err());
		assertTrue(resumed.err().contains("resuming run " + id + " from step " + info.step()), resumed.err());
		assertFalse(resumed.err().contains("[step"), "--quiet prints no progress: " + resumed.err());
		List<Long> steps = MetricsLog.read(runDir).stream().filter(m -> m.name().equals("loss")).map(Metric::step)
				.toList();
		assertEquals(300, steps.size(), "one line per step, none duplicated");
		assertEquals(300L, steps.get(299));
		assertEquals(RunState.FINISHED, Runs.read(project, id).state());
	}

	@Test
	void badTrainingCommandsSayWhatIsWrong() throws Exception {
		String p = project.toString();
		assertExit(Cli.USAGE, cli("train", "--project", p, "--dataset", "line"), "Missing --trainer");
		assertExit(Cli.USAGE, cli("train", "--trainer", "no.such", "--project", p, "--dataset", "line"),
				"No trainer 'no.such'. Installed: " + LeastSquaresTrainer.ID);
		assertExit(Cli.USAGE, cli("train", "--trainer", LeastSquaresTrainer.ID, "--project", p, "--dataset", "line",
				"--param", "learningRate=2000"), "learningRate: 2000 is out of range");
		assertExit(Cli.USAGE, cli("train", "--trainer", LeastSquaresTrainer.ID, "--project", p, "--dataset", "line",
				"--keep", "0"), "--keep must be a whole number from 1 to 1000");
		assertExit(Cli.FAILURE, cli("train", "--trainer", LeastSquaresTrainer.ID, "--project", p, "--dataset", "faces"),
				"The project has no dataset 'faces'");
		assertExit(Cli.USAGE, cli("resume", "--project", p), "Give the id of one run");
		assertExit(Cli.FAILURE, cli("resume", "20260101-000000-x", "--project", p), "The project has no run");
		Result none = cli("runs", "--project", p);
		assertExit(Cli.OK, none, "No training runs in");
		assertFalse(Files.exists(Runs.folder(project)), "no run is left behind by a refused command");
	}

	private Result cli(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exit = newCli(out, err).run(args);
		return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private Running start(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		Cli cli = newCli(out, err);
		return new Running(cli, CompletableFuture.supplyAsync(() -> cli.run(args)), out, err);
	}

	private static Cli newCli(ByteArrayOutputStream out, ByteArrayOutputStream err) {
		return new Cli(FrameworkUtil.getBundle(TrainCommandsTest.class).getBundleContext(),
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
	}

	private Path awaitRunFolder() throws Exception {
		Path[] found = new Path[1];
		await(() -> {
			if (!Files.isDirectory(Runs.folder(project))) {
				return false;
			}
			try (Stream<Path> runs = Files.list(Runs.folder(project))) {
				found[0] = runs.findFirst().orElse(null);
			}
			return found[0] != null;
		});
		return found[0];
	}

	private interface Condition {
		boolean holds() throws IOException;
	}

	private static void await(Condition c) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
		while (!c.holds()) {
			if (System.nanoTime() > deadline) {
				fail("gave up waiting");
			}
			Thread.sleep(5);
		}
	}

	private static void assertExit(int expected, Result r, String message) {
		assertEquals(expected, r.exit(), r.err());
		assertTrue(r.err().contains(message), "expected '" + message + "' in:\n" + r.err());
		assertFalse(r.err().contains("Exception"), "no stack trace: " + r.err());
	}
}
