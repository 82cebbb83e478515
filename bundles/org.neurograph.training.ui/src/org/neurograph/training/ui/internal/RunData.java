package org.neurograph.training.ui.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.neurograph.api.training.Metric;
import org.neurograph.training.MetricsLog;
import org.neurograph.training.RunFolder;

/**
 * The metrics of one run, read from its log a piece at a time: each refresh reads only the lines added since the
 * last one, and starts over when the engine has rewritten the log (a resumed run).
 */
final class RunData {
	private final RunFolder folder;
	private final Map<String, Series> series = new TreeMap<>();
	private long offset;
	private Object fileKey;
	private long lastStep = -1;

	RunData(RunFolder folder) {
		this.folder = folder;
	}

	RunFolder folder() {
		return folder;
	}

	/** Reads the lines added since the last refresh; true if anything changed. */
	boolean refresh() throws IOException {
		Path file = folder.path().resolve(MetricsLog.FILE);
		BasicFileAttributes attributes;
		try {
			attributes = Files.readAttributes(file, BasicFileAttributes.class);
		} catch (NoSuchFileException e) {
			return false;
		}
		boolean changed = false;
		Object key = attributes.fileKey() != null ? attributes.fileKey() : attributes.creationTime();
		if (!Objects.equals(key, fileKey) || attributes.size() < offset) {
			series.clear();
			offset = 0;
			lastStep = -1;
			fileKey = key;
			changed = true;
		}
		MetricsLog.Chunk chunk = MetricsLog.readFrom(folder.path(), offset);
		for (Metric m : chunk.metrics()) {
			series.computeIfAbsent(m.name(), n -> new Series()).add(m.step(), m.value());
			lastStep = m.step();
		}
		offset = chunk.nextOffset();
		return changed || !chunk.metrics().isEmpty();
	}

	/** The last step logged, or null if none. */
	Long lastStep() {
		return lastStep < 0 ? null : lastStep;
	}

	/** The metric names, sorted. */
	Set<String> names() {
		return series.keySet();
	}

	/** The points of {@code name}; null if the run has none. */
	Series series(String name) {
		return series.get(name);
	}
}
