package org.neurograph.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The kinds of assets a Neurograph project holds, and the project folder each lives in.
 * An {@link Parameter.AssetRef asset parameter} names one of these kinds.
 */
@ProviderType
public enum AssetKind {
	/** A folder of images under {@code datasets/}. */
	IMAGE_DATASET("datasets", "Image dataset"),
	/** A folder of UTF-8 texts under {@code datasets/}. */
	TEXT_CORPUS("datasets", "Text corpus"),
	/** A folder of tunes (ABC, MIDI) under {@code datasets/}. */
	TUNE_COLLECTION("datasets", "Tune collection"),
	/** A trained or imported model under {@code models/}, described by its {@code model.json}. */
	MODEL("models", "Model"),
	/** A training run under {@code runs/}. */
	RUN("runs", "Training run"),
	/** A generated work under {@code outputs/}, with its provenance sidecar. */
	OUTPUT("outputs", "Output");

	private final String folder;
	private final String label;

	AssetKind(String folder, String label) {
		this.folder = folder;
		this.label = label;
	}

	/** The top-level project folder that holds assets of this kind. */
	public String folder() {
		return folder;
	}

	/** A human-readable name. */
	public String label() {
		return label;
	}
}
