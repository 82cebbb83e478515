package org.neurograph.training.ui.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;

/** One chart per metric of the runs shown, two to a row, each with the runs' curves overlaid. */
final class ChartGrid {
	private static final int CHART_HEIGHT = 230;

	private final ScrolledComposite scroll;
	private final Composite charts;
	private final Label empty;
	private final Map<String, ChartCanvas> byMetric = new LinkedHashMap<>();
	private final Consumer<ChartCanvas> exportAction;
	private double smoothing;
	private boolean logScale;

	/** {@code exportAction} is offered in each chart's context menu. */
	ChartGrid(Composite parent, Consumer<ChartCanvas> exportAction) {
		this.exportAction = exportAction;
		scroll = new ScrolledComposite(parent, SWT.V_SCROLL);
		scroll.setExpandHorizontal(true);
		scroll.setExpandVertical(true);
		charts = new Composite(scroll, SWT.NONE);
		charts.setLayout(new GridLayout(2, true));
		empty = new Label(charts, SWT.WRAP);
		empty.setText("Select one or more runs to see their metrics.");
		empty.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
		scroll.setContent(charts);
		scroll.addListener(SWT.Resize, e -> relayout());
	}

	Composite control() {
		return scroll;
	}

	/** Shows the metrics of {@code runs} (in order: the first run gets the first colour). */
	void show(List<RunData> runs) {
		TreeSet<String> names = new TreeSet<>();
		runs.forEach(r -> names.addAll(r.names()));
		byMetric.keySet().removeIf(name -> {
			if (!names.contains(name)) {
				byMetric.get(name).dispose();
				return true;
			}
			return false;
		});
		for (String name : names) {
			ChartCanvas chart = byMetric.computeIfAbsent(name, n -> newChart());
			List<ChartCanvas.Line> lines = new ArrayList<>();
			for (RunData r : runs) {
				Series s = r.series(name);
				if (s != null) {
					lines.add(new ChartCanvas.Line(r.folder().id(), s.steps(), s.values()));
				}
			}
			chart.setData(name, lines);
		}
		empty.setVisible(byMetric.isEmpty());
		((GridData) empty.getLayoutData()).exclude = !byMetric.isEmpty();
		relayout();
	}

	void setSmoothing(double weight) {
		smoothing = weight;
		byMetric.values().forEach(c -> c.setSmoothing(weight));
	}

	void setLogScale(boolean log) {
		logScale = log;
		byMetric.values().forEach(c -> c.setLogScale(log));
	}

	/** The chart of {@code metric}, or null. */
	ChartCanvas chart(String metric) {
		return byMetric.get(metric);
	}

	private ChartCanvas newChart() {
		ChartCanvas chart = new ChartCanvas(charts);
		GridData data = new GridData(SWT.FILL, SWT.TOP, true, false);
		data.heightHint = CHART_HEIGHT;
		data.widthHint = 200;
		chart.setLayoutData(data);
		chart.setSmoothing(smoothing);
		chart.setLogScale(logScale);
		Menu menu = new Menu(chart);
		MenuItem export = new MenuItem(menu, SWT.PUSH);
		export.setText("Export Chart as PNG…");
		export.addListener(SWT.Selection, e -> exportAction.accept(chart));
		chart.setMenu(menu);
		return chart;
	}

	private void relayout() {
		int width = scroll.getClientArea().width;
		charts.layout(true, true);
		scroll.setMinSize(charts.computeSize(width > 0 ? width : SWT.DEFAULT, SWT.DEFAULT));
	}
}
