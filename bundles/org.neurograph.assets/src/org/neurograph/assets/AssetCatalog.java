package org.neurograph.assets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.neurograph.api.AssetKind;
import org.neurograph.api.Provenance;
import org.neurograph.assets.internal.DatasetFormats;
import org.neurograph.assets.internal.Json;

import com.google.gson.JsonObject;

/**
 * Reads what a project folder holds. Datasets, models and runs are the folders directly below {@code datasets/},
 * {@code models/} and {@code runs/}; outputs are the files below {@code outputs/} (usually in day folders) apart from
 * their {@code .json} provenance sidecars. Hidden names (starting with a dot) are never assets. A descriptor that
 * cannot be read does not hide its asset: the asset is listed with a {@value #PROBLEM} entry in its metadata.
 */
public final class AssetCatalog {
	/** The descriptor of a dataset: {@code {"kind": ..., "created": ..., "sources": [...], "files": n, "rejected": n}}. */
	public static final String DATASET_JSON = "dataset.json";
	/** The card of a model: free-form JSON whose top-level plain fields become the asset's metadata. */
	public static final String MODEL_JSON = "model.json";
	/** The descriptor of a training run; its top-level plain fields become the asset's metadata. */
	public static final String RUN_JSON = "run.json";
	/** The metadata key that tells why an asset's descriptor could not be read. */
	public static final String PROBLEM = "problem";

	/** At most this many files are looked at to guess the kind of a dataset without {@value #DATASET_JSON}. */
	private static final int SNIFF_LIMIT = 1000;

	private final Path projectDir;

	/** A catalog of the project in {@code projectDir}. */
	public AssetCatalog(Path projectDir) {
		this.projectDir = projectDir.toAbsolutePath().normalize();
	}

	/** The assets of {@code kind}, sorted by name; empty if the project has no such folder. */
	public List<Asset> list(AssetKind kind) throws IOException {
		Path folder = projectDir.resolve(kind.folder());
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		List<Asset> assets = new ArrayList<>();
		for (Path path : kind == AssetKind.OUTPUT ? outputFiles(folder) : subfolders(folder)) {
			describe(path, true).filter(a -> a.kind() == kind).ifPresent(assets::add);
		}
		assets.sort(Comparator.comparing(Asset::name));
		return assets;
	}

	/** The asset of {@code kind} called {@code name}, if there is one. */
	public Optional<Asset> find(AssetKind kind, String name) throws IOException {
		Path path;
		try {
			path = projectDir.resolve(kind.folder()).resolve(name).normalize();
		} catch (InvalidPathException e) {
			return Optional.empty();
		}
		return describe(path, true).filter(a -> a.kind() == kind && a.name().equals(name));
	}

	/**
	 * The kind of the asset at {@code path} (absolute, or relative to the project), e.g. {@code datasets/faces} is an
	 * {@link AssetKind#IMAGE_DATASET} (from its {@value #DATASET_JSON}, else guessed from its files),
	 * {@code outputs/2025-05-01/x.png} an {@link AssetKind#OUTPUT}, {@code models/m} a {@link AssetKind#MODEL} and
	 * {@code runs/r} a {@link AssetKind#RUN}; empty for anything else, including the files inside those folders.
	 */
	public Optional<AssetKind> kindOf(Path path) {
		try {
			return describe(projectDir.resolve(path).normalize(), false).map(Asset::kind);
		} catch (IOException e) {
			return Optional.empty();
		}
	}

