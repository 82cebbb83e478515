package org.neurograph.ui.internal.generators;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Text;
import org.neurograph.api.Parameter;
import org.neurograph.assets.Asset;
import org.neurograph.assets.AssetCatalog;
import org.neurograph.ui.internal.Images;
import org.neurograph.ui.internal.Statuses;

/** The editors of the generated form, one kind per kind of {@link Parameter}. */
final class Fields {
	private Fields() {
	}

	/** The field for a parameter: text for numbers and text, a combo for choices and assets, a check box for flags. */
	static ParameterField create(Parameter<?> parameter, Runnable onChange) {
		return switch (parameter) {
		case Parameter.IntegerParam p -> new TextField(p, onChange);
		case Parameter.DecimalParam p -> new TextField(p, onChange);
		case Parameter.Text p -> new TextField(p, onChange);
		case Parameter.Choice p -> new ChoiceField(p, onChange);
		case Parameter.Flag p -> new FlagField(p, onChange);
		case Parameter.Seed p -> new SeedField(p, onChange);
		case Parameter.PathParam p -> new PathField(p, onChange);
		case Parameter.AssetRef p -> new AssetField(p, onChange);
		};
	}

	/** The default of a parameter as text, or "" if it has none. */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	static String defaultText(Parameter parameter) {
		return parameter.defaultValue() == null ? "" : parameter.format(parameter.defaultValue());
	}

	/** A new random seed, as text; positive and short enough to read. */
	static String randomSeed() {
		return Long.toString(ThreadLocalRandom.current().nextLong(1L << 40));
	}

	/** A one-line text: integers, decimals and free text. */
	static class TextField extends ParameterField {
		private Text text;

		TextField(Parameter<?> parameter, Runnable onChange) {
			super(parameter, onChange);
		}

		@Override
		protected Control createEditor(Composite parent) {
			return createText(parent);
		}

		protected final Text createText(Composite parent) {
			text = new Text(parent, SWT.BORDER | SWT.SINGLE);
			text.setText(defaultText(parameter()));
			text.setMessage(parameter().describeRange());
			text.addModifyListener(e -> changed());
			return text;
		}

		/** A row of the text and a button after it. */
		protected final Composite textAndButton(Composite parent, String label, Runnable action) {
			Composite row = new Composite(parent, SWT.NONE);
			GridLayoutFactory.fillDefaults().numColumns(2).applyTo(row);
			GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(createText(row));
			Button button = new Button(row, SWT.PUSH);
			button.setText(label);
			button.addListener(SWT.Selection, e -> action.run());
			return row;
		}

		@Override
		public String value() {
			return text.getText();
		}

		@Override
		public void setValue(String value) {
			text.setText(value);
		}

		@Override
		public Control control() {
			return text;
		}
	}

	/** A seed: a whole number, and a button for a new random one. */
	static final class SeedField extends TextField {
		SeedField(Parameter.Seed parameter, Runnable onChange) {
			super(parameter, onChange);
		}

		@Override
		protected Control createEditor(Composite parent) {
			Composite row = textAndButton(parent, "Random", () -> setValue(randomSeed()));
			((Button) row.getChildren()[1]).setImage(Images.get(Images.RANDOM));
			return row;
		}
	}

	/** A path: the text, and a "Browse..." button with a file or folder dialog. */
	static final class PathField extends TextField {
		private final Parameter.PathParam path;

		PathField(Parameter.PathParam parameter, Runnable onChange) {
			super(parameter, onChange);
			this.path = parameter;
		}

		@Override
		protected Control createEditor(Composite parent) {
			return textAndButton(parent, "Browse...", this::browse);
		}

