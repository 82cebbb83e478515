package org.neurograph.assets;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.neurograph.api.AssetKind;
import org.neurograph.api.CancelledException;
import org.neurograph.api.Parameter;
import org.neurograph.api.Progress;
import org.neurograph.assets.internal.DatasetFormats;
import org.neurograph.assets.internal.Json;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * Imports a dataset into {@code datasets/<name>/}: copies files, and folders recursively (a folder's content goes to
 * the top of the dataset, keeping relative paths), checking each file for the dataset's kind:
 * <ul>
 * <li>{@link AssetKind#IMAGE_DATASET}: png jpg jpeg gif bmp, complete, with a header ImageIO can read;</li>
 * <li>{@link AssetKind#TEXT_CORPUS}: txt, u8 and files without extension (fortune files) that are UTF-8 text;</li>
 * <li>{@link AssetKind#TUNE_COLLECTION}: abc (UTF-8 with an {@code X:} line), mid and midi (complete tracks).</li>
 * </ul>
 * Every file that is left out is reported with a reason and the import goes on. The dataset is built in a hidden
 * folder and appears under its name in one atomic step, with {@code dataset.json} written last: a failed or
 * cancelled import leaves nothing behind.
 */
public final class DatasetImporter {
	private static final int MESSAGE_EXAMPLES = 5;

	/** A file (or folder) that was not imported, and why. */
	public record Rejected(Path source, String reason) {
		public Rejected {
			Objects.requireNonNull(source, "source");
			Objects.requireNonNull(reason, "reason");
		}

		@Override
		public String toString() {
			return source + ": " + reason;
		}
	}

	/** What an import did: the dataset's name and folder, how many files it holds, and what was left out. */
	public record Report(String name, Path folder, int imported, List<Rejected> rejected) {
		public Report {
			rejected = List.copyOf(rejected);
		}
	}

	/** A file to check and copy, and where it goes relative to the dataset folder. */
	private record Candidate(Path source, Path relative) {
	}

	/**
	 * Imports {@code sources} as a new dataset {@code name} of {@code kind}.
	 *
	 * @throws IllegalArgumentException if the name is not a valid asset name, the kind is not a dataset kind or there
	 *                                  are no sources
	 * @throws IOException              if the name is taken, nothing could be imported, or the dataset cannot be
	 *                                  written; the message says which
	 * @throws CancelledException       if {@code progress} was cancelled; nothing is left behind
	 */
	public Report importDataset(Path projectDir, String name, AssetKind kind, List<Path> sources, Progress progress)
			throws IOException, CancelledException {
		checkArguments(name, kind, sources);
		Path datasets = projectDir.resolve(kind.folder());
		checkNameIsFree(datasets, name);
		List<Rejected> rejected = new ArrayList<>();
		List<Candidate> candidates = collect(sources, rejected, progress);
		Files.createDirectories(datasets);
		Path staging = datasets.resolve(".import-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()));
		Files.createDirectory(staging);
		boolean published = false;
		try {
			int imported = copyValidFiles(candidates, kind, staging, rejected, name, progress);
			if (imported == 0) {
				throw new IOException(nothingImported(name, kind, rejected));
			}
			writeManifest(staging, kind, sources, imported, rejected.size());
			checkCancelled(progress);
			Path folder = datasets.resolve(name);
			checkNameIsFree(datasets, name);
			Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
			published = true;
			rejected.sort(Comparator.comparing(r -> r.source().toString()));
			return new Report(name, folder, imported, rejected);
		} finally {
			if (!published) {
				deleteTree(staging);
			}
		}
	}

	private static void checkArguments(String name, AssetKind kind, List<Path> sources) {
		Objects.requireNonNull(name, "name");
		if (!Parameter.AssetRef.NAME.matcher(name).matches() || name.contains("..")) {
			throw new IllegalArgumentException("'" + name + "' is not a valid dataset name: use up to 128 letters, digits,"
					+ " spaces, '.', '-' or '_', starting with a letter or digit.");
		}
		if (!DatasetFormats.isDataset(kind)) {
			throw new IllegalArgumentException(kind + " is not a kind of dataset: choose one of " + DatasetFormats.KINDS + ".");
		}
		if (sources == null || sources.isEmpty()) {
			throw new IllegalArgumentException("Nothing to import: choose at least one file or folder.");
		}
	}

	/** Names are compared ignoring case, so that the project can move to a system that ignores case. */
	private static void checkNameIsFree(Path datasets, String name) throws IOException {
		if (!Files.isDirectory(datasets)) {
			return;
		}
		try (Stream<Path> entries = Files.list(datasets)) {
			if (entries.anyMatch(p -> p.getFileName().toString().equalsIgnoreCase(name))) {
				throw new IOException("A dataset named '" + name + "' already exists in this project: choose another name.");
			}
		}
	}

	private static List<Candidate> collect(List<Path> sources, List<Rejected> rejected, Progress progress)
			throws IOException, CancelledException {
		List<Candidate> candidates = new ArrayList<>();
		Set<Path> taken = new HashSet<>();
		for (Path source : sources) {
			List<Candidate> found = new ArrayList<>();
			if (Files.isDirectory(source)) {
				Path root = source.toRealPath();
				Files.walkFileTree(root, new Finder(source, root, found, rejected, progress));
				checkCancelled(progress);
			} else if (Files.isRegularFile(source)) {
				found.add(new Candidate(source, source.getFileName()));
			} else if (Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
				rejected.add(new Rejected(source, Files.isSymbolicLink(source) ? "unreadable: a broken link" : "not a regular file"));
			} else {
				rejected.add(new Rejected(source, "not found"));
			}
			found.sort(Comparator.comparing(c -> c.relative().toString()));
			for (Candidate c : found) {
				if (taken.add(c.relative())) {
					candidates.add(c);
				} else {
					rejected.add(new Rejected(c.source(), "skipped: another source already gives '" + c.relative() + "'"));
				}
			}
		}
		return candidates;
	}

	private static int copyValidFiles(List<Candidate> candidates, AssetKind kind, Path staging, List<Rejected> rejected,
			String name, Progress progress) throws IOException, CancelledException {
		progress.begin("Importing dataset '" + name + "'", candidates.size());
		int imported = 0;
		for (Candidate c : candidates) {
			checkCancelled(progress);
			progress.subTask(c.relative().toString());
			Optional<String> problem;
			try {
				problem = DatasetFormats.problem(kind, c.source());
			} catch (IOException e) {
				problem = Optional.of(unreadable(e));
			}
			if (problem.isPresent()) {
				rejected.add(new Rejected(c.source(), problem.get()));
			} else {
				try {
					AtomicFiles.copy(c.source(), staging.resolve(c.relative().toString()));
				} catch (IOException e) {
					throw new IOException("Could not copy '" + c.source() + "' into the dataset: " + e.getMessage(), e);
				}
				imported++;
			}
			progress.worked(1);
		}
		return imported;
	}

	private static void writeManifest(Path folder, AssetKind kind, List<Path> sources, int files, int rejected)
			throws IOException {
		JsonObject o = new JsonObject();
		o.addProperty("kind", kind.name());
		o.addProperty("created", Instant.now().toString());
		JsonArray list = new JsonArray();
		sources.forEach(s -> list.add(s.toAbsolutePath().normalize().toString()));
		o.add("sources", list);
		o.addProperty("files", files);
		o.addProperty("rejected", rejected);
		AtomicFiles.writeString(folder.resolve(AssetCatalog.DATASET_JSON), Json.format(o));
	}

	private static String nothingImported(String name, AssetKind kind, List<Rejected> rejected) {
		if (rejected.isEmpty()) {
			return "Nothing was imported into dataset '" + name + "': the chosen folders hold no files.";
		}
		String examples = rejected.stream().limit(MESSAGE_EXAMPLES).map(r -> "\n  " + r).collect(Collectors.joining());
		return "Nothing was imported into dataset '" + name + "': no file is usable for a "
				+ kind.label().toLowerCase(Locale.ROOT) + " (" + rejected.size() + " left out):" + examples
				+ (rejected.size() > MESSAGE_EXAMPLES ? "\n  ..." : "");
	}

	private static String unreadable(IOException e) {
		if (e instanceof AccessDeniedException) {
			return "unreadable: permission denied";
		}
		if (e instanceof NoSuchFileException) {
			return "unreadable: not found (a broken link?)";
		}
		return "unreadable: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
	}

	private static void checkCancelled(Progress progress) throws CancelledException {
		if (progress.isCancelled()) {
			throw new CancelledException();
		}
	}

	/** Best effort: a folder that cannot be removed stays hidden (its name starts with a dot). */
	private static void deleteTree(Path folder) {
		try (Stream<Path> paths = Files.walk(folder)) {
			paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		} catch (IOException | RuntimeException e) {
			// see above
		}
	}

	/**
	 * Walks a source folder (at its real path {@code root}): files become candidates; hidden, unreadable and special
	 * entries are rejected under the path the user chose.
	 */
	private static final class Finder extends SimpleFileVisitor<Path> {
		private final Path source;
		private final Path root;
		private final List<Candidate> found;
		private final List<Rejected> rejected;
		private final Progress progress;

		Finder(Path source, Path root, List<Candidate> found, List<Rejected> rejected, Progress progress) {
			this.source = source;
			this.root = root;
			this.found = found;
			this.rejected = rejected;
			this.progress = progress;
		}

		@Override
		public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
			if (progress.isCancelled()) {
				return FileVisitResult.TERMINATE;
			}
			if (!dir.equals(root) && isHidden(dir)) {
				reject(dir, "hidden folder skipped");
				return FileVisitResult.SKIP_SUBTREE;
			}
			return FileVisitResult.CONTINUE;
		}

		@Override
		public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
			if (isHidden(file)) {
				reject(file, "hidden file skipped");
			} else if (attrs.isRegularFile() || attrs.isSymbolicLink() && Files.isRegularFile(file)) {
				found.add(new Candidate(source.resolve(root.relativize(file).toString()), root.relativize(file)));
			} else if (attrs.isSymbolicLink()) {
				reject(file, Files.exists(file) ? "link to a folder skipped" : "unreadable: a broken link");
			} else {
				reject(file, "not a regular file");
			}
			return progress.isCancelled() ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
		}

		@Override
		public FileVisitResult visitFileFailed(Path file, IOException e) {
			reject(file, unreadable(e));
			return FileVisitResult.CONTINUE;
		}

		@Override
		public FileVisitResult postVisitDirectory(Path dir, IOException e) {
			if (e != null) {
				reject(dir, unreadable(e));
			}
			return FileVisitResult.CONTINUE;
		}

		private void reject(Path path, String reason) {
			rejected.add(new Rejected(source.resolve(root.relativize(path).toString()), reason));
		}

		private static boolean isHidden(Path path) {
			return path.getFileName().toString().startsWith(".");
		}
	}
}
