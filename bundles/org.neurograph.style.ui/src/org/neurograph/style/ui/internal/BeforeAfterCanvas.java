package org.neurograph.style.ui.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;

/**
 * The original and the styled image one over the other, scaled to fit: left of a vertical divider the original
 * ("before"), right of it the styled image ("after"). Dragging with the mouse moves the divider.
 */
public final class BeforeAfterCanvas extends Canvas {

	private Image before;
	private Image after;
	private double divider = 0.5;
	private boolean dragging;

	BeforeAfterCanvas(Composite parent) {
		super(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
		addPaintListener(e -> paint(e.gc));
		addListener(SWT.MouseDown, e -> {
			dragging = true;
			moveTo(e.x);
		});
		addListener(SWT.MouseMove, e -> {
			if (dragging) {
				moveTo(e.x);
			}
		});
		addListener(SWT.MouseUp, e -> dragging = false);
		addListener(SWT.Dispose, e -> setImages(null, null));
	}

	/** Shows {@code original} and {@code styled} (the canvas owns and disposes them; either may be null). */
	void setImages(Image original, Image styled) {
		if (before != null && before != original) {
			before.dispose();
		}
		if (after != null && after != styled) {
			after.dispose();
		}
		before = original;
		after = styled;
		if (!isDisposed()) {
			redraw();
		}
	}

	/** Where the divider is, from 0 (left edge: all styled) to 1 (right edge: all original). */
	public double divider() {
		return divider;
	}

	/** Moves the divider to the fraction {@code value} of the image's width. */
	public void setDivider(double value) {
		divider = Math.max(0, Math.min(1, value));
		redraw();
	}

	private void moveTo(int x) {
		Rectangle area = imageArea();
		if (area != null && area.width > 0) {
			setDivider((double) (x - area.x) / area.width);
		}
	}

	/** Where the image is drawn: scaled to fit, centred. */
	private Rectangle imageArea() {
		Image shown = before != null ? before : after;
		if (shown == null) {
			return null;
		}
		Rectangle client = getClientArea();
		Rectangle size = shown.getBounds();
		double scale = Math.min((double) client.width / size.width, (double) client.height / size.height);
		int w = (int) (size.width * scale);
		int h = (int) (size.height * scale);
		return new Rectangle(client.x + (client.width - w) / 2, client.y + (client.height - h) / 2, w, h);
	}

	private void paint(GC gc) {
		Rectangle client = getClientArea();
		gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_DARK_SHADOW));
		gc.fillRectangle(client);
		Rectangle area = imageArea();
		if (area == null) {
			gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
			gc.drawText("Open a photo and choose a style.", client.x + 12, client.y + 12, true);
			return;
		}
		int split = area.x + (int) Math.round(divider * area.width);
		gc.setClipping(area.x, area.y, split - area.x, area.height);
		draw(gc, before, area);
		gc.setClipping(split, area.y, area.x + area.width - split, area.height);
		draw(gc, after != null ? after : before, area);
		gc.setClipping((Rectangle) null);
		gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
		gc.setLineWidth(2);
		gc.drawLine(split, area.y, split, area.y + area.height);
		gc.drawText("before", area.x + 6, area.y + 6, true);
		gc.drawText("after", area.x + area.width - 40, area.y + 6, true);
	}

	private static void draw(GC gc, Image image, Rectangle area) {
		if (image != null) {
			Rectangle b = image.getBounds();
			gc.drawImage(image, 0, 0, b.width, b.height, area.x, area.y, area.width, area.height);
		}
	}
}
