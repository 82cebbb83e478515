package org.neurograph.api.training;

import java.util.Objects;

import org.neurograph.api.AssetKind;
import org.neurograph.api.GeneratorInfo;
import org.neurograph.api.MediaKind;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Who a trainer is: id, name, version, the kind of dataset it learns from and the kind of work its models make.
 */
@ProviderType
public record TrainerInfo(String id, String name, String version, AssetKind datasetKind, MediaKind mediaKind,
		String description) {
	public TrainerInfo {
		Objects.requireNonNull(id, "id");
		if (!GeneratorInfo.ID.matcher(id).matches()) {
			throw new IllegalArgumentException("invalid trainer id '" + id + "': use lower-case words separated by dots");
		}
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(version, "version");
		Objects.requireNonNull(datasetKind, "datasetKind");
		Objects.requireNonNull(mediaKind, "mediaKind");
		description = description == null ? "" : description;
	}
}
