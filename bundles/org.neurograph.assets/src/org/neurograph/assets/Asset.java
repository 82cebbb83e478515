package org.neurograph.assets;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.neurograph.api.AssetKind;

/**
 * One asset in a project: its kind, its name (a folder name for datasets, models and runs; the path below
 * {@code outputs/} for outputs, e.g. {@code 2025-05-01/face-2.png}), where it is, and what its descriptor says
 * ({@code dataset.json}, {@code model.json}, {@code run.json} or an output's provenance sidecar).
 */
public record Asset(AssetKind kind, String name, Path location, Map<String, String> metadata) {
	public Asset {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(location, "location");
		metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
	}
}
