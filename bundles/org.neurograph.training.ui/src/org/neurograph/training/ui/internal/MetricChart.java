package org.neurograph.training.ui.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.IAxis;
import org.eclipse.swtchart.ILineSeries;
import org.eclipse.swtchart.ILineSeries.PlotSymbolType;
import org.eclipse.swtchart.ISeries.SeriesType;
import org.eclipse.swtchart.ITitle;
import org.eclipse.swtchart.Resources;
import org.eclipse.swtchart.model.DoubleArraySeriesModel;
import org.neurograph.assets.AtomicFiles;

/**
 * The chart of one metric, drawn by SWTChart: one line per run, overlaid and named in the legend, smoothed with the
 * dashboard's smoothing over the measured values drawn faint in the same colour; a linear or logarithmic value axis;
 * axis titles "step" and the metric. Live points are appended to the runs' lines (the chart, its axes and lines stay);
 * a chart asked for a log scale whose values are not all above zero stays linear and says why in its title.
 */
final class MetricChart {
	/** The colours of the runs, in the order of the runs shown. */
	private static final int[][] PALETTE = { { 31, 119, 180 }, { 255, 127, 14 }, { 44, 160, 44 }, { 214, 39, 40 },
			{ 148, 103, 189 }, { 140, 86, 75 }, { 227, 119, 194 }, { 127, 127, 127 } };
	/** How much of a run's colour its measured values get (the rest is white). */
	private static final double FAINT = 0.4;
	/** The id suffix of a run's measured-values line (the run's own id names its smoothed line). */
	static final String MEASURED = " (measured)";
	/** What the title adds when a log scale was asked for and refused. */
	static final String LINEAR_NOTE = "(linear: values ≤ 0)";

	private final String metric;
	private final Chart chart;
	private final Map<String, Curve> curves = new LinkedHashMap<>();
	private final Color noteColor = new Color(178, 76, 0);
	private final Font titleFont;
	private double smoothing;
	private boolean logRequested;
	private String note = "";

