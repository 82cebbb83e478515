package org.neurograph.ui.internal.generators;

import java.nio.file.Path;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.neurograph.api.Parameter;
import org.neurograph.ui.internal.InlineMessage;

/**
 * One row of a generated form: a label with the parameter's help as tooltip, an editor, and under it an inline
 * message (red) that is shown while the value is not valid. The value travels as the text the parameter parses.
 */
public abstract class ParameterField {
	private final Parameter<?> parameter;
	private final Runnable onChange;
	private InlineMessage message;

	ParameterField(Parameter<?> parameter, Runnable onChange) {
		this.parameter = parameter;
		this.onChange = onChange;
	}

	/** Creates the label, editor and message in a two-column grid. */
	final void create(Composite parent) {
		Label label = new Label(parent, SWT.NONE);
		label.setText(parameter.label() + ":");
		label.setToolTipText(tooltip());
		GridDataFactory.swtDefaults().align(SWT.BEGINNING, SWT.CENTER).applyTo(label);
		Control editor = createEditor(parent);
		editor.setToolTipText(tooltip());
		GridDataFactory.fillDefaults().grab(true, false).hint(80, SWT.DEFAULT).applyTo(editor);
		message = new InlineMessage(parent);
	}

	/** The parameter this field edits. */
	public Parameter<?> parameter() {
		return parameter;
	}

	/** The value as text. */
	public abstract String value();

	/** Sets the value as text (as a user would type it) and tells the form. */
	public abstract void setValue(String text);

	/** The main control, e.g. for focus. */
	public abstract Control control();

	/** The inline message shown now, or "" when the value is valid. */
	public String message() {
		return message.text();
	}

	/** Shows (or, with null, hides) the inline message; returns true if the layout changed. */
	final boolean showMessage(String text) {
		return message.show(text);
	}

	/** Called when the project changes: fields that list project assets reload them. */
	void projectChanged(Path projectDir) {
		// most fields do not depend on the project
	}

	protected abstract Control createEditor(Composite parent);

	protected final void changed() {
		onChange.run();
	}

	private String tooltip() {
		String help = parameter.help();
		return (help.isBlank() ? "" : help + "\n") + "Expected: " + parameter.describeRange() + ".";
	}
}
