package org.neurograph.ui.internal.preferences;

import org.eclipse.jface.preference.IntegerFieldEditor;
import org.eclipse.ui.preferences.ScopedPreferenceStore;
import org.neurograph.runtime.onnx.OnnxPreferences;

/** Preferences > Neurograph > ONNX Runtime: intra-op threads and the largest model file accepted. */
public class OnnxPreferencePage extends RuntimePreferencePage {

	/** The page's id in plugin.xml. */
	public static final String ID = "org.neurograph.ui.preferences.onnx";

	public OnnxPreferencePage() {
		super(OnnxPreferences.QUALIFIER, "ONNX Runtime (fast style models and other inference). 0 threads lets "
				+ "ONNX Runtime choose (one per core).\nChanges apply to models loaded afterwards.");
	}

	@Override
	void setDefaults(ScopedPreferenceStore store) {
		store.setDefault(OnnxPreferences.INTRA_OP_THREADS, OnnxPreferences.DEFAULT_INTRA_OP_THREADS);
		store.setDefault(OnnxPreferences.MAX_MODEL_MEGABYTES, OnnxPreferences.DEFAULT_MAX_MODEL_MEGABYTES);
	}

	@Override
	protected void createFieldEditors() {
		IntegerFieldEditor threads = new IntegerFieldEditor(OnnxPreferences.INTRA_OP_THREADS, "&Intra-op threads:",
				getFieldEditorParent(), 3);
		threads.setValidRange(0, 256);
		threads.setErrorMessage("Intra-op threads must be a whole number from 0 (automatic) to 256.");
		addField(threads);
		IntegerFieldEditor size = new IntegerFieldEditor(OnnxPreferences.MAX_MODEL_MEGABYTES,
				"&Largest model file (MB):", getFieldEditorParent(), 6);
		size.setValidRange(1, 2047);
		size.setErrorMessage("The largest model file must be a whole number of megabytes from 1 to 2047.");
		addField(size);
	}
}
