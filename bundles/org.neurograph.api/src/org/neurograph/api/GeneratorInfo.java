package org.neurograph.api;

import java.util.Objects;
import java.util.regex.Pattern;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Who a generator is: a stable id (reverse domain name, e.g. {@code com.example.flowfield}), a display name,
 * its own version (recorded in provenance), what it makes and a sentence about it.
 */
@ProviderType
public record GeneratorInfo(String id, String name, String version, MediaKind mediaKind, String description) {
	/** Ids: lower-case words separated by '.', '-' or '_'. */
	public static final Pattern ID = Pattern.compile("[a-z][a-z0-9_-]*(\\.[a-z0-9_-]+)*");

	public GeneratorInfo {
		Objects.requireNonNull(id, "id");
		if (!ID.matcher(id).matches()) {
			throw new IllegalArgumentException("invalid generator id '" + id + "': use lower-case words separated by dots");
		}
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(version, "version");
		Objects.requireNonNull(mediaKind, "mediaKind");
		description = description == null ? "" : description;
	}
}
