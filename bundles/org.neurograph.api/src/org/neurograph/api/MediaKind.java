package org.neurograph.api;

import org.osgi.annotation.versioning.ProviderType;

/** What kind of work a generator makes. */
@ProviderType
public enum MediaKind {
	/** Raster images (PNG). */
	IMAGE("Image"),
	/** Text: poems, prose. */
	TEXT("Text"),
	/** Music: tunes as ABC, MIDI or audio. */
	MUSIC("Music");

	private final String label;

	MediaKind(String label) {
		this.label = label;
	}

	/** A human-readable name, e.g. "Image". */
	public String label() {
		return label;
	}
}
