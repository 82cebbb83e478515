package org.neurograph.training.ui.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Scale;
import org.eclipse.swt.widgets.Text;
import org.neurograph.training.RunFolder;

/**
 * The samples of a run at any step it took them, chosen with a slider (not only the latest): images as a grid, texts
 * and tunes as text. While the slider is at the last step it follows new samples as they come.
 */
final class SampleStrip extends Composite {
	private static final Set<String> IMAGES = Set.of("png", "jpg", "jpeg", "gif", "bmp");
	private static final int IMAGE_SIZE = 144;
	private static final int MAX_TEXT = 20_000;

	private final Scale slider;
	private final Label stepLabel;
	private final ScrolledComposite scroll;
	private final Composite content;
	private final List<Image> images = new ArrayList<>();
	private RunFolder run;
	private List<Long> steps = List.of();
	private int index = -1;
	private boolean followLatest = true;
	private List<Path> shown = List.of();
	private String shownText = "";

	SampleStrip(Composite parent) {
		super(parent, SWT.NONE);
		setLayout(new GridLayout(2, false));
		slider = new Scale(this, SWT.HORIZONTAL);
		slider.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		slider.setMinimum(0);
		slider.setMaximum(1);
		slider.setEnabled(false);
		slider.addListener(SWT.Selection, e -> select(slider.getSelection()));
		stepLabel = new Label(this, SWT.NONE);
		stepLabel.setLayoutData(new GridData(SWT.END, SWT.CENTER, false, false));
		stepLabel.setText("No samples yet");
		scroll = new ScrolledComposite(this, SWT.V_SCROLL);
		scroll.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
		scroll.setExpandHorizontal(true);
		scroll.setExpandVertical(true);
		content = new Composite(scroll, SWT.NONE);
		content.setLayout(new GridLayout(1, false));
		scroll.setContent(content);
		addListener(SWT.Dispose, e -> disposeImages());
		scroll.addListener(SWT.Resize, e -> {
			int width = scroll.getClientArea().width;
			scroll.setMinSize(content.computeSize(width > 0 ? width : SWT.DEFAULT, SWT.DEFAULT));
		});
	}

	/** Shows the samples of {@code folder} (null: none), starting at its latest step. */
	void setRun(RunFolder folder) {
		this.run = folder;
		this.steps = List.of();
		this.index = -1;
		this.followLatest = true;
		refresh();
	}

	/** Picks up new sample steps; stays on the chosen step unless the slider is at the last one. */
	void refresh() {
		List<Long> now;
		try {
			now = run == null ? List.of() : run.sampleSteps();
		} catch (IOException e) {
			now = List.of();
		}
		if (now.equals(steps) && index >= 0) {
			return;
		}
		long current = index >= 0 && index < steps.size() ? steps.get(index) : -1;
		steps = now;
		slider.setMaximum(Math.max(1, steps.size() - 1));
		slider.setEnabled(steps.size() > 1);
		int next = followLatest ? steps.size() - 1 : Math.max(0, steps.indexOf(current));
		show(next);
	}

	/** Shows the samples of step number {@code i} (0 = the first step with samples), as moving the slider does. */
	void select(int i) {
		followLatest = i >= steps.size() - 1;
		show(i);
	}

	Scale slider() {
		return slider;
	}

	/** The steps with samples. */
	List<Long> steps() {
		return steps;
	}

	/** The step shown, or -1. */
	long shownStep() {
		return index >= 0 && index < steps.size() ? steps.get(index) : -1;
	}

	/** The sample files shown. */
	List<Path> shownFiles() {
		return shown;
	}

	/** The text samples shown, as displayed. */
	String shownText() {
		return shownText;
	}

	/** The number of images shown. */
	int shownImages() {
		return images.size();
	}

	private void show(int i) {
		index = steps.isEmpty() ? -1 : Math.max(0, Math.min(i, steps.size() - 1));
		slider.setSelection(Math.max(0, index));
		for (Control c : content.getChildren()) {
			c.dispose();
		}
		disposeImages();
		shown = List.of();
		shownText = "";
		if (index < 0) {
			stepLabel.setText("No samples yet");
		} else {
			stepLabel.setText("Step " + steps.get(index) + " (" + (index + 1) + " of " + steps.size() + ")");
			fill(steps.get(index));
		}
		stepLabel.getParent().layout(true);
		content.layout(true, true);
		int width = scroll.getClientArea().width;
		scroll.setMinSize(content.computeSize(width > 0 ? width : SWT.DEFAULT, SWT.DEFAULT));
	}

	private void fill(long step) {
		try {
			shown = run.samples(step);
		} catch (IOException e) {
			new Label(content, SWT.WRAP).setText("Cannot read the samples of step " + step + ": " + e.getMessage());
			return;
		}
		Composite grid = new Composite(content, SWT.NONE);
		RowLayout rows = new RowLayout(SWT.HORIZONTAL);
		rows.wrap = true;
		grid.setLayout(rows);
		StringBuilder text = new StringBuilder();
		for (Path file : shown) {
			String name = file.getFileName().toString();
			String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
			if (IMAGES.contains(extension)) {
				addImage(grid, file);
			} else {
				text.append(text.isEmpty() ? "" : "\n").append("— ").append(name).append(" —\n").append(read(file));
			}
		}
		if (!text.isEmpty()) {
			Text area = new Text(content, SWT.MULTI | SWT.READ_ONLY | SWT.WRAP);
			GridData data = new GridData(SWT.FILL, SWT.TOP, true, false);
			data.widthHint = 100;
			area.setLayoutData(data);
			area.setText(text.toString());
			shownText = text.toString();
		}
	}

	private void addImage(Composite grid, Path file) {
		Label label = new Label(grid, SWT.BORDER);
		label.setToolTipText(file.getFileName().toString());
		try {
			ImageData data = new ImageData(file.toString());
			double scale = (double) IMAGE_SIZE / Math.max(data.width, data.height);
			Image image = new Image(getDisplay(), data.scaledTo(Math.max(1, (int) (data.width * scale)),
					Math.max(1, (int) (data.height * scale))));
			images.add(image);
			label.setImage(image);
		} catch (RuntimeException e) {
			label.setText(file.getFileName() + ": not an image this dashboard can show");
		}
	}

	private static String read(Path file) {
		try {
			String s = Files.readString(file, StandardCharsets.UTF_8);
			return s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) + "\n…" : s;
		} catch (IOException e) {
			return "(cannot read: " + e.getMessage() + ")";
		}
	}

	private void disposeImages() {
		images.forEach(Image::dispose);
		images.clear();
	}
}
