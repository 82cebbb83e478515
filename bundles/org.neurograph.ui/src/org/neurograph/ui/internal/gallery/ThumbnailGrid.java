package org.neurograph.ui.internal.gallery;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.core.resources.IFile;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.ScrollBar;

/**
 * A scrolling grid of thumbnails with their file names: click (or right-click, before the context menu) selects,
 * double-click or Enter opens, the arrow keys move. It draws what {@code thumbnails} gives for each file, and a placeholder while that is null (still loading).
 */
final class ThumbnailGrid extends Canvas {
	/** The largest side of a thumbnail, in pixels. */
	static final int THUMB = 140;
	private static final int PAD = 8;

	private final Function<IFile, Image> thumbnails;
	private final List<Consumer<IFile>> selectionListeners = new ArrayList<>();
	private final List<Consumer<IFile>> openListeners = new ArrayList<>();
	private List<IFile> files = List.of();
	private int selected = -1;
	private int top;
	private String emptyText = "";
	private final int textHeight;

	ThumbnailGrid(Composite parent, Function<IFile, Image> thumbnails) {
		super(parent, SWT.V_SCROLL | SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
		this.thumbnails = thumbnails;
		GC gc = new GC(this);
		try {
			textHeight = gc.getFontMetrics().getHeight();
		} finally {
			gc.dispose();
		}
		addListener(SWT.Paint, this::paint);
		addListener(SWT.Resize, e -> updateScrollBar());
		addListener(SWT.MouseDown, this::mouseDown);
		addListener(SWT.MouseDoubleClick, e -> {
			if (indexAt(e.x, e.y) == selected && selected >= 0) {
				fire(openListeners);
			}
		});
		addListener(SWT.KeyDown, this::keyDown);
		addListener(SWT.Traverse, e -> e.doit = e.detail != SWT.TRAVERSE_RETURN);
		addListener(SWT.MouseHover, e -> {
			int index = indexAt(e.x, e.y);
			setToolTipText(index < 0 ? null : files.get(index).getFullPath().toString());
		});
		addListener(SWT.FocusIn, e -> redraw());
		addListener(SWT.FocusOut, e -> redraw());
		getVerticalBar().addListener(SWT.Selection, e -> {
			top = getVerticalBar().getSelection();
			redraw();
		});
	}

	/** Shows these files (in this order); keeps the selected file if it is still there. */
	void setFiles(List<IFile> newFiles, String whenEmpty) {
		IFile previous = selection();
		files = List.copyOf(newFiles);
		emptyText = whenEmpty;
		selected = previous == null ? -1 : files.indexOf(previous);
		updateScrollBar();
		redraw();
	}

	List<IFile> files() {
		return files;
	}

	/** The selected file, or null. */
	IFile selection() {
		return selected >= 0 && selected < files.size() ? files.get(selected) : null;
	}

	/** Selects a file (null: none) and scrolls it into view; tells the selection listeners. */
	void select(IFile file) {
		int index = file == null ? -1 : files.indexOf(file);
		if (index != selected) {
			selected = index;
			reveal(index);
			redraw();
			fire(selectionListeners);
		}
	}

	void addSelectionListener(Consumer<IFile> listener) {
		selectionListeners.add(listener);
	}

	void addOpenListener(Consumer<IFile> listener) {
		openListeners.add(listener);
	}

	private void fire(List<Consumer<IFile>> listeners) {
		IFile file = selection();
		listeners.forEach(l -> l.accept(file));
	}

	private int columns() {
		return Math.max(1, getClientArea().width / cellWidth());
	}

	private static int cellWidth() {
		return THUMB + 2 * PAD;
	}

	private int cellHeight() {
		return THUMB + 2 * PAD + textHeight + 4;
	}

	private int rows() {
		return (files.size() + columns() - 1) / columns();
	}

	private void updateScrollBar() {
		ScrollBar bar = getVerticalBar();
		int total = rows() * cellHeight();
		int visible = getClientArea().height;
		top = Math.max(0, Math.min(top, total - visible));
		bar.setValues(top, 0, Math.max(total, 1), Math.max(1, Math.min(visible, total)), 24, Math.max(1, visible - 24));
		bar.setVisible(total > visible);
	}

	private void reveal(int index) {
		if (index < 0) {
			return;
		}
		int y = (index / columns()) * cellHeight();
		int visible = getClientArea().height;
		if (y < top) {
			top = y;
		} else if (y + cellHeight() > top + visible) {
			top = y + cellHeight() - visible;
		}
		updateScrollBar();
	}

	private int indexAt(int x, int y) {
		int column = x / cellWidth();
		int row = (y + top) / cellHeight();
		int index = row * columns() + column;
		return column < columns() && index >= 0 && index < files.size() ? index : -1;
	}

	private void paint(Event e) {
		GC gc = e.gc;
		Rectangle area = getClientArea();
		gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
		gc.fillRectangle(area);
		if (files.isEmpty()) {
			gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_DARK_SHADOW));
			gc.drawText(emptyText, PAD * 2, PAD * 2, true);
			return;
		}
		int columns = columns();
		int cellHeight = cellHeight();
		int first = top / cellHeight * columns;
		for (int i = Math.max(0, first); i < files.size(); i++) {
			int x = (i % columns) * cellWidth();
			int y = (i / columns) * cellHeight - top;
			if (y > area.height) {
				break;
			}
			paintCell(gc, i, x, y, cellHeight);
		}
	}

	private void paintCell(GC gc, int index, int x, int y, int cellHeight) {
		boolean isSelected = index == selected;
		if (isSelected) {
			gc.setBackground(getDisplay().getSystemColor(
					isFocusControl() ? SWT.COLOR_LIST_SELECTION : SWT.COLOR_WIDGET_LIGHT_SHADOW));
			gc.fillRoundRectangle(x + 2, y + 2, cellWidth() - 4, cellHeight - 4, 8, 8);
		}
		Image image = thumbnails.apply(files.get(index));
		int boxX = x + PAD;
		int boxY = y + PAD;
		if (image == null) {
			gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_NORMAL_SHADOW));
			gc.setLineStyle(SWT.LINE_DOT);
			gc.drawRectangle(boxX + THUMB / 4, boxY + THUMB / 4, THUMB / 2, THUMB / 2);
			gc.setLineStyle(SWT.LINE_SOLID);
		} else {
			Rectangle b = image.getBounds();
			gc.drawImage(image, boxX + (THUMB - b.width) / 2, boxY + (THUMB - b.height) / 2);
		}
		Color text = getDisplay().getSystemColor(
				isSelected && isFocusControl() ? SWT.COLOR_LIST_SELECTION_TEXT : SWT.COLOR_LIST_FOREGROUND);
		gc.setForeground(text);
		String name = shorten(gc, files.get(index).getName(), cellWidth() - 2 * PAD);
		Point extent = gc.textExtent(name);
		gc.drawText(name, x + (cellWidth() - extent.x) / 2, boxY + THUMB + 4, true);
	}

	private static String shorten(GC gc, String text, int width) {
		if (gc.textExtent(text).x <= width) {
			return text;
		}
		String ellipsis = "\u2026";
		int keep = text.length();
		while (keep > 1 && gc.textExtent(text.substring(0, keep / 2) + ellipsis + text.substring(text.length() - keep / 2)).x > width) {
			keep--;
		}
		return text.substring(0, keep / 2) + ellipsis + text.substring(text.length() - keep / 2);
	}

	private void mouseDown(Event e) {
		setFocus();
		if (e.button == 1 || e.button == 3) { // a right click selects what its context menu acts on
			int index = indexAt(e.x, e.y);
			if (index >= 0) {
				select(files.get(index));
			}
		}
	}

	private void keyDown(Event e) {
		if (files.isEmpty()) {
			return;
		}
		int columns = columns();
		int index = selected;
		switch (e.keyCode) {
		case SWT.ARROW_LEFT -> index--;
		case SWT.ARROW_RIGHT -> index++;
		case SWT.ARROW_UP -> index -= columns;
		case SWT.ARROW_DOWN -> index += columns;
		case SWT.HOME -> index = 0;
		case SWT.END -> index = files.size() - 1;
		case SWT.CR, SWT.KEYPAD_CR -> {
			if (selected >= 0) {
				fire(openListeners);
			}
			return;
		}
		default -> {
			return;
		}
		}
		select(files.get(Math.max(0, Math.min(files.size() - 1, index))));
	}
}