	MetricChart(Composite parent, String metric) {
		this.metric = metric;
		chart = new Chart(parent, SWT.NONE);
		Color white = chart.getDisplay().getSystemColor(SWT.COLOR_WHITE);
		Color text = chart.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY);
		chart.setBackground(white);
		chart.setBackgroundInPlotArea(white);
		FontData system = chart.getDisplay().getSystemFont().getFontData()[0];
		titleFont = Resources.getFont(new FontData(system.getName(), system.getHeight() + 1, SWT.BOLD));
		Color grid = new Color(215, 215, 215);
		chart.getTitle().setFont(titleFont);
		chart.getTitle().setForeground(text);
		for (IAxis axis : chart.getAxisSet().getAxes()) {
			axis.getTick().setFormat(new TickFormat());
			axis.getTick().setForeground(text);
			axis.getTitle().setForeground(text);
			axis.getTitle().setFont(chart.getDisplay().getSystemFont());
			axis.getGrid().setForeground(grid);
		}
		chart.getAxisSet().getXAxis(0).getTitle().setText("step");
		chart.getAxisSet().getYAxis(0).getTitle().setText(metric);
		chart.getLegend().setPosition(SWT.BOTTOM);
		chart.getLegend().setBackground(white);
		showTitle();
	}

	/** The SWTChart control. */
	Chart chart() {
		return chart;
	}

	String metric() {
		return metric;
	}

	/**
	 * Why the value axis is linear although a log scale was asked for, or "". (The title says it briefly, the plot's
	 * tooltip in full.)
	 */
	String note() {
		return note;
	}

	/** The number of runs drawn. */
	int lineCount() {
		return curves.size();
	}

	/** The number of points of all the runs' lines. */
	int pointCount() {
		return curves.values().stream().mapToInt(c -> c.source.size()).sum();
	}

	/**
	 * Draws the points of {@code metric} of {@code runs} (the i-th run in the i-th colour): a run new to the chart gets
	 * its lines, a run no longer shown loses them, and the others get the points they logged since the last update.
	 * True if anything changed.
	 */
	boolean update(List<RunData> runs) {
		if (!outdated(runs)) {
			return false;
		}
		boolean changed = false;
		chart.suspendUpdate(true);
		try {
			Set<String> ids = new HashSet<>();
			for (RunData r : runs) {
				if (r.series(metric) != null) {
					ids.add(r.folder().id());
				}
			}
			for (Iterator<Curve> it = curves.values().iterator(); it.hasNext();) {
				Curve c = it.next();
				if (!ids.contains(c.runId)) {
					c.delete();
					it.remove();
					changed = true;
				}
			}
			for (int i = 0; i < runs.size(); i++) {
				Series s = runs.get(i).series(metric);
				if (s != null) {
					String id = runs.get(i).folder().id();
					Curve c = curves.get(id);
					if (c == null) {
						c = new Curve(id);
						curves.put(id, c);
						changed = true;
					}
					changed |= c.paint(i);
					changed |= c.append(s);
				}
			}
			if (changed) {
				applyScale();
				chart.getAxisSet().adjustRange();
			}
		} finally {
			chart.suspendUpdate(false);
		}
		if (changed) {
			chart.redraw();
		}
		return changed;
	}

	/** True if the chart does not show exactly the points of {@code runs}, in their colours. */
	private boolean outdated(List<RunData> runs) {
		int lines = 0;
		for (int i = 0; i < runs.size(); i++) {
			Series s = runs.get(i).series(metric);
			if (s != null) {
				lines++;
				Curve c = curves.get(runs.get(i).folder().id());
				if (c == null || c.colour != i || c.source != s || c.revision != s.revision() || c.drawn != s.size()) {
					return true;
				}
			}
		}
		return lines != curves.size();
	}

	/** Smooths every line with {@code weight} in [0, 1); the measured values show behind when smoothing is on. */
	void setSmoothing(double weight) {
		if (weight == smoothing) {
			return;
		}
		smoothing = weight;
		chart.suspendUpdate(true);
		try {
			for (Curve c : curves.values()) {
				c.smoothAgain();
			}
			applyScale();
			chart.getAxisSet().adjustRange();
		} finally {
			chart.suspendUpdate(false);
		}
		chart.redraw();
	}

	/** Asks for a logarithmic value axis (or a linear one). */
	void setLogScale(boolean log) {
		logRequested = log;
		chart.suspendUpdate(true);
		try {
			applyScale();
			chart.getAxisSet().adjustRange();
		} finally {
			chart.suspendUpdate(false);
		}
		chart.redraw();
	}

	/** True if the value axis is logarithmic now. */
	boolean logScale() {
		return chart.getAxisSet().getYAxis(0).isLogScaleEnabled();
	}

	/**
	 * A log axis when one is asked for and every value is above zero; else a linear one, with a note when a log axis
	 * was asked for. (SWTChart refuses a log axis over values at or below zero, and turns one off by itself when such a
	 * value arrives.)
	 */
	private void applyScale() {
		IAxis y = chart.getAxisSet().getYAxis(0);
		double lowest = Double.POSITIVE_INFINITY;
		for (Curve c : curves.values()) {
			for (int i = 0; i < c.source.size(); i++) {
				lowest = Math.min(lowest, c.source.value(i));
			}
		}
		String why = "";
		boolean log = false;
		if (logRequested && lowest != Double.POSITIVE_INFINITY) {
			if (lowest > 0) {
				log = true;
			} else {
				why = "A log scale needs values above 0, and the lowest value of " + metric + " is "
						+ TickFormat.label(lowest) + ": this chart stays linear.";
			}
		}
		try {
			y.enableLogScale(log);
		} catch (IllegalStateException e) {
			y.enableLogScale(false);
			why = "SWTChart cannot draw " + metric + " on a log scale (" + e.getMessage() + "): this chart stays linear.";
		}
		if (!why.equals(note)) {
			note = why;
			showTitle();
		}
	}

	/** The metric, and with a note "(linear: values ≤ 0)" when the log scale was refused. */
	private void showTitle() {
		ITitle title = chart.getTitle();
		if (note.isEmpty()) {
			title.setText(metric);
			title.setStyleRanges(null);
			chart.getPlotArea().setToolTipText(null);
		} else {
			String text = metric + "  " + LINEAR_NOTE;
			title.setText(text);
			StyleRange name = new StyleRange(0, metric.length(), title.getForeground(), null);
			name.font = titleFont;
			StyleRange why = new StyleRange(metric.length(), text.length() - metric.length(), noteColor, null);
			why.font = chart.getDisplay().getSystemFont();
			title.setStyleRanges(new StyleRange[] { name, why });
			chart.getPlotArea().setToolTipText(note);
		}
	}

	/**
	 * Draws the chart at {@code width} x {@code height} (SWTChart lays it out at that size for the picture) into a
	 * PNG file, written atomically.
	 */
	void exportPng(Path file, int width, int height) throws IOException {
		Image image = new Image(chart.getDisplay(), width, height);
		try {
			GC gc = new GC(image);
			try {
				gc.setBackground(chart.getDisplay().getSystemColor(SWT.COLOR_WHITE));
				gc.fillRectangle(0, 0, width, height);
				chart.printChart(gc, new Rectangle(0, 0, width, height));
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

	void dispose() {
		chart.dispose();
	}

	/** The two lines of one run: its measured values (faint, behind) and the smoothed ones (named in the legend). */
	private final class Curve {
		final String runId;
		final ILineSeries<Integer> measured;
		final ILineSeries<Integer> smoothed;
		/** The points drawn: {@code source}'s first {@code drawn} points, smoothed into {@code smooth}. */
		Series source;
		int revision;
		int drawn;
		double[] smooth = new double[0];
		Smoothing smoother;
		int colour = -1;

		@SuppressWarnings("unchecked")
		Curve(String runId) {
			this.runId = runId;
			measured = (ILineSeries<Integer>) chart.getSeriesSet().createSeries(SeriesType.LINE, runId + MEASURED);
			smoothed = (ILineSeries<Integer>) chart.getSeriesSet().createSeries(SeriesType.LINE, runId);
			for (ILineSeries<Integer> line : List.of(measured, smoothed)) {
				line.setSymbolType(PlotSymbolType.NONE);
				line.setAntialias(SWT.ON);
			}
			measured.setVisibleInLegend(false);
			measured.setLineWidth(1);
			smoothed.setLineWidth(2);
			smoothed.setDescription(runId);
			chart.getSeriesSet().sendToBack(measured.getId());
		}

		/** Gives the run the {@code index}-th colour; true if that is a new colour. */
		boolean paint(int index) {
			if (index == colour) {
				return false;
			}
			colour = index;
			int[] rgb = PALETTE[index % PALETTE.length];
			smoothed.setLineColor(new Color(rgb[0], rgb[1], rgb[2]));
			measured.setLineColor(new Color(faint(rgb[0]), faint(rgb[1]), faint(rgb[2])));
			return true;
		}

		private static int faint(int channel) {
			return (int) Math.round(channel * FAINT + 255 * (1 - FAINT));
		}

		/**
		 * Draws the points {@code s} has beyond those drawn, smoothing only the new ones; starts over when the run
		 * took points back (resumed from a checkpoint) or its log was read anew. True if there was anything new.
		 */
		boolean append(Series s) {
			if (s != source || s.revision() != revision) {
				source = s;
				revision = s.revision();
				drawn = 0;
				smoother = new Smoothing(smoothing);
			} else if (s.size() == drawn) {
				return false;
			}
			if (smooth.length < s.size()) {
				smooth = Arrays.copyOf(smooth, Math.max(64, s.size() * 2));
			}
			for (int i = drawn; i < s.size(); i++) {
				smooth[i] = smoother.next(s.value(i));
			}
			drawn = s.size();
			show();
			return true;
		}

		/** Smooths all the points again (the smoothing changed). */
		void smoothAgain() {
			if (source != null) {
				Series s = source;
				source = null;
				append(s);
			}
		}

		/**
		 * Hands SWTChart the points: its series keep their points in an immutable model, so an append gives it a
		 * model of the grown arrays.
		 */
		private void show() {
			double[] steps = source.steps();
			measured.setDataModel(new DoubleArraySeriesModel(steps, source.values()));
			smoothed.setDataModel(new DoubleArraySeriesModel(steps, Arrays.copyOf(smooth, drawn)));
			measured.setVisible(smoothing > 0);
		}

		void delete() {
			chart.getSeriesSet().deleteSeries(measured.getId());
			chart.getSeriesSet().deleteSeries(smoothed.getId());
		}
	}
}
