package org.neurograph.ui.internal.preferences;

import org.eclipse.jface.preference.DirectoryFieldEditor;
import org.eclipse.jface.preference.IntegerFieldEditor;
import org.eclipse.ui.preferences.ScopedPreferenceStore;
import org.neurograph.runtime.dl4j.Dl4jPreferences;

/** Preferences > Neurograph: ND4J's threads, its off-heap memory caps and the folder of its native libraries. */
public class Dl4jPreferencePage extends RuntimePreferencePage {

	/** The page's id in plugin.xml. */
	public static final String ID = "org.neurograph.ui.preferences.dl4j";

	public Dl4jPreferencePage() {
		super(Dl4jPreferences.QUALIFIER, "DL4J (training and the networks that run on it). One thread trains small "
				+ "networks fastest on most machines; more threads help large matrix products.\nChanges take effect the next time Neurograph starts.");
	}

	@Override
	void setDefaults(ScopedPreferenceStore store) {
		store.setDefault(Dl4jPreferences.THREADS, Dl4jPreferences.DEFAULT_THREADS);
		store.setDefault(Dl4jPreferences.MAX_BYTES, "");
		store.setDefault(Dl4jPreferences.MAX_PHYSICAL_BYTES, "");
		store.setDefault(Dl4jPreferences.CACHE_DIR, "");
	}

	@Override
	protected void createFieldEditors() {
		IntegerFieldEditor threads = new IntegerFieldEditor(Dl4jPreferences.THREADS, "ND4J &threads:",
				getFieldEditorParent(), 3);
		threads.setValidRange(1, 256);
		threads.setErrorMessage("ND4J threads must be a whole number from 1 to 256.");
		addField(threads);
		addField(sizeField(Dl4jPreferences.MAX_BYTES, "Off-heap memory &cap:", getFieldEditorParent()));
		addField(sizeField(Dl4jPreferences.MAX_PHYSICAL_BYTES, "&Process memory cap:", getFieldEditorParent()));
		DirectoryFieldEditor cache = new DirectoryFieldEditor(Dl4jPreferences.CACHE_DIR, "&Native library folder:",
				getFieldEditorParent());
		cache.setEmptyStringAllowed(true);
		addField(cache);
	}
}
