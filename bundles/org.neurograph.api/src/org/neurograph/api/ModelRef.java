package org.neurograph.api;

import java.nio.file.Path;
import java.util.Objects;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The model asset a generation uses: its name in the project, the folder that holds it, and the SHA-256 of its
 * model file, which provenance records so that a result can be traced to the exact weights.
 */
@ProviderType
public record ModelRef(String name, Path location, String sha256) {
	public ModelRef {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(location, "location");
		Objects.requireNonNull(sha256, "sha256");
	}
}
