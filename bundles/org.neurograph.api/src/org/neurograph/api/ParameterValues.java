package org.neurograph.api;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Checked, typed values for every parameter of a {@link ParameterSpec} (defaults filled in), made by
 * {@link ParameterSpec#resolve(Map)}. Getters throw {@link NoSuchElementException} for unknown keys and
 * {@link ClassCastException} when asked for the wrong type: both are programming errors in the generator.
 */
@ProviderType
public final class ParameterValues {
	private final ParameterSpec spec;
	private final Map<String, Object> values;

	ParameterValues(ParameterSpec spec, Map<String, Object> values) {
		this.spec = spec;
		this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
	}

	/** The spec these values were checked against. */
	public ParameterSpec spec() {
		return spec;
	}

	/** The value of {@code key}, as the type its parameter parses to. */
	public Object get(String key) {
		if (!values.containsKey(key)) {
			throw new NoSuchElementException("no parameter '" + key + "' in " + values.keySet());
		}
		return values.get(key);
	}

	public int getInt(String key) {
		return (Integer) get(key);
	}

	public double getDouble(String key) {
		return (Double) get(key);
	}

	public boolean getBoolean(String key) {
		return (Boolean) get(key);
	}

	public long getLong(String key) {
		return (Long) get(key);
	}

	/** The value of a choice, text or asset parameter. */
	public String getString(String key) {
		return (String) get(key);
	}

	public Path getPath(String key) {
		return (Path) get(key);
	}

	/**
	 * Every value as the text its parameter accepts, in spec order: what provenance records hold, and what
	 * {@link ParameterSpec#resolve(Map)} turns back into the same values.
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public Map<String, String> asStrings() {
		Map<String, String> out = new LinkedHashMap<>();
		for (Parameter p : spec.parameters()) {
			Object v = values.get(p.key());
			out.put(p.key(), v == null ? "" : p.format(v));
		}
		return Collections.unmodifiableMap(out);
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof ParameterValues other && values.equals(other.values);
	}

	@Override
	public int hashCode() {
		return values.hashCode();
	}

	@Override
	public String toString() {
		return asStrings().toString();
	}
}
