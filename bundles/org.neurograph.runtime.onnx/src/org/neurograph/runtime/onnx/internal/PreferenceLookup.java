package org.neurograph.runtime.onnx.internal;

import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.preferences.ConfigurationScope;
import org.eclipse.core.runtime.preferences.DefaultScope;
import org.eclipse.core.runtime.preferences.IScopeContext;
import org.eclipse.core.runtime.preferences.InstanceScope;

/** Reads a preference the way the Eclipse preference service does: instance, then configuration, then default scope. */
public final class PreferenceLookup {

	private static final List<IScopeContext> SCOPES = List.of(InstanceScope.INSTANCE, ConfigurationScope.INSTANCE,
			DefaultScope.INSTANCE);

	private final String qualifier;

	/** A lookup in the preference node {@code qualifier}. */
	public PreferenceLookup(String qualifier) {
		this.qualifier = qualifier;
	}

	/** The first non-blank value of {@code key} (trimmed), or empty when no scope sets it. */
	public Optional<String> get(String key) {
		for (IScopeContext scope : SCOPES) {
			String value;
			try {
				value = scope.getNode(qualifier).get(key, null);
			} catch (IllegalStateException noLocation) {
				continue; // e.g. no instance area (-data @none): that scope holds nothing
			}
			if (value != null && !value.isBlank()) {
				return Optional.of(value.trim());
			}
		}
		return Optional.empty();
	}
}
