package org.neurograph.training.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurograph.api.Progress;
import org.neurograph.api.training.Metric;
import org.neurograph.api.training.Trainer;
import org.neurograph.assets.AtomicFiles;
import org.neurograph.training.MetricsLog;
import org.neurograph.training.RunFolder;
import org.neurograph.training.RunInfo;
import org.neurograph.training.RunSettings;
import org.neurograph.training.RunState;
import org.neurograph.training.Runs;
import org.neurograph.training.TrainingRun;
import org.neurograph.training.testing.LeastSquaresTrainer;

import com.google.gson.Gson;

/**
 * A run trained by a child JVM (the engine core's main on a class path made of the bundles' locations) is killed with
 * SIGKILL at random moments, resumed each time, and finally trained to the end: nothing is torn, no metric line is
 * duplicated, the steps are contiguous, and the result is exactly that of an uninterrupted run.
 */
class KillResumeTest {
	private static final int KILLS = 5;
	private static final int STEPS = 400;
	private static final String MAIN = "org.neurograph.training.internal.RunnerMain";
	private static final long WAIT_SECONDS = 60;

	@TempDir
	Path dir;

	@Test
	void aRunKilledAtRandomMomentsResumesWithNothingTornAndNoLineDuplicated() throws Exception {
		Path project = Fixtures.project(dir.resolve("project"));
		long seed = System.nanoTime();
		Random random = new Random(seed);
		String why = " (random seed " + seed + ")";
		String id = null;
		List<Long> killedAt = new ArrayList<>();
		for (int kill = 0; kill < KILLS; kill++) {
			List<String> args = id == null
					? List.of("--dataset", Fixtures.DATASET, "--param", "steps=" + STEPS, "--param", "pauseMillis=1",
							"--checkpoint-every", "7", "--sample-every", "5", "--keep", "2")
					: List.of("--resume", id);
			long from = id == null ? 0 : Math.max(0, Runs.read(project, id).checkpointStep());
			Child child = Child.start(project, args);
			id = child.runId();
			Path runDir = Runs.folder(project).resolve(id);
			if (kill == 1) {
				Thread.sleep(random.nextInt(20)); // while it repairs the folder and opens the session
			} else {
				long target = from + 1 + random.nextInt(40);
				await(() -> lastStep(runDir) >= target || !child.process().isAlive(), "step " + target + why);
				Thread.sleep(random.nextInt(4));
			}
			killedAt.add(lastStep(runDir));
			assertEquals(137, child.kill(), "the child was killed by SIGKILL, not finished" + why);
			RunInfo info = Runs.read(project, id);
			assertTrue(info.state() == RunState.INTERRUPTED || info.state() == RunState.STOPPED,
					"a killed run reads as interrupted (or as not started yet): " + info.state() + why);
		}

		Child last = Child.start(project, List.of("--resume", id));
		assertEquals(0, last.finish(), "the last resume trains to the end" + why);
		Path runDir = Runs.folder(project).resolve(id);
		RunInfo end = Runs.read(project, id);
		assertEquals(RunState.FINISHED, end.state(), end.message() + why);

		List<Metric> metrics = Fixtures.assertCleanLog(runDir, STEPS, "loss", "gradNorm");
		assertArrayEquals(reference(), Fixtures.values(metrics, "loss"),
				"killed at steps " + killedAt + " and resumed, the run computes what an uninterrupted one does" + why);
		RunFolder folder = RunFolder.at(runDir);
		assertEquals(LongStream.rangeClosed(1, STEPS / 5).map(i -> i * 5).boxed().toList(), folder.sampleSteps());
		for (long step : folder.sampleSteps()) {
			for (Path sample : folder.samples(step)) {
				assertTrue(Files.size(sample) > 0, sample + " is complete");
				String name = sample.getFileName().toString();
				assertTrue(Files.exists(sample.resolveSibling(name.substring(0, name.lastIndexOf('.')) + ".json")),
						sample + " has its provenance sidecar");
			}
			assertEquals(2, folder.samples(step).size(), "both samples of step " + step);
		}
		TrainingRunTest.assertNoLeftovers(runDir);
		assertTrue(Files.isRegularFile(project.resolve("models").resolve(id).resolve("model.json")));
	}

