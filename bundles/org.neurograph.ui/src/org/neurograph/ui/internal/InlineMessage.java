package org.neurograph.ui.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/**
 * A red message under a field of a two-column form: an empty cell in the label column and the text in the field
 * column, both left out of the layout while there is nothing to say.
 */
public final class InlineMessage {
	private final Label spacer;
	private final Label text;

	/** Adds the (hidden) message row to a composite with a two-column grid layout. */
	public InlineMessage(Composite parent) {
		spacer = new Label(parent, SWT.NONE);
		spacer.setLayoutData(new GridData());
		text = new Label(parent, SWT.WRAP);
		text.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_RED));
		GridData data = new GridData(SWT.FILL, SWT.BEGINNING, true, false);
		data.widthHint = 200; // a wrapping label needs a width to wrap at; the column gives it the rest
		text.setLayoutData(data);
		setVisible(false);
	}

	/** The message shown, or "" if none. */
	public String text() {
		return text.getText();
	}

	/**
	 * Shows a message, or hides the row for null or "".
	 *
	 * @return true if anything changed (the parent then needs a layout)
	 */
	public boolean show(String message) {
		String shown = message == null ? "" : message;
		if (shown.equals(text.getText())) {
			return false;
		}
		text.setText(shown);
		setVisible(!shown.isEmpty());
		return true;
	}

	private void setVisible(boolean visible) {
		for (Label label : new Label[] { spacer, text }) {
			label.setVisible(visible);
			((GridData) label.getLayoutData()).exclude = !visible;
		}
	}
}
