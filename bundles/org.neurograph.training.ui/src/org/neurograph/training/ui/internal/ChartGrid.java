package org.neurograph.training.ui.internal;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;

/**
 * One SWTChart chart per metric of the runs shown, two to a row in metric order, each with the runs overlaid, sharing
 * the height of the view. Charts come and go with the metrics; a refresh only appends the new points to the charts.
 */
final class ChartGrid {
	/** Charts share the height of the view, but are never lower than this (the grid scrolls instead) or higher. */
	private static final int MIN_CHART_HEIGHT = 230;
	private static final int MAX_CHART_HEIGHT = 600;

	private final ScrolledComposite scroll;
	private final Composite charts;
	private final Label empty;
	private final Map<String, MetricChart> byMetric = new TreeMap<>();
	private final Consumer<MetricChart> exportAction;
	private double smoothing;
	private boolean logScale;

	/** {@code exportAction} is offered in each chart's context menu. */
	ChartGrid(Composite parent, Consumer<MetricChart> exportAction) {
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

	/**
	 * Shows the metrics of {@code runs} (in order: the first run gets the first colour): adds the charts of new
	 * metrics, drops those of metrics no run has, and appends the new points to the others.
	 */
	void show(List<RunData> runs) {
		TreeSet<String> names = new TreeSet<>();
		runs.forEach(r -> names.addAll(r.names()));
		boolean layoutChanged = false;
		for (Iterator<Map.Entry<String, MetricChart>> it = byMetric.entrySet().iterator(); it.hasNext();) {
			Map.Entry<String, MetricChart> e = it.next();
			if (!names.contains(e.getKey())) {
				e.getValue().dispose();
				it.remove();
				layoutChanged = true;
			}
		}
		for (String name : names) {
			MetricChart chart = byMetric.get(name);
			if (chart == null) {
				chart = newChart(name);
				byMetric.put(name, chart);
				layoutChanged = true;
			}
			chart.update(runs);
		}
		if (layoutChanged) {
			Control previous = empty;
			for (MetricChart chart : byMetric.values()) {
				chart.chart().moveBelow(previous);
				previous = chart.chart();
			}
			empty.setVisible(byMetric.isEmpty());
			((GridData) empty.getLayoutData()).exclude = !byMetric.isEmpty();
			relayout();
		}
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
	MetricChart chart(String metric) {
		return byMetric.get(metric);
	}

	private MetricChart newChart(String metric) {
		MetricChart chart = new MetricChart(charts, metric);
		GridData data = new GridData(SWT.FILL, SWT.TOP, true, false);
		data.heightHint = MIN_CHART_HEIGHT;
		data.widthHint = 200;
		chart.chart().setLayoutData(data);
		chart.setSmoothing(smoothing);
		chart.setLogScale(logScale);
		Menu menu = new Menu(chart.chart());
		MenuItem export = new MenuItem(menu, SWT.PUSH);
		export.setText("Export Chart as PNG…");
		export.addListener(SWT.Selection, e -> exportAction.accept(chart));
		chart.chart().setMenu(menu);
		chart.chart().getPlotArea().getControl().setMenu(menu);
		return chart;
	}

	private void relayout() {
		int width = scroll.getClientArea().width;
		int rows = (byMetric.size() + 1) / 2;
		if (rows > 0) {
			GridLayout grid = (GridLayout) charts.getLayout();
			int free = scroll.getClientArea().height - 2 * grid.marginHeight - (rows - 1) * grid.verticalSpacing;
			int height = Math.min(MAX_CHART_HEIGHT, Math.max(MIN_CHART_HEIGHT, free / rows));
			for (MetricChart chart : byMetric.values()) {
				((GridData) chart.chart().getLayoutData()).heightHint = height;
			}
		}
		charts.layout(true, true);
		scroll.setMinSize(charts.computeSize(width > 0 ? width : SWT.DEFAULT, SWT.DEFAULT));
	}
}
