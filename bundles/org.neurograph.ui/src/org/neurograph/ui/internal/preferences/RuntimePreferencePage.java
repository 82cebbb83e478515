package org.neurograph.ui.internal.preferences;

import java.util.regex.Pattern;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.StringFieldEditor;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

/**
 * A preference page over the instance-scope preference node of one runtime bundle; its description says when a
 * change takes effect (DL4J reads its preferences once, when ND4J starts; ONNX Runtime whenever it loads a model).
 */
abstract class RuntimePreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

	/** Sizes as the DL4J runtime accepts them: a number, optionally followed by k, m, g, t (bytes) or %. */
	static final Pattern SIZE = Pattern.compile("\\s*(\\d{1,18}\\s*(%|[kKmMgGtT][bB]?)?)?\\s*");

	private final String qualifier;

	RuntimePreferencePage(String qualifier, String description) {
		super(GRID);
		this.qualifier = qualifier;
		setDescription(description);
	}

	@Override
	public void init(IWorkbench workbench) {
		ScopedPreferenceStore store = new ScopedPreferenceStore(InstanceScope.INSTANCE, qualifier);
		setDefaults(store);
		setPreferenceStore(store);
	}

	/** Sets the store's default values, which "Restore Defaults" puts back. */
	abstract void setDefaults(ScopedPreferenceStore store);

	/** A text field for a size such as 4g, 512m or 50%; empty means "the library's default". */
	StringFieldEditor sizeField(String key, String label, Composite parent) {
		StringFieldEditor field = new StringFieldEditor(key, label, parent) {
			@Override
			protected boolean doCheckState() {
				return SIZE.matcher(getStringValue()).matches();
			}
		};
		field.setErrorMessage(label.replace("&", "") + " must be empty or a size such as 4g, 512m or 50%.");
		field.setEmptyStringAllowed(true);
		return field;
	}
}
