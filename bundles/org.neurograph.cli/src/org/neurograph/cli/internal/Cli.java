package org.neurograph.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.neurograph.api.AssetKind;
import org.neurograph.api.CancelledException;
import org.neurograph.api.GenerationException;
import org.neurograph.api.Generator;
import org.neurograph.api.GeneratorInfo;
import org.neurograph.api.InvalidParametersException;
import org.neurograph.api.Parameter;
import org.neurograph.api.bench.Benchmark;
import org.neurograph.assets.AssetCatalog;
import org.neurograph.assets.DatasetImporter;
import org.neurograph.assets.GenerationRunner;
import org.neurograph.assets.NeurographProject;
import org.osgi.framework.BundleContext;

/**
 * The commands of {@code neurograph cli}. Results go to {@code out}, progress and messages to {@code err}; the
 * return value is the exit code.
 */
public final class Cli {
	/** Success. */
	public static final int OK = 0;
	/** The command was understood but failed (bad data, disk full, cancelled, ...). */
	public static final int FAILURE = 1;
	/** The command line was wrong. */
	public static final int USAGE = 2;

	static final String USAGE_TEXT = """
			Usage: neurograph cli <command> [options]

			Commands:
			  list                       the generators and trainers, and their parameters
			  generate --generator ID --project DIR [--count N] [--seed S] [--model NAME]
			           [--param key=value ...] [--quiet]
			                             generate N works into DIR/outputs/<date>/, each with its provenance;
			                             DIR is created as a Neurograph project folder if needed
			  import --project DIR --name NAME [--kind images|texts|tunes] FILE_OR_FOLDER ...
			                             copy files into DIR/datasets/NAME (kind guessed from the files unless
			                             given); every unusable file is named with its reason; DIR is created
			                             as a Neurograph project folder if needed
			  train --trainer ID --project DIR --dataset NAME [--param key=value ...] [--seed S]
			        [--checkpoint-every STEPS] [--checkpoint-minutes M] [--keep K] [--sample-every STEPS]
			        [--model NAME] [--quiet]
			                             train on DIR/datasets/NAME in a new run DIR/runs/<id>/; progress and
			                             the latest metrics on stderr; Ctrl-C stops with a checkpoint; the
			                             finished model goes to DIR/models/
			  runs --project DIR         the project's training runs and their states
			  resume RUN --project DIR [--quiet]
			                             go on with a stopped, failed or interrupted run from its last checkpoint
			  bench [NAME ...]           run benchmarks (e.g. runtimes); without a name, list them
			  help                       this text

			Exit codes: 0 ok, 1 failure, 2 wrong usage.
			""";

	private final BundleContext context;
	private final PrintStream out;
	private final PrintStream err;
	private final AtomicBoolean cancelled = new AtomicBoolean();
	private final CountDownLatch finished = new CountDownLatch(1);
	private final TrainCommands training;

	public Cli(BundleContext context, PrintStream out, PrintStream err) {
		this.context = context;
		this.out = out;
		this.err = err;
		this.training = new TrainCommands(context, out, err, cancelled);
	}

	/**
	 * Cancels the running command, as Ctrl-C does: a generation keeps the works made so far, a training run stops
	 * with a checkpoint.
	 */
	public void cancel() {
		cancelled.set(true);
	}

