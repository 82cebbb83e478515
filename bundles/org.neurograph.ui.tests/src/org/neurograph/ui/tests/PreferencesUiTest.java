package org.neurograph.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neurograph.ui.internal.preferences.Dl4jPreferencePage;
import org.neurograph.ui.internal.preferences.OnnxPreferencePage;

/** Preferences > Neurograph: the runtimes' settings, checked as they are typed and stored where the runtimes read. */
class PreferencesUiTest {
	private static final String DL4J = "org.neurograph.runtime.dl4j";
	private static final String ONNX = "org.neurograph.runtime.onnx";

	@AfterEach
	void forget() throws Exception {
		for (String node : new String[] { DL4J, ONNX }) {
			IEclipsePreferences prefs = InstanceScope.INSTANCE.getNode(node);
			prefs.clear();
			prefs.flush();
		}
	}

	@Test
	void dl4jPageRefusesBadValuesAndStoresGoodOnesWhereTheRuntimeReadsThem() throws Exception {
		PreferenceDialog dialog = PreferencesUtil.createPreferenceDialogOn(Ui.window().getShell(),
				Dl4jPreferencePage.ID, null, null);
		dialog.setBlockOnOpen(false);
		dialog.open();
		try {
			Dl4jPreferencePage page = assertInstanceOf(Dl4jPreferencePage.class, dialog.getSelectedPage());
			List<Text> fields = texts(page.getControl());
			Text threads = fields.get(0);
			Text offHeap = fields.get(1);
			assertEquals("1", threads.getText(), "one ND4J thread by default");

			type(threads, "0");
			Ui.dispatch(100);
			assertFalse(page.isValid(), "0 threads is refused");
			assertTrue(page.getErrorMessage().contains("from 1 to 256"), page.getErrorMessage());

			type(threads, "2");
			type(offHeap, "lots");
			Ui.dispatch(100);
			assertFalse(page.isValid(), "a size that is not a size is refused");
			assertTrue(page.getErrorMessage().contains("such as 4g"), page.getErrorMessage());

			type(offHeap, "4g");
			Ui.dispatch(100);
			assertTrue(page.isValid(), String.valueOf(page.getErrorMessage()));
			Ui.screenshot("10-preferences-dl4j.png");
			assertTrue(page.performOk());
		} finally {
			dialog.close();
		}
		IEclipsePreferences stored = InstanceScope.INSTANCE.getNode(DL4J);
		assertEquals("2", stored.get("threads", null));
		assertEquals("4g", stored.get("maxBytes", null));
	}

	@Test
	void onnxPageStoresIntraOpThreads() throws Exception {
		PreferenceDialog dialog = PreferencesUtil.createPreferenceDialogOn(Ui.window().getShell(),
				OnnxPreferencePage.ID, null, null);
		dialog.setBlockOnOpen(false);
		dialog.open();
		try {
			OnnxPreferencePage page = assertInstanceOf(OnnxPreferencePage.class, dialog.getSelectedPage());
			Text threads = texts(page.getControl()).get(0);
			assertEquals("0", threads.getText(), "automatic by default");
			type(threads, "300");
			Ui.dispatch(100);
			assertFalse(page.isValid(), "300 threads is refused");
			type(threads, "1");
			Ui.dispatch(100);
			assertTrue(page.isValid(), String.valueOf(page.getErrorMessage()));
			assertTrue(page.performOk());
		} finally {
			dialog.close();
		}
		assertEquals("1", InstanceScope.INSTANCE.getNode(ONNX).get("intraOpThreads", null));
	}

	/** Puts text into a field as typing does: field editors check their value when a key is released. */
	private static void type(Text field, String text) {
		field.setText(text);
		field.notifyListeners(SWT.KeyUp, new Event());
	}

	private static List<Text> texts(Control control) {
		List<Text> found = new ArrayList<>();
		collect(control, found);
		return found;
	}

	private static void collect(Control control, List<Text> found) {
		if (control instanceof Text text) {
			found.add(text);
		} else if (control instanceof Composite composite) {
			for (Control child : composite.getChildren()) {
				collect(child, found);
			}
		}
	}
}
