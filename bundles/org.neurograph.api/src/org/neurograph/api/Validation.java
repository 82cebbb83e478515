package org.neurograph.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The result of checking parameter values: one message per bad value, keyed by parameter key, in the order of the
 * spec (unknown keys last). Forms show {@link #messageFor(String)} beside each field.
 */
@ProviderType
public final class Validation {
	private final Map<String, String> errors;

	Validation(Map<String, String> errors) {
		this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
	}

	/** True if every value is valid. */
	public boolean isValid() {
		return errors.isEmpty();
	}

	/** Parameter key to message, for the bad values only. */
	public Map<String, String> errors() {
		return errors;
	}

	/** The message for one parameter, or {@code null} if its value is fine. */
	public String messageFor(String key) {
		return errors.get(key);
	}

	/** All messages, one per line, each starting with its key. */
	public String summary() {
		return errors.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("\n"));
	}

	@Override
	public String toString() {
		return isValid() ? "valid" : summary();
	}
}
