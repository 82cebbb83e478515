package org.neurograph.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where a generator hands each work as soon as it is made: the host writes it into the project at once, so a long
 * batch keeps what it made when it is cancelled or fails half-way, and never holds a thousand images in memory.
 */
@ProviderType
@FunctionalInterface
public interface ArtifactSink {

	/** Takes one work; throws with a message for the user if it cannot be kept (e.g. the disk is full). */
	void accept(Artifact artifact) throws GenerationException;
}
