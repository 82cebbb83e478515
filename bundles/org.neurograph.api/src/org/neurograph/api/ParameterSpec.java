package org.neurograph.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The typed parameters of a generator or trainer, in the order a form shows them. The workbench builds its
 * generator panel from it, the command line its {@code --param key=value} handling and {@code list} output.
 *
 * <pre>{@code
 * ParameterSpec spec = ParameterSpec.builder()
 *     .integer("size", "Size (pixels)", "Width and height of each image.", 512, 64, 4096)
 *     .choice("palette", "Palette", "Colours to paint with.", "ember", List.of("ember", "ocean"))
 *     .build();
 * }</pre>
 */
@ProviderType
public final class ParameterSpec {
	private static final ParameterSpec EMPTY = new ParameterSpec(List.of());

	private final List<Parameter<?>> parameters;
	private final Map<String, Parameter<?>> byKey;

	private ParameterSpec(List<Parameter<?>> parameters) {
		this.parameters = List.copyOf(parameters);
		Map<String, Parameter<?>> map = new LinkedHashMap<>();
		for (Parameter<?> p : parameters) {
			if (map.put(p.key(), p) != null) {
				throw new IllegalArgumentException("duplicate parameter key '" + p.key() + "'");
			}
		}
		this.byKey = Collections.unmodifiableMap(map);
	}

	/** A spec with no parameters. */
	public static ParameterSpec empty() {
		return EMPTY;
	}

	public static Builder builder() {
		return new Builder();
	}

	/** The parameters in form order. */
	public List<Parameter<?>> parameters() {
		return parameters;
	}

	/** The parameter with this key, if any. */
	public Optional<Parameter<?>> get(String key) {
		return Optional.ofNullable(byKey.get(key));
	}

	/** The default of every parameter that has one, as text. */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public Map<String, String> defaults() {
		Map<String, String> out = new LinkedHashMap<>();
		for (Parameter p : parameters) {
			if (p.defaultValue() != null) {
				out.put(p.key(), p.format(p.defaultValue()));
			}
		}
		return out;
	}

	/**
	 * Checks values given as text. Missing keys take their defaults; a missing required value, an unknown key
	 * and every value its parameter does not accept each get one message.
	 */
	public Validation validate(Map<String, String> raw) {
		Map<String, String> errors = new LinkedHashMap<>();
		parse(raw, errors);
		return new Validation(errors);
	}

	/** Checks and parses values given as text; defaults fill in what is missing. */
	public ParameterValues resolve(Map<String, String> raw) throws InvalidParametersException {
		Map<String, String> errors = new LinkedHashMap<>();
		Map<String, Object> values = parse(raw, errors);
		if (!errors.isEmpty()) {
			throw new InvalidParametersException(new Validation(errors));
		}
		return new ParameterValues(this, values);
	}

	/** The values of the defaults alone; fails if a parameter is required. */
	public ParameterValues defaultValues() throws InvalidParametersException {
		return resolve(Map.of());
	}

	private Map<String, Object> parse(Map<String, String> raw, Map<String, String> errors) {
		Map<String, Object> values = new LinkedHashMap<>();
		for (Parameter<?> p : parameters) {
			String text = raw.get(p.key());
			if (text == null) {
				if (p.defaultValue() == null) {
					errors.put(p.key(), "A value is needed: " + p.describeRange() + ".");
				} else {
					values.put(p.key(), p.defaultValue());
				}
				continue;
			}
			try {
				values.put(p.key(), p.parse(text));
			} catch (IllegalArgumentException e) {
				errors.put(p.key(), e.getMessage());
			}
		}
		for (String key : raw.keySet()) {
			if (!byKey.containsKey(key)) {
				errors.put(key, "Unknown parameter. Known parameters: "
						+ (byKey.isEmpty() ? "none" : String.join(", ", byKey.keySet())) + ".");
			}
		}
		return values;
	}

	@Override
	public String toString() {
		return "ParameterSpec" + byKey.keySet();
	}

	/** Builds a {@link ParameterSpec}; each method adds one parameter and checks its definition. */
	public static final class Builder {
		private final List<Parameter<?>> parameters = new ArrayList<>();

		private Builder() {
		}

		public Builder add(Parameter<?> parameter) {
			parameters.add(parameter);
			return this;
		}

		public Builder integer(String key, String label, String help, int defaultValue, int min, int max) {
			return add(new Parameter.IntegerParam(key, label, help, defaultValue, min, max));
		}

		public Builder decimal(String key, String label, String help, double defaultValue, double min, double max) {
			return add(new Parameter.DecimalParam(key, label, help, defaultValue, min, max));
		}

		public Builder choice(String key, String label, String help, String defaultValue, List<String> choices) {
			return add(new Parameter.Choice(key, label, help, defaultValue, choices));
		}

		public Builder flag(String key, String label, String help, boolean defaultValue) {
			return add(new Parameter.Flag(key, label, help, defaultValue));
		}

		public Builder text(String key, String label, String help, String defaultValue, int maxLength) {
			return add(new Parameter.Text(key, label, help, defaultValue, maxLength, null, null));
		}

		public Builder seed(String key, String label, String help, long defaultValue) {
			return add(new Parameter.Seed(key, label, help, defaultValue));
		}

		public Builder path(String key, String label, String help, Path defaultValue, Parameter.PathKind kind,
				List<String> extensions) {
			return add(new Parameter.PathParam(key, label, help, defaultValue, kind, extensions));
		}

		public Builder asset(String key, String label, String help, String defaultValue, AssetKind kind) {
			return add(new Parameter.AssetRef(key, label, help, defaultValue, kind));
		}

		public ParameterSpec build() {
			return new ParameterSpec(parameters);
		}
	}
}
