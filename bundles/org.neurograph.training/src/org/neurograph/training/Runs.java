package org.neurograph.training;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import org.neurograph.api.AssetKind;
import org.neurograph.training.internal.Processes;
import org.neurograph.training.internal.RunJson;
import org.neurograph.training.internal.RunLock;

/**
 * The runs of a project, as they really are: a run whose {@code run.json} says running or paused but whose process
 * is gone (a crash, {@code kill -9}) reads as {@link RunState#INTERRUPTED}.
 */
public final class Runs {
	/** Run ids: folder names that are safe on every system. */
	public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

	private Runs() {
	}

	/** The project's {@code runs/} folder. */
	public static Path folder(Path project) {
		return project.resolve(AssetKind.RUN.folder());
	}

	/** Every run with a readable {@code run.json}, newest first; damaged runs are left out (see {@link #read}). */
	public static List<RunInfo> list(Path project) throws IOException {
		Path runs = folder(project);
		List<RunInfo> out = new ArrayList<>();
		if (!Files.isDirectory(runs)) {
			return out;
		}
		try (DirectoryStream<Path> all = Files.newDirectoryStream(runs)) {
			for (Path dir : all) {
				if (Files.isRegularFile(dir.resolve(RunJson.FILE))) {
					try {
						out.add(actual(dir, RunJson.read(dir)));
					} catch (IOException e) {
						// damaged: read() says why when the run is opened
					}
				}
			}
		}
		out.sort(Comparator.comparing(RunInfo::created).thenComparing(RunInfo::id).reversed());
		return out;
	}

	/**
	 * The run {@code id} of {@code project}.
	 *
	 * @throws IOException with a message for the user if there is no such run or its {@code run.json} is damaged
	 */
	public static RunInfo read(Path project, String id) throws IOException {
		if (id == null || !ID.matcher(id).matches() || id.contains("..")) {
			throw new IOException("'" + id + "' is not a run id.");
		}
		Path dir = folder(project).resolve(id);
		try {
			return actual(dir, RunJson.read(dir));
		} catch (NoSuchFileException e) {
			throw new IOException("The project has no run '" + id + "' (no file '" + dir.resolve(RunJson.FILE) + "').", e);
		}
	}

	/** The stored info with the state as it really is. */
	static RunInfo actual(Path runDir, RunInfo stored) {
		if (!stored.state().live()) {
			return stored;
		}
		boolean alive = stored.owner() != null && (Processes.isSelf(stored.owner()) ? RunLock.heldHere(runDir)
				: Processes.isAlive(stored.owner()));
		if (alive) {
			return stored;
		}
		String from = stored.checkpointStep() >= 0 ? "its last checkpoint, step " + stored.checkpointStep()
				: "the beginning (it has no checkpoint yet)";
		return stored.withState(RunState.INTERRUPTED, "Its process ended without stopping it (a crash or a kill)."
				+ " Resume it to go on from " + from + ".");
	}
}
