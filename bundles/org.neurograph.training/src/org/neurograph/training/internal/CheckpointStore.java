package org.neurograph.training.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.neurograph.api.training.TrainingSession;
import org.neurograph.assets.AtomicFiles;
import org.neurograph.training.RunSettings;

import com.google.gson.Gson;
import com.google.gson.JsonObject;

/**
 * A run's {@code checkpoints/} folder. Checkpoint {@code n} is {@code step-<n>.ckpt} (what the session saves) plus
 * {@code step-<n>.json} (step, time, the value of the best-metric), each written atomically, the data first: a
 * checkpoint counts only once its description exists, so a crash at any moment leaves either a complete checkpoint
 * or one that is ignored and cleaned up. After each save only the last {@code keepCheckpoints} and the best by the
 * chosen metric are kept.
 */
public final class CheckpointStore {
	/** The folder name inside a run folder. */
	public static final String FOLDER = "checkpoints";
	private static final Pattern NAME = Pattern.compile("step-(\\d{12})\\.(ckpt|json)");
	private static final Gson GSON = new Gson();

	private final Path folder;
	private final RunSettings settings;

	/** One complete checkpoint; {@code value} is the best-metric's mean since the previous one, or null. */
	public record Entry(long step, Path file, Instant time, Double value) {
	}

	public CheckpointStore(Path runDir, RunSettings settings) {
		this.folder = runDir.resolve(FOLDER);
		this.settings = settings;
	}

	/** The complete checkpoints, oldest first. */
	public List<Entry> list() throws IOException {
		List<Entry> out = new ArrayList<>();
		if (!Files.isDirectory(folder)) {
			return out;
		}
		for (Path meta : descriptions()) {
			Path data = dataOf(meta);
			if (Files.isRegularFile(data)) {
				read(meta, data).ifPresent(out::add);
			}
		}
		out.sort(Comparator.comparingLong(Entry::step));
		return out;
	}

	/** The checkpoint to resume from: the latest complete one. */
	public Optional<Entry> latest() throws IOException {
		List<Entry> all = list();
		return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
	}

	/** Saves the session's state at {@code step}, then drops the checkpoints no longer kept. */
	public Entry save(TrainingSession session, long step, Double metricValue, Instant time) throws IOException {
		Files.createDirectories(folder);
		String base = String.format("step-%012d", step);
		Path data = folder.resolve(base + ".ckpt");
		Path scratch = folder.resolve("." + base + ".session");
		try {
			Files.deleteIfExists(scratch);
			session.saveCheckpoint(scratch);
			if (!Files.isRegularFile(scratch)) {
				throw new IOException("The trainer wrote no checkpoint file.");
			}
			AtomicFiles.copy(scratch, data);
		} finally {
			Files.deleteIfExists(scratch);
		}
		JsonObject meta = new JsonObject();
		meta.addProperty("step", step);
		meta.addProperty("time", time.toString());
		meta.addProperty("metric", settings.bestMetric());
		meta.addProperty("value", metricValue);
		AtomicFiles.writeString(folder.resolve(base + ".json"), GSON.toJson(meta) + "\n");
		prune();
		return new Entry(step, data, time, metricValue);
	}

	/**
	 * Removes what a crash can leave behind: temporary files, checkpoint data without a description, and (when
	 * resuming from {@code step}) the checkpoints after it.
	 */
	public void cleanUp(long step) throws IOException {
		if (!Files.isDirectory(folder)) {
			return;
		}
		Set<Path> complete = new HashSet<>();
		for (Entry e : list()) {
			if (e.step() > step) {
				delete(e);
			} else {
				complete.add(e.file());
			}
		}
		try (DirectoryStream<Path> all = Files.newDirectoryStream(folder)) {
			for (Path p : all) {
				String name = p.getFileName().toString();
				boolean orphanData = name.endsWith(".ckpt") && !complete.contains(p);
				boolean orphanMeta = name.endsWith(".json") && !Files.exists(dataOf(p));
				if (name.startsWith(".") || orphanData || orphanMeta) {
					Files.deleteIfExists(p);
				}
			}
		}
	}

	private void prune() throws IOException {
		List<Entry> all = list();
		Set<Long> keep = new HashSet<>();
		for (int i = Math.max(0, all.size() - settings.keepCheckpoints()); i < all.size(); i++) {
			keep.add(all.get(i).step());
		}
		best(all).ifPresent(e -> keep.add(e.step()));
		for (Entry e : all) {
			if (!keep.contains(e.step())) {
				delete(e);
			}
		}
	}

	/** The checkpoint with the best value of the chosen metric, if any has one. */
	private Optional<Entry> best(List<Entry> entries) {
		Comparator<Entry> byValue = Comparator.comparingDouble(Entry::value);
		Comparator<Entry> better = settings.higherIsBetter() ? byValue : byValue.reversed();
		return entries.stream().filter(e -> e.value() != null).max(better);
	}

	private void delete(Entry e) throws IOException {
		Files.deleteIfExists(metaOf(e.file()));
		Files.deleteIfExists(e.file());
	}

	private List<Path> descriptions() throws IOException {
		List<Path> out = new ArrayList<>();
		try (DirectoryStream<Path> all = Files.newDirectoryStream(folder, "step-*.json")) {
			all.forEach(out::add);
		}
		return out;
	}

	private Optional<Entry> read(Path meta, Path data) {
		Matcher m = NAME.matcher(meta.getFileName().toString());
		if (!m.matches()) {
			return Optional.empty();
		}
		try {
			JsonObject o = JsonFields.parseObject(Files.readString(meta, StandardCharsets.UTF_8));
			long step = JsonFields.wholeNumber(o, "step");
			if (step != Long.parseLong(m.group(1))) {
				return Optional.empty();
			}
			boolean hasValue = o.has("value") && !o.get("value").isJsonNull();
			return Optional.of(new Entry(step, data, JsonFields.requiredInstant(o, "time"),
					hasValue ? JsonFields.number(o, "value") : null));
		} catch (IOException e) {
			return Optional.empty();
		}
	}

	private static Path dataOf(Path meta) {
		String name = meta.getFileName().toString();
		return meta.resolveSibling(name.substring(0, name.length() - ".json".length()) + ".ckpt");
	}

	private static Path metaOf(Path data) {
		String name = data.getFileName().toString();
		return data.resolveSibling(name.substring(0, name.length() - ".ckpt".length()) + ".json");
	}
}
