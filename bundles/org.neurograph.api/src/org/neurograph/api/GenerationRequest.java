package org.neurograph.api;

import java.util.Objects;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What to generate: checked parameter values, how many works, a seed and, for generators that need one, a model.
 * Work number {@code i} (from 0) must depend only on the parameters, the model and {@link #seedFor(int) seedFor(i)},
 * so that a request for one work with that seed makes it again, bit for bit.
 */
@ProviderType
public record GenerationRequest(ParameterValues parameters, int count, long seed, Optional<ModelRef> model) {
	/** The most works one request may ask for. */
	public static final int MAX_COUNT = 10_000;

	public GenerationRequest {
		Objects.requireNonNull(parameters, "parameters");
		if (count < 1 || count > MAX_COUNT) {
			throw new IllegalArgumentException("count must be from 1 to " + MAX_COUNT + ", not " + count);
		}
		model = model == null ? Optional.empty() : model;
	}

	/** A request without a model. */
	public GenerationRequest(ParameterValues parameters, int count, long seed) {
		this(parameters, count, seed, Optional.empty());
	}

	/** The seed of work number {@code index}: {@code seed + index}. */
	public long seedFor(int index) {
		if (index < 0 || index >= count) {
			throw new IndexOutOfBoundsException("index " + index + " of " + count);
		}
		return seed + index;
	}
}
