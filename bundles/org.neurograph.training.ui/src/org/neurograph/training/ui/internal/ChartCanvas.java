package org.neurograph.training.ui.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.neurograph.assets.AtomicFiles;

/**
 * A line chart of one metric, drawn on a canvas: one curve per run (overlaid for comparison), each drawn faint as
 * measured and strong as smoothed, on a linear or logarithmic value axis, with round ticks, and a legend when several
 * runs are compared.
 */
final class ChartCanvas extends Canvas {
	/** The colours of the runs, in order. */
	private static final int[][] PALETTE = { { 31, 119, 180 }, { 255, 127, 14 }, { 44, 160, 44 }, { 214, 39, 40 },
			{ 148, 103, 189 }, { 140, 86, 75 }, { 227, 119, 194 }, { 127, 127, 127 } };
	private static final int LEFT = 62;
	private static final int RIGHT = 12;
	private static final int TOP = 24;
	private static final int BOTTOM = 24;

	/** One run's curve: its label and points. */
	record Line(String label, double[] steps, double[] values) {
	}

	private final Color[] colors = new Color[PALETTE.length];
	private final Color grid = new Color(225, 225, 225);
	private final Color axis = new Color(90, 90, 90);
	private String title = "";
	private List<Line> lines = List.of();
	private double smoothing;
	private boolean logScale;

	ChartCanvas(Composite parent) {
		super(parent, SWT.DOUBLE_BUFFERED);
		for (int i = 0; i < PALETTE.length; i++) {
			colors[i] = new Color(PALETTE[i][0], PALETTE[i][1], PALETTE[i][2]);
		}
		setBackground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
		addPaintListener(e -> paint(e.gc, getClientArea()));
	}

	/** Shows {@code newLines} under {@code newTitle}. */
	void setData(String newTitle, List<Line> newLines) {
		this.title = newTitle;
		this.lines = List.copyOf(newLines);
		redraw();
	}

	void setSmoothing(double weight) {
		this.smoothing = weight;
		redraw();
	}

	void setLogScale(boolean log) {
		this.logScale = log;
		redraw();
	}

	String title() {
		return title;
	}

	/** The number of curves. */
	int lineCount() {
		return lines.size();
	}

	/** The number of points the chart draws (on a log scale, values that are not positive are left out). */
	int pointCount() {
		int n = 0;
		for (Line l : lines) {
			for (double v : l.values()) {
				n += !logScale || v > 0 ? 1 : 0;
			}
		}
		return n;
	}

	/** Draws the chart at {@code width} x {@code height} into a PNG file (written atomically). */
	void exportPng(Path file, int width, int height) throws IOException {
		Image image = new Image(getDisplay(), width, height);
		try {
			GC gc = new GC(image);
			try {
				gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
				paint(gc, new Rectangle(0, 0, width, height));
			} finally {
				gc.dispose();
			}
			ImageLoader loader = new ImageLoader();
			loader.data = new ImageData[] { image.getImageData() };
			ByteArrayOutputStream png = new ByteArrayOutputStream();
			loader.save(png, SWT.IMAGE_PNG);
			AtomicFiles.write(file, png.toByteArray());
		} finally {
			image.dispose();
		}
	}

	private void paint(GC gc, Rectangle area) {
		gc.setAntialias(SWT.ON);
		gc.fillRectangle(area);
		gc.setForeground(axis);
		gc.drawText(title + (logScale ? " (log)" : ""), area.x + LEFT, area.y + 4, true);
		Rectangle plot = new Rectangle(area.x + LEFT, area.y + TOP, Math.max(1, area.width - LEFT - RIGHT),
				Math.max(1, area.height - TOP - BOTTOM));
		List<double[]> xs = new ArrayList<>();
		List<double[]> raw = new ArrayList<>();
		List<double[]> smooth = new ArrayList<>();
		double[] range = { Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE };
		for (Line l : lines) {
			double[] y = scaled(l.values());
			double[] s = scaled(Smoothing.ema(l.values(), smoothing));
			xs.add(l.steps());
			raw.add(y);
			smooth.add(s);
			extend(range, l.steps(), y);
		}
		if (range[0] > range[1]) {
			gc.drawText("No data yet", plot.x + plot.width / 2 - 30, plot.y + plot.height / 2 - 8, true);
			return;
		}
		if (range[1] == range[0]) {
			range[1] = range[0] + 1;
		}
		if (range[3] == range[2]) {
			range[2] -= 0.5;
			range[3] += 0.5;
		}
		drawAxes(gc, plot, range);
		Rectangle clip = gc.getClipping();
		gc.setClipping(plot.intersection(clip));
		for (int i = 0; i < xs.size(); i++) {
			gc.setForeground(colors[i % colors.length]);
			if (smoothing > 0) {
				gc.setAlpha(70);
				gc.setLineWidth(1);
				gc.drawPolyline(polyline(xs.get(i), raw.get(i), plot, range));
			}
			gc.setAlpha(255);
			gc.setLineWidth(2);
			gc.drawPolyline(polyline(xs.get(i), smoothing > 0 ? smooth.get(i) : raw.get(i), plot, range));
		}
		gc.setClipping(clip);
		gc.setLineWidth(1);
		drawLegend(gc, plot);
	}