	/** The SHA-256 of a file's content as lower-case hex. */
	public static String sha256(Path file) throws IOException {
		MessageDigest digest;
		try {
			digest = MessageDigest.getInstance("SHA-256");
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java platform has SHA-256", e);
		}
		byte[] buffer = new byte[1 << 16];
		try (InputStream in = Files.newInputStream(file)) {
			for (int n; (n = in.read(buffer)) > 0;) {
				digest.update(buffer, 0, n);
			}
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	/** The asset at an absolute, normalised path; metadata only when asked for. */
	private Optional<Asset> describe(Path path, boolean withMetadata) throws IOException {
		if (!path.startsWith(projectDir) || path.equals(projectDir)) {
			return Optional.empty();
		}
		Path relative = projectDir.relativize(path);
		if (StreamSupport.stream(relative.spliterator(), false).anyMatch(AssetCatalog::isHidden)) {
			return Optional.empty();
		}
		String top = relative.getName(0).toString();
		int depth = relative.getNameCount();
		if (top.equals(AssetKind.OUTPUT.folder())) {
			if (depth < 2 || !isOutputFile(path)) {
				return Optional.empty();
			}
			String name = relative.subpath(1, depth).toString().replace(path.getFileSystem().getSeparator(), "/");
			return Optional.of(new Asset(AssetKind.OUTPUT, name, path, withMetadata ? outputMetadata(path) : Map.of()));
		}
		if (depth != 2 || !Files.isDirectory(path)) {
			return Optional.empty();
		}
		String name = path.getFileName().toString();
		if (top.equals(AssetKind.MODEL.folder())) {
			return Optional.of(new Asset(AssetKind.MODEL, name, path, withMetadata ? descriptor(path, MODEL_JSON) : Map.of()));
		}
		if (top.equals(AssetKind.RUN.folder())) {
			return Optional.of(new Asset(AssetKind.RUN, name, path, withMetadata ? descriptor(path, RUN_JSON) : Map.of()));
		}
		if (top.equals(AssetKind.IMAGE_DATASET.folder())) {
			Map<String, String> metadata = descriptor(path, DATASET_JSON);
			return datasetKind(path, metadata.get("kind")).map(kind -> new Asset(kind, name, path, metadata));
		}
		return Optional.empty();
	}

	/** The kind its descriptor names, else the kind most of its files suggest. */
	private static Optional<AssetKind> datasetKind(Path folder, String declared) throws IOException {
		for (AssetKind kind : DatasetFormats.KINDS) {
			if (kind.name().equals(declared)) {
				return Optional.of(kind);
			}
		}
		return guessDatasetKind(List.of(folder));
	}

	/**
	 * The dataset kind that most of the files under {@code sources} (files or folders; hidden ones skipped, at most
	 * {@value #SNIFF_LIMIT} files looked at) suggest by their names, or empty if none suggests one.
	 *
	 * @throws IOException if a folder cannot be walked
	 */
	public static Optional<AssetKind> guessDatasetKind(List<Path> sources) throws IOException {
		Map<AssetKind, Integer> votes = new EnumMap<>(AssetKind.class);
		int[] seen = { 0 };
		for (Path source : sources) {
			if (seen[0] >= SNIFF_LIMIT) {
				break;
			}
			if (!Files.isDirectory(source)) {
				DatasetFormats.kindOfName(source.getFileName().toString()).ifPresent(kind -> votes.merge(kind, 1, Integer::sum));
				seen[0]++;
				continue;
			}
			Files.walkFileTree(source, new SimpleFileVisitor<>() {
				@Override
				public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
					return isHidden(dir) && !dir.equals(source) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
					if (!isHidden(file) && attrs.isRegularFile()) {
						DatasetFormats.kindOfName(file.getFileName().toString()).ifPresent(kind -> votes.merge(kind, 1, Integer::sum));
						seen[0]++;
					}
					return seen[0] < SNIFF_LIMIT ? FileVisitResult.CONTINUE : FileVisitResult.TERMINATE;
				}

				@Override
				public FileVisitResult visitFileFailed(Path file, IOException e) {
					return FileVisitResult.CONTINUE;
				}
			});
		}
		return DatasetFormats.KINDS.stream().filter(votes::containsKey)
				.max(Comparator.comparing((AssetKind kind) -> votes.get(kind))
						.thenComparing(kind -> -DatasetFormats.KINDS.indexOf(kind)));
	}

	/** The top-level plain fields of a descriptor; empty if there is none, a {@value #PROBLEM} if it is unreadable. */
	private static Map<String, String> descriptor(Path folder, String fileName) {
		Path file = folder.resolve(fileName);
		if (!Files.isRegularFile(file)) {
			return Map.of();
		}
		try {
			return Json.plainFields(Json.parseObject(Files.readAllBytes(file)));
		} catch (IOException e) {
			return Map.of(PROBLEM, fileName + " cannot be read: " + e.getMessage());
		}
	}

	private static Map<String, String> outputMetadata(Path output) {
		Optional<Provenance> provenance;
		try {
			provenance = ProvenanceJson.readSidecar(output);
		} catch (IOException e) {
			return Map.of(PROBLEM, e.getMessage());
		}
		Map<String, String> metadata = new LinkedHashMap<>();
		provenance.ifPresent(p -> {
			metadata.put("generator", p.generatorId());
			metadata.put("generatorVersion", p.generatorVersion());
			if (p.modelName() != null) {
				metadata.put("model", p.modelName());
			}
			metadata.put("seed", Long.toString(p.seed()));
			if (!p.parents().isEmpty()) {
				metadata.put("parents", String.join(", ", p.parents()));
			}
			metadata.put("created", p.created().toString());
		});
		return metadata;
	}

	private static List<Path> subfolders(Path folder) throws IOException {
		try (Stream<Path> entries = Files.list(folder)) {
			return entries.filter(p -> !isHidden(p) && Files.isDirectory(p)).collect(Collectors.toList());
		}
	}

	private static List<Path> outputFiles(Path folder) throws IOException {
		List<Path> files = new ArrayList<>();
		Files.walkFileTree(folder, new SimpleFileVisitor<>() {
			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
				return !dir.equals(folder) && isHidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
				if (isOutputFile(file)) {
					files.add(file);
				}
				return FileVisitResult.CONTINUE;
			}
		});
		return files;
	}

	/** A visible regular file that is not a provenance sidecar. */
	private static boolean isOutputFile(Path file) {
		return !isHidden(file) && Files.isRegularFile(file) && !DatasetFormats.extension(file.getFileName().toString()).equals("json");
	}

	/**
	 * The SHA-256 of a model: of its one weights file, or, for a model of several files, of the list of their
	 * relative names and hashes. The {@code model.json} card and hidden files are not part of it: this is what
	 * provenance records as the model's hash.
	 *
	 * @throws IOException if a file cannot be read
	 */
	public static String modelSha256(Path folder) throws IOException {
		List<Path> files;
		try (Stream<Path> s = Files.walk(folder)) {
			files = s.filter(Files::isRegularFile)
					.filter(f -> !f.getFileName().toString().equals(MODEL_JSON))
					.filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList();
		}
		if (files.size() == 1) {
			return AssetCatalog.sha256(files.get(0));
		}
		StringBuilder manifest = new StringBuilder();
		for (Path f : files) {
			manifest.append(folder.relativize(f).toString().replace('\\', '/')).append(' ')
					.append(AssetCatalog.sha256(f)).append('\n');
		}
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
					.digest(manifest.toString().getBytes(StandardCharsets.UTF_8)));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java runtime has SHA-256", e);
		}
	}

	private static boolean isHidden(Path path) {
		return path.getFileName() != null && path.getFileName().toString().startsWith(".");
	}
}
