package org.neurograph.gan.ui.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;

/**
 * Draws a {@link Lineage}: one row per generation, oldest at the top, each work as a thumbnail (picks framed in
 * yellow), with a line from each parent down to its child. Owns the thumbnails' SWT images.
 */
final class LineageCanvas extends Canvas {
	private static final int THUMB = 56;
	private static final int GAP_X = 18;
	private static final int GAP_Y = 30;

	private final Map<String, Image> thumbs = new HashMap<>();
	private Lineage lineage = new Lineage();
	private Map<String, Rectangle> boxes = Map.of();

	LineageCanvas(Composite parent) {
		super(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
		addListener(SWT.Paint, e -> paint(e.gc));
		addListener(SWT.Dispose, e -> disposeThumbs());
	}

	/** Shows {@code newLineage} (drawn again from scratch). */
	void setLineage(Lineage newLineage) {
		lineage = newLineage;
		for (Lineage.Node n : lineage.nodes()) {
			if (!thumbs.containsKey(n.name()) && n.image() != null) {
				thumbs.put(n.name(), new Image(getDisplay(), SwtImages.toImageData(n.image())));
			}
		}
		redraw();
	}

	private void disposeThumbs() {
		thumbs.values().forEach(Image::dispose);
		thumbs.clear();
	}

	/** Where each node was drawn last (for tests). */
	Map<String, Rectangle> boxes() {
		return boxes;
	}

	private void paint(GC gc) {
		Rectangle area = getClientArea();
		gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
		gc.fillRectangle(area);
		Map<String, Integer> gens = lineage.generations();
		if (gens.isEmpty()) {
			gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
			gc.drawText("Lineage: the parents and the children you pick appear here.", 8, 8, true);
			return;
		}
		Map<Integer, List<String>> rows = new HashMap<>();
		gens.forEach((name, g) -> rows.computeIfAbsent(g, k -> new ArrayList<>()).add(name));
		int generations = rows.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
		int thumb = Math.max(16, Math.min(THUMB, (area.height - 10) / generations - GAP_Y));
		Map<String, Rectangle> placed = new HashMap<>();
		for (int g = 0; g < generations; g++) {
			List<String> row = rows.getOrDefault(g, List.of());
			int width = row.size() * (thumb + GAP_X) - GAP_X;
			int x = Math.max(6, (area.width - width) / 2);
			int y = 6 + g * (thumb + GAP_Y);
			for (String name : row) {
				placed.put(name, new Rectangle(x, y, thumb, thumb));
				x += thumb + GAP_X;
			}
		}
		boxes = placed;
		gc.setAntialias(SWT.ON);
		gc.setLineWidth(2);
		gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
		for (String[] edge : lineage.edges()) {
			Rectangle p = placed.get(edge[0]);
			Rectangle c = placed.get(edge[1]);
			Point from = new Point(p.x + p.width / 2, p.y + p.height);
			Point to = new Point(c.x + c.width / 2, c.y);
			gc.drawLine(from.x, from.y, to.x, to.y);
		}
		gc.setInterpolation(SWT.LOW);
		for (Lineage.Node n : lineage.nodes()) {
			Rectangle r = placed.get(n.name());
			Image img = thumbs.get(n.name());
			if (img != null) {
				Rectangle src = img.getBounds();
				gc.drawImage(img, 0, 0, src.width, src.height, r.x, r.y, r.width, r.height);
			} else {
				gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_GRAY));
				gc.fillRectangle(r);
			}
			gc.setForeground(getDisplay().getSystemColor(n.picked() ? SWT.COLOR_DARK_YELLOW : SWT.COLOR_DARK_GRAY));
			gc.drawRectangle(r.x - 1, r.y - 1, r.width + 1, r.height + 1);
		}
	}
}
