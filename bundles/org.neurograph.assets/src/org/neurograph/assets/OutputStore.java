package org.neurograph.assets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.neurograph.api.Artifact;
import org.neurograph.api.AssetKind;

/**
 * Writes generated artifacts into {@code <project>/outputs/<yyyy-mm-dd>/}: each work under a name of its own
 * ({@code name}, {@code name-2}, {@code name-3}, ...; an existing file is never replaced) with its provenance sidecar
 * {@code <name>.json}; PNG works also carry their provenance inside ({@link PngProvenance}). The sidecar is written
 * first and the work last, both atomically, so a work that appears always has its provenance.
 */
public final class OutputStore {
	private static final int MAX_SUFFIX = 100_000;

	private final Path projectDir;

	/** A store for the project in {@code projectDir}. */
	public OutputStore(Path projectDir) {
		this.projectDir = Objects.requireNonNull(projectDir, "projectDir");
	}

	/**
	 * Writes the artifacts into the folder of {@code day}.
	 *
	 * @return the written works in the order of {@code artifacts} (each sidecar is at {@link ProvenanceJson#sidecarOf})
	 * @throws IOException if an artifact cannot be written (those before it stay written), or is a PNG that is not
	 *                     well-formed, or has the extension {@code json} that sidecars use
	 */
	public List<Path> write(List<Artifact> artifacts, LocalDate day) throws IOException {
		Path folder = projectDir.resolve(AssetKind.OUTPUT.folder()).resolve(day.toString());
		Files.createDirectories(folder);
		List<Path> written = new ArrayList<>(artifacts.size());
		for (Artifact artifact : artifacts) {
			written.add(write(folder, artifact));
		}
		return List.copyOf(written);
	}

	/** Writes the artifacts into the folder of today. */
	public List<Path> write(List<Artifact> artifacts) throws IOException {
		return write(artifacts, LocalDate.now());
	}

	private static Path write(Path folder, Artifact artifact) throws IOException {
		if (artifact.extension().equals("json")) {
			throw new IOException("The work '" + artifact.name() + "' has the extension .json, which is kept for "
					+ "provenance sidecars: its generator must use another extension.");
		}
		byte[] work = content(artifact);
		byte[] sidecar = ProvenanceJson.toJson(artifact.provenance()).getBytes(StandardCharsets.UTF_8);
		for (int n = 1; n <= MAX_SUFFIX; n++) {
			Path file = folder.resolve((n == 1 ? artifact.name() : artifact.name() + "-" + n) + "." + artifact.extension());
			Path json = ProvenanceJson.sidecarOf(file);
			if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) || Files.exists(json, LinkOption.NOFOLLOW_LINKS)) {
				continue;
			}
			try {
				AtomicFiles.writeNew(json, sidecar);
			} catch (FileAlreadyExistsException e) {
				continue; // taken by a concurrent writer since the check
			}
			try {
				AtomicFiles.writeNew(file, work);
				return file;
			} catch (FileAlreadyExistsException e) {
				Files.deleteIfExists(json);
			} catch (IOException | RuntimeException e) {
				Files.deleteIfExists(json);
				throw e;
			}
		}
		throw new IOException("There are too many works named '" + artifact.name() + "' in " + folder + ".");
	}

	private static byte[] content(Artifact artifact) throws IOException {
		if (!artifact.extension().equals("png")) {
			return artifact.data();
		}
		try {
			return PngProvenance.embed(artifact.data(), artifact.provenance());
		} catch (IOException e) {
			throw new IOException("The work '" + artifact.name() + "' cannot be saved: its generator made a broken PNG ("
					+ e.getMessage() + ")", e);
		}
	}
}
