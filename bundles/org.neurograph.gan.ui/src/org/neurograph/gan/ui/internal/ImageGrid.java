package org.neurograph.gan.ui.internal;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;

/**
 * A square grid of images, row by row, with one selected cell. Clicking selects a cell (an {@code SWT.Selection}
 * event), double-clicking also sends {@code SWT.DefaultSelection}. Keeps the images it was given (for saving and
 * checking) and owns the SWT images it draws: each is disposed when replaced and when the grid is disposed.
 */
final class ImageGrid extends Canvas {
	private static final int GAP = 4;

	private final List<Image> shown = new ArrayList<>();
	private List<BufferedImage> images = List.of();
	private int columns = 1;
	private int selected = -1;
	private String placeholder = "";

	ImageGrid(Composite parent) {
		super(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
		addListener(SWT.Paint, e -> paint(e.gc));
		addListener(SWT.Dispose, e -> disposeImages());
		addListener(SWT.MouseDown, e -> {
			setFocus();
			int cell = cellAt(e.x, e.y);
			if (cell >= 0) {
				select(cell, true);
			}
		});
		addListener(SWT.MouseDoubleClick, e -> {
			int cell = cellAt(e.x, e.y);
			if (cell >= 0) {
				Event event = new Event();
				event.index = cell;
				notifyListeners(SWT.DefaultSelection, event);
			}
		});
		addListener(SWT.Traverse, e -> {
			if (e.detail == SWT.TRAVERSE_TAB_NEXT || e.detail == SWT.TRAVERSE_TAB_PREVIOUS) {
				e.doit = true;
			}
		});
	}

	/** Shows {@code newImages} in {@code newColumns} columns; the selection stays where it was if it still exists. */
	void setImages(List<BufferedImage> newImages, int newColumns) {
		checkWidget();
		disposeImages();
		images = List.copyOf(newImages);
		columns = Math.max(1, newColumns);
		for (BufferedImage img : images) {
			ImageData data = SwtImages.toImageData(img);
			shown.add(new Image(getDisplay(), data));
		}
		if (selected >= images.size()) {
			selected = images.isEmpty() ? -1 : images.size() / 2;
		}
		redraw();
	}

	/** Shows no images, but this text. */
	void clear(String text) {
		disposeImages();
		images = List.of();
		placeholder = text;
		redraw();
	}

	List<BufferedImage> images() {
		return images;
	}

	int columns() {
		return columns;
	}

	int selected() {
		return selected;
	}

	/** Selects {@code cell}; with {@code notify} listeners hear an {@code SWT.Selection} event. */
	void select(int cell, boolean notify) {
		selected = cell;
		redraw();
		if (notify) {
			Event event = new Event();
			event.index = cell;
			notifyListeners(SWT.Selection, event);
		}
	}

	/** The SWT images alive in this grid (for leak checks). */
	int liveImages() {
		int n = 0;
		for (Image i : shown) {
			if (!i.isDisposed()) {
				n++;
			}
		}
		return n;
	}

	private void disposeImages() {
		for (Image i : shown) {
			i.dispose();
		}
		shown.clear();
	}

	/** The bounds of cell {@code i} in this canvas. */
	Rectangle cellBounds(int i) {
		Rectangle area = getClientArea();
		int rows = Math.max(1, (images.size() + columns - 1) / columns);
		int side = Math.max(1, Math.min((area.width - GAP) / columns, (area.height - GAP) / rows) - GAP);
		int total = columns * (side + GAP) + GAP;
		int totalH = rows * (side + GAP) + GAP;
		int x0 = (area.width - total) / 2 + GAP;
		int y0 = (area.height - totalH) / 2 + GAP;
		return new Rectangle(x0 + i % columns * (side + GAP), y0 + i / columns * (side + GAP), side, side);
	}

	private int cellAt(int x, int y) {
		for (int i = 0; i < images.size(); i++) {
			if (cellBounds(i).contains(x, y)) {
				return i;
			}
		}
		return -1;
	}

	private void paint(GC gc) {
		Rectangle area = getClientArea();
		gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_DARK_SHADOW));
		gc.fillRectangle(area);
		if (shown.isEmpty()) {
			gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
			gc.drawText(placeholder, 12, 12, true);
			return;
		}
		gc.setInterpolation(SWT.LOW);
		for (int i = 0; i < shown.size(); i++) {
			Rectangle r = cellBounds(i);
			Rectangle src = shown.get(i).getBounds();
			gc.drawImage(shown.get(i), 0, 0, src.width, src.height, r.x, r.y, r.width, r.height);
		}
		if (selected >= 0 && selected < shown.size()) {
			Rectangle r = cellBounds(selected);
			gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_YELLOW));
			gc.setLineWidth(3);
			gc.drawRectangle(r.x - 2, r.y - 2, r.width + 3, r.height + 3);
		}
	}
}
