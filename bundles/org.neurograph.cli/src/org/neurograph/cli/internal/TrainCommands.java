package org.neurograph.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.neurograph.api.Parameter;
import org.neurograph.api.Validation;
import org.neurograph.api.training.Trainer;
import org.neurograph.api.training.TrainerInfo;
import org.neurograph.api.training.TrainingException;
import org.neurograph.training.RunInfo;
import org.neurograph.training.RunSettings;
import org.neurograph.training.Runs;
import org.neurograph.training.TrainingRun;
import org.osgi.framework.BundleContext;

/**
 * The training commands: {@code train}, {@code runs} and {@code resume}. A run trains on the command's thread with
 * its progress and latest metrics on stderr; cancelling (Ctrl-C) stops it with a checkpoint.
 */
final class TrainCommands {
	private static final Set<String> TRAIN_OPTIONS = Set.of("trainer", "project", "dataset", "seed", "checkpoint-every",
			"checkpoint-minutes", "keep", "sample-every", "model");
	private static final int MAX_STEPS = 1_000_000_000;

	private final BundleContext context;
	private final PrintStream out;
	private final PrintStream err;
	private final AtomicBoolean cancelled;

	TrainCommands(BundleContext context, PrintStream out, PrintStream err, AtomicBoolean cancelled) {
		this.context = context;
		this.out = out;
		this.err = err;
		this.cancelled = cancelled;
	}

	/** Lists the installed trainers and their parameters, after the generators; nothing if there are none. */
	void listTrainers() {
		try (ServiceLookup<Trainer> lookup = trainers()) {
			List<Trainer> all = lookup.all();
			if (all.isEmpty()) {
				return;
			}
			out.println();
			out.println("Trainers (neurograph cli train --trainer ID ...):");
			for (Trainer t : all) {
				TrainerInfo info = t.info();
				String kind = info.datasetKind().label().toLowerCase(Locale.ROOT);
				out.printf("%s  %s %s (learns from %s %s)%n", info.id(), info.name(), info.version(),
						"aeiou".indexOf(kind.charAt(0)) >= 0 ? "an" : "a", kind);
				if (!info.description().isEmpty()) {
					out.println("    " + info.description());
				}
				for (Parameter<?> p : t.parameters().parameters()) {
					Cli.printParameter(out, p);
				}
			}
		}
	}

	int train(List<String> args) throws UsageException {
		Arguments a = Arguments.parse(args, TRAIN_OPTIONS, Set.of("quiet"));
		noPositional(a);
		String id = a.required("trainer", "ID (see 'neurograph cli list')");
		Path project = Cli.projectDir(a.required("project", "DIR (the project folder that holds the dataset)"));
		String dataset = a.required("dataset", "NAME (a folder in DIR/datasets/)");
		Long givenSeed = a.longOption("seed");
		long seed = givenSeed != null ? givenSeed : new SecureRandom().nextLong() >>> 16;
		RunSettings settings = settings(a, seed);
		try (ServiceLookup<Trainer> lookup = trainers()) {
			Trainer trainer = lookup.find(id).orElseThrow(() -> new UsageException("No trainer '" + id
					+ "'. Installed: " + (lookup.ids().isEmpty() ? "none" : String.join(", ", lookup.ids())) + "."));
			Validation v = trainer.parameters().validate(a.params());
			if (!v.isValid()) {
				StringBuilder msg = new StringBuilder("Invalid --param values for " + id + ":");
				v.errors().forEach((k, m) -> msg.append("\n  ").append(k).append(": ").append(m));
				throw new UsageException(msg.toString());
			}
			if (givenSeed == null) {
				err.println("seed " + seed + " (give --seed " + seed + " to train the same way again)");
			}
			TrainingRun run;
			try {
				run = TrainingRun.create(project, trainer, dataset, a.params(), settings);
			} catch (TrainingException e) {
				err.println("neurograph: " + e.getMessage());
				return Cli.FAILURE;
			}
			out.println(run.id());
			err.println("run " + run.id() + " in " + run.folder());
			return drive(run, a.flag("quiet"));
		}
	}

