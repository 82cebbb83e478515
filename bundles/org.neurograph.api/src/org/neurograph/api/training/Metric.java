package org.neurograph.api.training;

import java.time.Instant;
import java.util.Objects;

import org.osgi.annotation.versioning.ProviderType;

/** One measured value at one step, e.g. {@code loss} = 1.83 at step 200. */
@ProviderType
public record Metric(long step, String name, double value, Instant time) {
	public Metric {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(time, "time");
		if (step < 0) {
			throw new IllegalArgumentException("step must not be negative: " + step);
		}
	}

	/** A value measured now. */
	public static Metric now(long step, String name, double value) {
		return new Metric(step, name, value, Instant.now());
	}
}
