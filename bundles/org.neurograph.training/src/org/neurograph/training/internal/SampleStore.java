package org.neurograph.training.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.neurograph.api.Artifact;
import org.neurograph.assets.AtomicFiles;
import org.neurograph.assets.ProvenanceJson;

/**
 * A run's {@code samples/} folder: {@code samples/<step>/} holds the artifacts a session made at that step, each
 * with its provenance sidecar. A step's folder is filled under a hidden name and renamed into place, so it appears
 * complete or not at all.
 */
public final class SampleStore {
	/** The folder name inside a run folder. */
	public static final String FOLDER = "samples";

	private final Path folder;

	public SampleStore(Path runDir) {
		this.folder = runDir.resolve(FOLDER);
	}

	/** Writes the samples of {@code step}; returns the files written (sidecars not included). */
	public List<Path> write(long step, List<Artifact> artifacts) throws IOException {
		Files.createDirectories(folder);
		Path target = folder.resolve(Long.toString(step));
		Path staging = Files.createTempDirectory(folder, "." + step + "-");
		List<String> names = new ArrayList<>();
		try {
			Set<String> taken = new HashSet<>();
			for (Artifact a : artifacts) {
				String base = unique(a.name(), taken);
				String file = base + "." + a.extension();
				AtomicFiles.write(staging.resolve(file), a.data());
				AtomicFiles.writeString(ProvenanceJson.sidecarOf(staging.resolve(file)), ProvenanceJson.toJson(a.provenance()));
				names.add(file);
			}
			Recursive.delete(target);
			Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
		} finally {
			Recursive.delete(staging);
		}
		return names.stream().map(target::resolve).toList();
	}

	/** Removes the samples of steps after {@code step} and half-written step folders. */
	public void dropAfter(long step) throws IOException {
		if (!Files.isDirectory(folder)) {
			return;
		}
		try (DirectoryStream<Path> all = Files.newDirectoryStream(folder)) {
			for (Path p : all) {
				String name = p.getFileName().toString();
				if (name.startsWith(".") || (name.matches("\\d{1,18}") && Long.parseLong(name) > step)) {
					Recursive.delete(p);
				}
			}
		}
	}

	/** The steps with samples, in order. */
	public List<Long> steps() throws IOException {
		List<Long> out = new ArrayList<>();
		if (!Files.isDirectory(folder)) {
			return out;
		}
		try (DirectoryStream<Path> all = Files.newDirectoryStream(folder)) {
			for (Path p : all) {
				String name = p.getFileName().toString();
				if (name.matches("\\d{1,18}") && Files.isDirectory(p)) {
					out.add(Long.parseLong(name));
				}
			}
		}
		out.sort(null);
		return out;
	}

	/** The sample files of {@code step}, sorted by name, without their {@code .json} sidecars; empty if none. */
	public List<Path> files(long step) throws IOException {
		Path dir = folder.resolve(Long.toString(step));
		List<Path> out = new ArrayList<>();
		if (!Files.isDirectory(dir)) {
			return out;
		}
		try (DirectoryStream<Path> all = Files.newDirectoryStream(dir)) {
			for (Path p : all) {
				String name = p.getFileName().toString();
				if (!name.startsWith(".") && !name.endsWith(".json") && Files.isRegularFile(p)) {
					out.add(p);
				}
			}
		}
		out.sort(null);
		return out;
	}

	private static String unique(String name, Set<String> taken) {
		String candidate = name;
		for (int i = 2; !taken.add(candidate); i++) {
			candidate = name + "-" + i;
		}
		return candidate;
	}
}