	private double[] reference() throws Exception {
		Path other = Fixtures.project(dir.resolve("reference"));
		RunSettings settings = RunSettings.defaults().withCheckpoints(1000, Duration.ofHours(1), 1)
				.withSampleEverySteps(1000);
		TrainingRun run = TrainingRun.create(other, new LeastSquaresTrainer(), Fixtures.DATASET,
				Map.of("steps", Integer.toString(STEPS)), settings);
		assertEquals(RunState.FINISHED, run.run(Progress.none()).state());
		return Fixtures.values(MetricsLog.read(run.folder()), "loss");
	}

	private static long lastStep(Path runDir) {
		try {
			List<Metric> all = MetricsLog.read(runDir);
			return all.isEmpty() ? 0 : all.get(all.size() - 1).step();
		} catch (IOException e) {
			return 0; // being replaced atomically at this moment: try again
		}
	}

	private static void await(BooleanSupplier condition, String what) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				fail("gave up waiting for " + what);
			}
			Thread.sleep(1);
		}
	}

	/** A child JVM running the engine core's main. */
	private record Child(Process process, String runId, Path log) {

		static Child start(Path project, List<String> args) throws IOException {
			List<String> command = new ArrayList<>(List.of(java(), "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp",
					classPath(), MAIN, "--project", project.toString(), "--trainer-class",
					LeastSquaresTrainer.class.getName()));
			command.addAll(args);
			Path log = Files.createTempFile(project.getParent(), "child-", ".log");
			Process p = new ProcessBuilder(command).redirectError(log.toFile()).start();
			BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
			String first = out.readLine();
			if (first == null || !first.startsWith("RUN ")) {
				p.destroyForcibly();
				fail("the child did not open the run: '" + first + "'; its errors: " + Files.readString(log)
						+ "\ncommand: " + command);
			}
			return new Child(p, first.substring(4).strip(), log);
		}

		int kill() throws Exception {
			process.destroyForcibly();
			assertTrue(process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS), "the killed child ends");
			Files.deleteIfExists(log);
			return process.exitValue();
		}

		int finish() throws Exception {
			if (!process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				fail("the child did not finish; its errors: " + Files.readString(log));
			}
			String errors = Files.readString(log);
			Files.deleteIfExists(log);
			assertEquals(0, process.exitValue(), errors);
			return process.exitValue();
		}

		private static String java() {
			return ProcessHandle.current().info().command()
					.orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		}

		/** The folders or jars of the engine core, the API, the assets bundle, Gson and this test bundle. */
		private static String classPath() {
			Set<String> entries = new LinkedHashSet<>();
			for (Class<?> c : List.of(Trainer.class, TrainingRun.class, AtomicFiles.class, Gson.class,
					LeastSquaresTrainer.class)) {
				entries.add(location(c).toString());
			}
			return String.join(java.io.File.pathSeparator, entries);
		}

		/** Where a class's bundle keeps it: its jar, or the folder its class files are in. */
		private static Path location(Class<?> c) {
			Path base;
			try {
				base = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
			} catch (URISyntaxException e) {
				throw new IllegalStateException(e);
			}
			if (Files.isRegularFile(base)) {
				return base;
			}
			String classFile = c.getName().replace('.', '/') + ".class";
			for (Path candidate : List.of(base, base.resolve("target/classes"), base.resolve("bin"))) {
				if (Files.isRegularFile(candidate.resolve(classFile))) {
					return candidate;
				}
			}
			return fail("cannot find the class files of " + c.getName() + " in " + base);
		}
	}
}