		private void browse() {
			String chosen;
			if (path.kind() == Parameter.PathKind.EXISTING_FOLDER) {
				DirectoryDialog dialog = new DirectoryDialog(control().getShell());
				dialog.setText(path.label());
				dialog.setFilterPath(value());
				chosen = dialog.open();
			} else {
				FileDialog dialog = new FileDialog(control().getShell(),
						path.kind() == Parameter.PathKind.NEW_FILE ? SWT.SAVE : SWT.OPEN);
				dialog.setText(path.label());
				if (!path.extensions().isEmpty()) {
					dialog.setFilterExtensions(new String[] {
							String.join(";", path.extensions().stream().map(e -> "*." + e).toList()), "*" });
				}
				dialog.setFileName(value());
				chosen = dialog.open();
			}
			if (chosen != null) {
				setValue(chosen);
			}
		}
	}

	/** One of fixed choices: a read-only combo. */
	static final class ChoiceField extends ParameterField {
		private final Parameter.Choice choice;
		private Combo combo;

		ChoiceField(Parameter.Choice parameter, Runnable onChange) {
			super(parameter, onChange);
			this.choice = parameter;
		}

		@Override
		protected Control createEditor(Composite parent) {
			combo = new Combo(parent, SWT.READ_ONLY | SWT.DROP_DOWN);
			combo.setItems(choice.choices().toArray(String[]::new));
			combo.setVisibleItemCount(Math.min(12, choice.choices().size()));
			combo.select(choice.choices().indexOf(choice.defaultValue()));
			combo.addListener(SWT.Selection, e -> changed());
			return combo;
		}

		@Override
		public String value() {
			return combo.getText();
		}

		@Override
		public void setValue(String text) {
			try {
				combo.select(choice.choices().indexOf(choice.parse(text)));
			} catch (IllegalArgumentException e) {
				combo.deselectAll();
			}
			changed();
		}

		@Override
		public Control control() {
			return combo;
		}
	}

	/** A yes/no switch: a check box. */
	static final class FlagField extends ParameterField {
		private Button check;

		FlagField(Parameter.Flag parameter, Runnable onChange) {
			super(parameter, onChange);
		}

		@Override
		protected Control createEditor(Composite parent) {
			check = new Button(parent, SWT.CHECK);
			check.setSelection(Boolean.TRUE.equals(parameter().defaultValue()));
			check.addListener(SWT.Selection, e -> changed());
			return check;
		}

		@Override
		public String value() {
			return Boolean.toString(check.getSelection());
		}

		@Override
		public void setValue(String text) {
			try {
				check.setSelection(((Parameter.Flag) parameter()).parse(text));
			} catch (IllegalArgumentException e) {
				check.setSelection(false);
			}
			changed();
		}

		@Override
		public Control control() {
			return check;
		}
	}

	/** An asset of the target project: a combo of the project's assets of the parameter's kind. */
	static final class AssetField extends ParameterField {
		private final Parameter.AssetRef asset;
		private Combo combo;

		AssetField(Parameter.AssetRef parameter, Runnable onChange) {
			super(parameter, onChange);
			this.asset = parameter;
		}

		@Override
		protected Control createEditor(Composite parent) {
			combo = new Combo(parent, SWT.READ_ONLY | SWT.DROP_DOWN);
			combo.addListener(SWT.Selection, e -> changed());
			return combo;
		}

		@Override
		void projectChanged(Path projectDir) {
			String previous = combo.getText();
			List<String> names = List.of();
			if (projectDir != null) {
				try {
					names = new AssetCatalog(projectDir).list(asset.kind()).stream().map(Asset::name).toList();
				} catch (IOException e) {
					Statuses.log(IStatus.WARNING, "Could not list the " + asset.kind().label().toLowerCase(Locale.ROOT)
							+ " assets of " + projectDir + ": " + e.getMessage(), e);
				}
			}
			combo.setItems(names.toArray(String[]::new));
			String wanted = names.contains(previous) ? previous : asset.defaultValue();
			int index = names.indexOf(wanted);
			combo.select(index >= 0 ? index : 0);
			combo.setEnabled(!names.isEmpty());
			changed();
		}

		@Override
		public String value() {
			return combo.getText();
		}

		@Override
		public void setValue(String text) {
			int index = List.of(combo.getItems()).indexOf(text.strip());
			if (index >= 0) {
				combo.select(index);
			}
			changed();
		}

		@Override
		public Control control() {
			return combo;
		}
	}
}
