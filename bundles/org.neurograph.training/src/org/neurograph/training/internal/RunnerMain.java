package org.neurograph.training.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neurograph.api.Progress;
import org.neurograph.api.training.Trainer;
import org.neurograph.api.training.TrainingException;
import org.neurograph.training.RunInfo;
import org.neurograph.training.RunSettings;
import org.neurograph.training.RunState;
import org.neurograph.training.TrainingRun;

/**
 * Runs one training run in a plain Java process, without OSGi: the engine core on a class path, with the trainer
 * named by its class (it needs a public no-argument constructor). Used to train out of process and by the tests
 * that kill a training process. Prints {@code RUN <id>} on stdout when the run is open and {@code STATE <state>} at
 * the end; stopping the process (SIGTERM, Ctrl-C) stops the run with a checkpoint.
 *
 * <pre>
 * RunnerMain --project DIR --trainer-class CLASS --dataset NAME [--param key=value]... [--seed N]
 *            [--checkpoint-every STEPS] [--checkpoint-minutes M] [--keep K] [--sample-every STEPS] [--model NAME]
 * RunnerMain --project DIR --trainer-class CLASS --resume RUN-ID
 * </pre>
 *
 * Exit codes: 0 finished or stopped, 1 failed, 2 bad arguments.
 */
public final class RunnerMain {
	private RunnerMain() {
	}

	public static void main(String[] args) {
		System.exit(run(args, System.out, System.err));
	}

	static int run(String[] args, PrintStream out, PrintStream err) {
		Map<String, String> options = new LinkedHashMap<>();
		Map<String, String> parameters = new LinkedHashMap<>();
		try {
			parse(args, options, parameters);
			Path project = Path.of(require(options, "project"));
			Trainer trainer = instantiate(require(options, "trainer-class"));
			TrainingRun run = options.containsKey("resume")
					? TrainingRun.resume(project, options.get("resume"), trainer)
					: TrainingRun.create(project, trainer, require(options, "dataset"), parameters, settings(options));
			out.println("RUN " + run.id());
			out.flush();
			RunInfo end = runStoppable(run);
			out.println("STATE " + end.state());
			out.flush();
			if (end.state() == RunState.FAILED) {
				err.println(end.message());
				return 1;
			}
			return 0;
		} catch (IllegalArgumentException e) {
			err.println(e.getMessage());
			return 2;
		} catch (TrainingException e) {
			err.println(e.getMessage());
			return 1;
		}
	}

	/** Runs on this thread; a shutdown of the process stops the run with a checkpoint and waits for it. */
	private static RunInfo runStoppable(TrainingRun run) throws TrainingException {
		CountDownLatch ended = new CountDownLatch(1);
		Thread hook = new Thread(() -> {
			run.control().stop();
			try {
				ended.await();
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}, "stop training run " + run.id());
		Runtime.getRuntime().addShutdownHook(hook);
		try {
			return run.run(Progress.none());
		} finally {
			ended.countDown();
		}
	}

	private static void parse(String[] args, Map<String, String> options, Map<String, String> parameters) {
		List<String> list = new ArrayList<>(List.of(args));
		for (int i = 0; i < list.size(); i += 2) {
			String key = list.get(i);
			if (!key.startsWith("--") || i + 1 >= list.size()) {
				throw new IllegalArgumentException("Expected --option value, found '" + key + "'.");
			}
			String value = list.get(i + 1);
			if (key.equals("--param")) {
				int eq = value.indexOf('=');
				if (eq < 1) {
					throw new IllegalArgumentException("--param needs key=value, not '" + value + "'.");
				}
				parameters.put(value.substring(0, eq), value.substring(eq + 1));
			} else {
				options.put(key.substring(2), value);
			}
		}
	}

	private static RunSettings settings(Map<String, String> o) {
		RunSettings d = RunSettings.defaults();
		return new RunSettings(number(o, "seed", d.seed()),
				(int) number(o, "checkpoint-every", d.checkpointEverySteps()),
				Duration.ofMinutes(number(o, "checkpoint-minutes", d.checkpointInterval().toMinutes())),
				(int) number(o, "keep", d.keepCheckpoints()), d.bestMetric(), d.higherIsBetter(),
				(int) number(o, "sample-every", d.sampleEverySteps()), o.get("model"));
	}

	private static long number(Map<String, String> o, String key, long fallback) {
		String v = o.get(key);
		if (v == null) {
			return fallback;
		}
		try {
			return Long.parseLong(v);
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException("--" + key + " needs a whole number, not '" + v + "'.");
		}
	}

	private static String require(Map<String, String> o, String key) {
		String v = o.get(key);
		if (v == null) {
			throw new IllegalArgumentException("Missing --" + key + ".");
		}
		return v;
	}

	private static Trainer instantiate(String className) {
		try {
			return (Trainer) Class.forName(className).getConstructor().newInstance();
		} catch (ReflectiveOperationException | ClassCastException e) {
			throw new IllegalArgumentException("Cannot make a trainer of class '" + className + "': " + e);
		}
	}
}