	private void drawAxes(GC gc, Rectangle plot, double[] range) {
		gc.setLineWidth(1);
		for (double y : logScale ? Ticks.logBetween(range[2], range[3], 5) : Ticks.between(range[2], range[3], 5)) {
			int py = yPixel(y, plot, range);
			gc.setForeground(grid);
			gc.drawLine(plot.x, py, plot.x + plot.width, py);
			gc.setForeground(axis);
			String label = logScale ? Ticks.label(Math.pow(10, y)) : Ticks.label(y);
			Point size = gc.textExtent(label);
			gc.drawText(label, plot.x - size.x - 4, py - size.y / 2, true);
		}
		for (double x : Ticks.between(range[0], range[1], 6)) {
			int px = xPixel(x, plot, range);
			gc.setForeground(grid);
			gc.drawLine(px, plot.y, px, plot.y + plot.height);
			gc.setForeground(axis);
			String label = Ticks.label(x);
			gc.drawText(label, px - gc.textExtent(label).x / 2, plot.y + plot.height + 4, true);
		}
		gc.setForeground(axis);
		gc.drawRectangle(plot);
	}

	/** Names the runs' colours when there are several runs, in a box at the plot's top right. */
	private void drawLegend(GC gc, Rectangle plot) {
		if (lines.size() < 2) {
			return;
		}
		int width = 0;
		int height = 0;
		for (Line l : lines) {
			Point size = gc.textExtent(l.label());
			width = Math.max(width, size.x);
			height = size.y;
		}
		int x = plot.x + plot.width - width - 26;
		int y = plot.y + 4;
		gc.setAlpha(220);
		gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
		gc.fillRectangle(x - 4, y - 2, width + 22, lines.size() * (height + 2) + 4);
		gc.setAlpha(255);
		for (int i = 0; i < lines.size(); i++) {
			gc.setBackground(colors[i % colors.length]);
			gc.fillRectangle(x, y + height / 2 - 4, 10, 8);
			gc.setForeground(axis);
			gc.drawText(lines.get(i).label(), x + 14, y, true);
			y += height + 2;
		}
	}

	/** The values on the chart's scale: log10 on a log scale, where values that are not positive become NaN. */
	private double[] scaled(double[] values) {
		double[] out = new double[values.length];
		for (int i = 0; i < values.length; i++) {
			out[i] = !logScale ? values[i] : values[i] > 0 ? Math.log10(values[i]) : Double.NaN;
		}
		return out;
	}

	private static void extend(double[] range, double[] x, double[] y) {
		for (int i = 0; i < x.length; i++) {
			if (Double.isFinite(y[i])) {
				range[0] = Math.min(range[0], x[i]);
				range[1] = Math.max(range[1], x[i]);
				range[2] = Math.min(range[2], y[i]);
				range[3] = Math.max(range[3], y[i]);
			}
		}
	}

	/** The curve as pixel coordinates; with more points than pixels, every k-th point (and the last). */
	private static int[] polyline(double[] x, double[] y, Rectangle plot, double[] range) {
		int stride = Math.max(1, x.length / Math.max(1, plot.width * 2));
		int[] out = new int[(x.length / stride + 2) * 2];
		int n = 0;
		for (int i = 0; i < x.length; i += stride) {
			n = add(out, n, x, y, i, plot, range);
		}
		if (x.length > 0 && (x.length - 1) % stride != 0) {
			n = add(out, n, x, y, x.length - 1, plot, range);
		}
		return Arrays.copyOf(out, n);
	}

	private static int add(int[] out, int n, double[] x, double[] y, int i, Rectangle plot, double[] range) {
		if (!Double.isFinite(y[i])) {
			return n;
		}
		out[n] = xPixel(x[i], plot, range);
		out[n + 1] = yPixel(y[i], plot, range);
		return n + 2;
	}

	private static int xPixel(double x, Rectangle plot, double[] range) {
		return plot.x + (int) Math.round((x - range[0]) / (range[1] - range[0]) * plot.width);
	}

	private static int yPixel(double y, Rectangle plot, double[] range) {
		return plot.y + plot.height - (int) Math.round((y - range[2]) / (range[3] - range[2]) * plot.height);
	}
}
