package org.neurograph.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.neurograph.api.training.Metric;
import org.neurograph.training.internal.CheckpointStore;
import org.neurograph.training.internal.RunJson;
import org.neurograph.training.internal.SampleStore;

/**
 * Read access to what a run has written, for dashboards and the command line: its info, metric log, samples by
 * step and checkpoints. Safe to use while the run trains.
 */
public final class RunFolder {
	private final Path path;

	private RunFolder(Path path) {
		this.path = path;
	}

	/** The folder of run {@code id} in {@code project}. */
	public static RunFolder of(Path project, String id) {
		return new RunFolder(Runs.folder(project).resolve(id));
	}

	/** The run folder at {@code path} ({@code <project>/runs/<id>}). */
	public static RunFolder at(Path path) {
		return new RunFolder(path);
	}

	public Path path() {
		return path;
	}

	/** The run's id (its folder name). */
	public String id() {
		return path.getFileName().toString();
	}

	/** The run's info with its actual state ({@link RunState#INTERRUPTED} if its process is gone). */
	public RunInfo info() throws IOException {
		return Runs.actual(path, RunJson.read(path));
	}

	/** Every metric logged so far. */
	public List<Metric> metrics() throws IOException {
		return MetricsLog.read(path);
	}

	/** The metrics logged after {@code offset} (see {@link MetricsLog#readFrom}). */
	public MetricsLog.Chunk metricsFrom(long offset) throws IOException {
		return MetricsLog.readFrom(path, offset);
	}

	/** The steps at which samples were taken, in order. */
	public List<Long> sampleSteps() throws IOException {
		return new SampleStore(path).steps();
	}

	/** The sample files of {@code step} (each has a provenance sidecar beside it), sorted by name. */
	public List<Path> samples(long step) throws IOException {
		return new SampleStore(path).files(step);
	}

	/** The steps of the checkpoints kept, in order. */
	public List<Long> checkpointSteps() throws IOException {
		return new CheckpointStore(path, info().settings()).list().stream().map(CheckpointStore.Entry::step).toList();
	}
}