	/** On Ctrl-C (JVM shutdown) cancel the running command and give it a few seconds to finish writing. */
	void cancelOnShutdown() {
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			if (finished.getCount() > 0) {
				cancel();
				try {
					finished.await(10, TimeUnit.SECONDS);
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			}
		}, "neurograph-cli-cancel"));
	}

	/** Runs one command line. */
	public int run(String... args) {
		try {
			List<String> list = Arrays.asList(args);
			if (list.isEmpty()) {
				err.print(USAGE_TEXT);
				return USAGE;
			}
			List<String> rest = list.subList(1, list.size());
			return switch (list.get(0)) {
			case "list" -> list(rest);
			case "generate" -> generate(rest);
			case "import" -> importDataset(rest);
			case "train" -> training.train(rest);
			case "runs" -> training.runs(rest);
			case "resume" -> training.resume(rest);
			case "bench" -> bench(rest);
			case "help", "--help", "-h" -> {
				out.print(USAGE_TEXT);
				yield OK;
			}
			default -> throw new UsageException("Unknown command '" + list.get(0) + "'.");
			};
		} catch (UsageException e) {
			err.println("neurograph: " + e.getMessage());
			err.println("Run 'neurograph cli help' for the commands and their options.");
			return USAGE;
		} catch (RuntimeException e) {
			err.println("neurograph: internal error: " + e);
			e.printStackTrace(err);
			return FAILURE;
		} finally {
			finished.countDown();
		}
	}

	private int bench(List<String> args) throws UsageException {
		Arguments a = Arguments.parse(args, Set.of(), Set.of());
		try (ServiceLookup<Benchmark> lookup = new ServiceLookup<>(context, Benchmark.class, Benchmark::name)) {
			if (a.positional().isEmpty()) {
				List<Benchmark> all = lookup.all();
				if (all.isEmpty()) {
					out.println("No benchmarks are installed.");
				}
				all.forEach(b -> out.printf("%-12s %s%n", b.name(), b.description()));
				return OK;
			}
			List<Benchmark> chosen = new java.util.ArrayList<>();
			for (String name : a.positional()) {
				chosen.add(lookup.find(name).orElseThrow(() -> new UsageException("No benchmark '" + name
						+ "'. Installed: " + (lookup.ids().isEmpty() ? "none" : String.join(", ", lookup.ids())) + ".")));
			}
			for (Benchmark b : chosen) {
				out.println("== bench " + b.name() + ": " + b.description());
				out.println("   Java " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors()
						+ " cores, max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
				try {
					b.run(out, new StderrProgress(err, cancelled, false));
				} catch (Exception e) {
					err.println("neurograph: benchmark '" + b.name() + "' failed: " + e.getMessage());
					return FAILURE;
				}
				if (cancelled.get()) {
					err.println("neurograph: cancelled.");
					return FAILURE;
				}
			}
			return OK;
		}
	}

	private int list(List<String> args) throws UsageException {
		Arguments.parse(args, Set.of(), Set.of());
		try (ServiceLookup<Generator> lookup = generators()) {
			List<Generator> all = lookup.all();
			if (all.isEmpty()) {
				out.println("No generators are installed.");
			}
			for (Generator g : all) {
				GeneratorInfo info = g.info();
				out.printf("%s  %s %s (%s)%s%n", info.id(), info.name(), info.version(),
						info.mediaKind().label().toLowerCase(Locale.ROOT), g.requiresModel() ? ", needs --model" : "");
				if (!info.description().isEmpty()) {
					out.println("    " + info.description());
				}
				for (Parameter<?> p : g.parameters().parameters()) {
					printParameter(out, p);
				}
			}
		}
		training.listTrainers();
		return OK;
	}

	/** Prints one parameter as {@code list} shows it. */
	static void printParameter(PrintStream out, Parameter<?> p) {
		out.printf("    --param %s=<%s>%s%n        %s%n", p.key(), p.describeRange(), defaultText(p), p.help());
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static String defaultText(Parameter p) {
		return p.defaultValue() == null ? "  (required)" : "  default " + p.format(p.defaultValue());
	}

	private int generate(List<String> args) throws UsageException {
		Arguments a = Arguments.parse(args, Set.of("generator", "project", "count", "seed", "model"), Set.of("quiet"));
		if (!a.positional().isEmpty()) {
			throw new UsageException("Unexpected argument '" + a.positional().get(0) + "'.");
		}
		String id = a.required("generator", "ID (see 'neurograph cli list')");
		Path project = projectDir(a.required("project", "DIR (the project folder to write into)"));
		int count = a.intOption("count", 1, 1, org.neurograph.api.GenerationRequest.MAX_COUNT);
		Long givenSeed = a.longOption("seed");
		long seed = givenSeed != null ? givenSeed : new SecureRandom().nextLong() >>> 16;
		try (ServiceLookup<Generator> lookup = generators()) {
			Optional<Generator> generator = lookup.find(id);
			if (generator.isEmpty()) {
				List<String> ids = lookup.ids();
				throw new UsageException("No generator '" + id + "'. Installed: "
						+ (ids.isEmpty() ? "none" : String.join(", ", ids)) + ".");
			}
			if (givenSeed == null) {
				err.println("seed " + seed + " (give --seed " + seed + " to make the same works again)");
			}
			StderrProgress progress = new StderrProgress(err, cancelled, a.flag("quiet"));
			GenerationRunner.Result result;
			try {
				result = GenerationRunner.run(generator.get(), project, a.params(), count, seed, a.option("model"), progress);
			} catch (InvalidParametersException e) {
				StringBuilder msg = new StringBuilder("Invalid --param values for " + id + ":");
				e.validation().errors().forEach((k, m) -> msg.append("\n  ").append(k).append(": ").append(m));
				throw new UsageException(msg.toString());
			}
			result.outputs().forEach(p -> out.println(p));
			err.println(result.outputs().size() + " work" + (result.outputs().size() == 1 ? "" : "s") + " written to "
					+ project.resolve("outputs"));
			return OK;
		} catch (CancelledException e) {
			err.println("neurograph: cancelled; the works finished before that were kept.");
			return FAILURE;
		} catch (GenerationException e) {
			err.println("neurograph: " + e.getMessage());
			return FAILURE;
		} catch (IOException e) {
			err.println("neurograph: could not write into " + project + ": " + e.getMessage());
			return FAILURE;
		}
	}

	/** The dataset kinds by the names {@code import --kind} takes. */
	private static final Map<String, AssetKind> DATASET_KINDS = Map.of("images", AssetKind.IMAGE_DATASET, "texts",
			AssetKind.TEXT_CORPUS, "tunes", AssetKind.TUNE_COLLECTION);

	private int importDataset(List<String> args) throws UsageException {
		Arguments a = Arguments.parse(args, Set.of("project", "name", "kind"), Set.of("quiet"));
		Path project = projectDir(a.required("project", "DIR (the project folder to import into)"));
		String name = a.required("name", "NAME (the dataset's folder name in DIR/datasets/)");
		if (a.positional().isEmpty()) {
			throw new UsageException("Name at least one file or folder to import.");
		}
		List<Path> sources = new java.util.ArrayList<>();
		for (String s : a.positional()) {
			try {
				sources.add(Path.of(s).toAbsolutePath().normalize());
			} catch (InvalidPathException e) {
				throw new UsageException("'" + s + "' is not a valid path: " + e.getReason() + ".");
			}
		}
		String kindName = a.option("kind");
		try {
			AssetKind kind;
			if (kindName != null) {
				kind = DATASET_KINDS.get(kindName);
				if (kind == null) {
					throw new UsageException("--kind '" + kindName + "' is not a dataset kind: use images, texts or tunes.");
				}
			} else {
				kind = AssetCatalog.guessDatasetKind(sources).orElseThrow(() -> new UsageException(
						"Cannot tell what kind of dataset these files make: give --kind images, texts or tunes."));
			}
			NeurographProject.ensureLayout(project);
			DatasetImporter.Report report = new DatasetImporter().importDataset(project, name, kind, sources,
					new StderrProgress(err, cancelled, a.flag("quiet")));
			report.rejected().forEach(r -> err.println("skipped " + r));
			out.println(report.folder());
			err.println(report.imported() + " file" + (report.imported() == 1 ? "" : "s") + " imported into "
					+ report.folder() + " as " + kind.label().toLowerCase(Locale.ROOT)
					+ (report.rejected().isEmpty() ? "" : "; " + report.rejected().size() + " skipped (above)"));
			return OK;
		} catch (IllegalArgumentException e) {
			throw new UsageException(e.getMessage());
		} catch (CancelledException e) {
			err.println("neurograph: cancelled; nothing was imported.");
			return FAILURE;
		} catch (IOException e) {
			err.println("neurograph: " + e.getMessage());
			return FAILURE;
		}
	}

	private ServiceLookup<Generator> generators() {
		return new ServiceLookup<>(context, Generator.class, g -> g.info().id());
	}

	/** The project folder named on the command line. */
	static Path projectDir(String text) throws UsageException {
		Path p;
		try {
			p = Path.of(text).toAbsolutePath().normalize();
		} catch (InvalidPathException e) {
			throw new UsageException("--project '" + text + "' is not a valid path: " + e.getReason() + ".");
		}
		if (Files.exists(p) && !Files.isDirectory(p)) {
			throw new UsageException("--project '" + text + "' is a file; give a project folder.");
		}
		return p;
	}
}
