package org.neurograph.ui.internal.generators;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.swt.widgets.Composite;
import org.neurograph.api.Parameter;
import org.neurograph.api.ParameterSpec;
import org.neurograph.api.Validation;

/**
 * A form built from a {@link ParameterSpec}: one {@link ParameterField} per parameter, in spec order, each with its
 * inline message from {@link ParameterSpec#validate(Map)}, checked again at every change.
 */
public final class ParameterForm {
	private final ParameterSpec spec;
	private final List<ParameterField> fields = new ArrayList<>();

	/**
	 * @param parent   a composite with a two-column grid layout: labels, then fields
	 * @param onChange called after any value changed (the owner then calls {@link #validate()})
	 */
	public ParameterForm(Composite parent, ParameterSpec spec, Runnable onChange) {
		this.spec = spec;
		for (Parameter<?> parameter : spec.parameters()) {
			ParameterField field = Fields.create(parameter, onChange);
			field.create(parent);
			fields.add(field);
		}
	}

	/** Every value as text, in spec order. */
	public Map<String, String> values() {
		Map<String, String> values = new LinkedHashMap<>();
		for (ParameterField field : fields) {
			values.put(field.parameter().key(), field.value());
		}
		return values;
	}

	/** Sets the values given (unknown keys are ignored). */
	public void setValues(Map<String, String> values) {
		for (ParameterField field : fields) {
			String value = values.get(field.parameter().key());
			if (value != null) {
				field.setValue(value);
			}
		}
	}

	/** Puts every default back. */
	public void restoreDefaults() {
		for (ParameterField field : fields) {
			field.setValue(Fields.defaultText(field.parameter()));
		}
	}

	/** The field of a parameter. */
	public Optional<ParameterField> field(String key) {
		return fields.stream().filter(f -> f.parameter().key().equals(key)).findFirst();
	}

	/**
	 * Checks every value and shows each message under its field.
	 *
	 * @return the validation, and whether any message appeared or went (the layout then needs an update)
	 */
	public Checked validate() {
		Validation validation = spec.validate(values());
		boolean layoutChanged = false;
		for (ParameterField field : fields) {
			layoutChanged |= field.showMessage(validation.messageFor(field.parameter().key()));
		}
		return new Checked(validation, layoutChanged);
	}

	/** Fields that list assets of the project reload them. */
	public void projectChanged(Path projectDir) {
		fields.forEach(f -> f.projectChanged(projectDir));
	}

	/** A validation and whether the form's layout changed while showing it. */
	public record Checked(Validation validation, boolean layoutChanged) {
	}
}