	int resume(List<String> args) throws UsageException {
		Arguments a = Arguments.parse(args, Set.of("project"), Set.of("quiet"));
		if (a.positional().size() != 1) {
			throw new UsageException("Give the id of one run: neurograph cli resume RUN --project DIR"
					+ " (see 'neurograph cli runs --project DIR').");
		}
		String runId = a.positional().get(0);
		Path project = Cli.projectDir(a.required("project", "DIR (the project folder of the run)"));
		try (ServiceLookup<Trainer> lookup = trainers()) {
			RunInfo info = Runs.read(project, runId);
			Trainer trainer = lookup.find(info.trainerId()).orElse(null);
			if (trainer == null) {
				err.println("neurograph: the run '" + runId + "' was made by the trainer '" + info.trainerId()
						+ "', which is not installed. Install the plugin that provides it, then resume the run.");
				return Cli.FAILURE;
			}
			TrainingRun run = TrainingRun.resume(project, runId, trainer);
			err.println("resuming run " + runId + " from " + (info.checkpointStep() >= 0
					? "step " + info.checkpointStep() : "the beginning (it has no checkpoint)"));
			return drive(run, a.flag("quiet"));
		} catch (IOException | TrainingException e) {
			err.println("neurograph: " + e.getMessage());
			return Cli.FAILURE;
		}
	}

	int runs(List<String> args) throws UsageException {
		Arguments a = Arguments.parse(args, Set.of("project"), Set.of());
		noPositional(a);
		Path project = Cli.projectDir(a.required("project", "DIR (the project folder)"));
		List<RunInfo> all;
		try {
			all = Runs.list(project);
		} catch (IOException e) {
			err.println("neurograph: cannot read the runs of " + project + ": " + e.getMessage());
			return Cli.FAILURE;
		}
		if (all.isEmpty()) {
			err.println("No training runs in " + Runs.folder(project) + ".");
			return Cli.OK;
		}
		out.printf("%-36s %-12s %-16s %-32s %s%n", "RUN", "STATE", "STEP", "TRAINER", "DATASET");
		for (RunInfo r : all) {
			String steps = r.totalSteps() > 0 ? r.step() + "/" + r.totalSteps() : Long.toString(r.step());
			out.printf("%-36s %-12s %-16s %-32s %s%n", r.id(), r.state().label().toLowerCase(Locale.ROOT), steps,
					r.trainerId(), r.dataset());
			if (!r.message().isEmpty()) {
				out.println("    " + r.message());
			}
		}
		return Cli.OK;
	}

	/** Trains on this thread until the run ends; reports on stderr. */
	private int drive(TrainingRun run, boolean quiet) {
		TrainingReporter reporter = new TrainingReporter(err, cancelled, quiet);
		run.addListener(reporter);
		RunInfo end;
		try {
			end = run.run(reporter);
		} catch (TrainingException e) {
			err.println("neurograph: " + e.getMessage());
			return Cli.FAILURE;
		}
		switch (end.state()) {
		case FINISHED -> {
			Path model = run.project().resolve("models").resolve(end.model());
			err.println("finished at step " + end.step() + "; the model is in " + model);
			return Cli.OK;
		}
		case STOPPED -> {
			err.println("stopped at step " + end.step() + " with a checkpoint; go on with: neurograph cli resume "
					+ run.id() + " --project " + run.project());
			return Cli.FAILURE;
		}
		default -> {
			err.println("neurograph: " + end.message());
			return Cli.FAILURE;
		}
		}
	}

	private static RunSettings settings(Arguments a, long seed) throws UsageException {
		RunSettings d = RunSettings.defaults();
		int every = a.intOption("checkpoint-every", d.checkpointEverySteps(), 1, MAX_STEPS);
		int minutes = a.intOption("checkpoint-minutes", (int) d.checkpointInterval().toMinutes(), 1, 7 * 24 * 60);
		int keep = a.intOption("keep", d.keepCheckpoints(), 1, 1000);
		int samples = a.intOption("sample-every", d.sampleEverySteps(), 1, MAX_STEPS);
		try {
			return new RunSettings(seed, every, Duration.ofMinutes(minutes), keep, d.bestMetric(), d.higherIsBetter(),
					samples, a.option("model"));
		} catch (IllegalArgumentException e) {
			throw new UsageException("--model: " + e.getMessage());
		}
	}

	private static void noPositional(Arguments a) throws UsageException {
		if (!a.positional().isEmpty()) {
			throw new UsageException("Unexpected argument '" + a.positional().get(0) + "'.");
		}
	}

	private ServiceLookup<Trainer> trainers() {
		return new ServiceLookup<>(context, Trainer.class, t -> t.info().id());
	}
}
