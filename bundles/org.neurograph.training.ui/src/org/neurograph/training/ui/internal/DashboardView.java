package org.neurograph.training.ui.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Scale;
import org.eclipse.swtchart.Chart;
import org.eclipse.ui.part.ViewPart;
import org.neurograph.api.training.TrainingException;
import org.neurograph.training.RunFolder;
import org.neurograph.training.RunInfo;
import org.neurograph.training.RunState;
import org.neurograph.training.TrainingEvents;
import org.neurograph.training.TrainingJob;
import org.neurograph.training.TrainingService;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The training dashboard: a project's runs with their states; live charts of the selected runs' metrics (several runs
 * overlaid), with smoothing and a linear or log scale; the samples of the first selected run at any step; pause,
 * resume and stop; metrics exported as CSV and charts as PNG. It follows the files of the runs (so runs trained by
 * the command line show too) and refreshes at once when the engine posts an event.
 */
public final class DashboardView extends ViewPart {
	/** The view's id. */
	public static final String ID = "org.neurograph.training.ui.dashboard";
	private static final int POLL_MILLIS = 1000;
	private static final int SOON_MILLIS = 150;

	private final Map<String, RunData> shown = new LinkedHashMap<>();
	private final List<Path> projects = new ArrayList<>();
	private ServiceTracker<TrainingService, TrainingService> service;
	private ServiceRegistration<EventHandler> events;
	private Combo projectCombo;
	private RunsTable runs;
	private ChartGrid charts;
	private SampleStrip samples;
	private Button pause;
	private Button resume;
	private Button stop;
	private Label smoothingLabel;
	private Scale smoothingScale;
	private Button linearButton;
	private Button logButton;
	private boolean refreshSoon;

	@Override
	public void createPartControl(Composite parent) {
		parent.setLayout(new GridLayout(1, false));
		createToolbar(parent);
		SashForm rows = new SashForm(parent, SWT.VERTICAL);
		rows.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		runs = new RunsTable(rows, this::selectionChanged);
		SashForm columns = new SashForm(rows, SWT.HORIZONTAL);
		Composite chartColumn = new Composite(columns, SWT.NONE);
		GridLayout chartLayout = new GridLayout(1, false);
		chartLayout.marginWidth = 0;
		chartLayout.marginHeight = 0;
		chartColumn.setLayout(chartLayout);
		createChartOptions(chartColumn);
		charts = new ChartGrid(chartColumn, this::exportChart);
		charts.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		samples = new SampleStrip(columns);
		columns.setWeights(65, 35);
		rows.setWeights(22, 78);
		connect();
		loadProjects();
		parent.getDisplay().timerExec(POLL_MILLIS, this::poll);
	}

	private void createToolbar(Composite parent) {
		Composite bar = new Composite(parent, SWT.NONE);
		bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		bar.setLayout(new GridLayout(6, false));
		new Label(bar, SWT.NONE).setText("Project:");
		projectCombo = new Combo(bar, SWT.READ_ONLY);
		GridData comboData = new GridData(SWT.FILL, SWT.CENTER, true, false);
		comboData.minimumWidth = 160;
		projectCombo.setLayoutData(comboData);
		projectCombo.addListener(SWT.Selection, e -> projectChanged());
		pause = button(bar, "Pause", "Pause the selected run after its current step (with a checkpoint)", this::pause);
		resume = button(bar, "Resume", "Go on with the selected run (from its last checkpoint if it is not paused)",
				this::resume);
		stop = button(bar, "Stop", "Stop the selected run after its current step, with a checkpoint", this::stop);
		button(bar, "Export CSV…", "Save the metrics of the selected runs as CSV", this::exportCsv);
	}

	private void createChartOptions(Composite parent) {
		Composite options = new Composite(parent, SWT.NONE);
		options.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		options.setLayout(new GridLayout(5, false));
		new Label(options, SWT.NONE).setText("Smoothing");
		smoothingScale = new Scale(options, SWT.HORIZONTAL);
		smoothingScale.setMinimum(0);
		smoothingScale.setMaximum(99);
		smoothingScale.setLayoutData(new GridData(140, SWT.DEFAULT));
		smoothingScale.addListener(SWT.Selection, e -> smoothingChanged());
		smoothingLabel = new Label(options, SWT.NONE);
		smoothingLabel.setText("0.00");
		linearButton = new Button(options, SWT.RADIO);
		linearButton.setText("Linear");
		linearButton.setSelection(true);
		logButton = new Button(options, SWT.RADIO);
		logButton.setText("Log");
		logButton.addListener(SWT.Selection, e -> charts.setLogScale(logButton.getSelection()));
	}

	private static Button button(Composite bar, String text, String tip, Runnable action) {
		Button b = new Button(bar, SWT.PUSH);
		b.setText(text);
		b.setToolTipText(tip);
		b.addListener(SWT.Selection, e -> action.run());
		return b;
	}

	/** Tracks the engine and listens to its events. */
	private void connect() {
		BundleContext context = FrameworkUtil.getBundle(DashboardView.class).getBundleContext();
		service = new ServiceTracker<>(context, TrainingService.class, null);
		service.open();
		Dictionary<String, Object> topics = new Hashtable<>();
		topics.put(EventConstants.EVENT_TOPIC, TrainingEvents.ALL);
		events = context.registerService(EventHandler.class, e -> requestRefresh(), topics);
	}

	@Override
	public void dispose() {
		if (events != null) {
			events.unregister();
		}
		if (service != null) {
			service.close();
		}
		super.dispose();
	}

	@Override
	public void setFocus() {
		runs.control().setFocus();
	}

	/** Shows {@code runId} of {@code project}: selects the project (adding it if it is not in the workspace) and the run. */
	public void showRun(Path project, String runId) {
		Path p = project.toAbsolutePath().normalize();
		if (!projects.contains(p)) {
			projects.add(p);
			projectCombo.add(p.getFileName() + " (" + p + ")");
		}
		int index = projects.indexOf(p);
		if (projectCombo.getSelectionIndex() != index) {
			projectCombo.select(index);
			projectChanged();
		}
		refresh();
		runs.select(runId);
		selectionChanged();
	}

	/** The project shown, or null. */
	public Path project() {
		int i = projectCombo.getSelectionIndex();
		return i < 0 ? null : projects.get(i);
	}

	/** The ids of the runs shown, in table order (the first one's samples are shown). */
	public List<String> selectedRuns() {
		return runs.selectedIds();
	}

	/** Shows exactly the runs {@code ids} of the current project, overlaid. */
	public void select(List<String> ids) {
		runs.selectOnly(ids);
		selectionChanged();
	}

	/** The number of points on the chart of {@code metric}, all runs together (0 if there is no such chart). */
	public int chartPoints(String metric) {
		MetricChart chart = charts.chart(metric);
		return chart == null ? 0 : chart.pointCount();
	}

	/** The number of runs on the chart of {@code metric}. */
	public int chartLines(String metric) {
		MetricChart chart = charts.chart(metric);
		return chart == null ? 0 : chart.lineCount();
	}

	/**
	 * The SWTChart chart of {@code metric}, or null: a run's smoothed line is the series named by the run's id, its
	 * measured values the series {@code <run id> (measured)}.
	 */
	public Chart chart(String metric) {
		MetricChart chart = charts.chart(metric);
		return chart == null ? null : chart.chart();
	}

	/** Why the chart of {@code metric} is linear although the log scale is chosen, or "" (null if there is no such chart). */
	public String chartNote(String metric) {
		MetricChart chart = charts.chart(metric);
		return chart == null ? null : chart.note();
	}

	public void setLogScale(boolean log) {
		logButton.setSelection(log);
		linearButton.setSelection(!log);
		charts.setLogScale(log);
	}

	/** Sets the smoothing weight, from 0 (none) to 0.99. */
	public void setSmoothing(double weight) {
		smoothingScale.setSelection((int) Math.round(weight * 100));
		smoothingChanged();
	}

	/** The steps at which the first selected run took samples. */
	public List<Long> sampleSteps() {
		return samples.steps();
	}

	/** The slider that picks the sample step. */
	public Scale sampleSlider() {
		return samples.slider();
	}

	/** The step whose samples are shown, or -1. */
	public long shownStep() {
		return samples.shownStep();
	}

	/** The text samples shown, as displayed. */
	public String shownText() {
		return samples.shownText();
	}

	/** The number of image samples shown. */
	public int shownImages() {
		return samples.shownImages();
	}

	/** Saves the chart of {@code metric} as an 800 x 500 PNG. */
	public void exportChart(String metric, Path file) throws IOException {
		MetricChart chart = charts.chart(metric);
		if (chart == null) {
			throw new IOException("There is no chart of '" + metric + "'.");
		}
		chart.exportPng(file, 800, 500);
	}

	/** Saves the metrics of the runs shown as CSV. */
	public void exportCsv(Path file) throws IOException {
		MetricsCsv.write(selectedRuns().stream().map(id -> RunFolder.of(project(), id)).toList(), file);
	}

	/** Reads what the runs wrote since the last refresh and updates everything shown. */
	void refresh() {
		if (projectCombo.isDisposed()) {
			return;
		}
		boolean changed = false;
		for (RunData data : shown.values()) {
			try {
				changed |= data.refresh();
			} catch (IOException e) {
				// the log is being replaced this very moment: the next refresh reads it
			}
		}
		runs.load(project(), this::liveStep);
		if (changed) {
			charts.show(ordered());
		}
		samples.refresh();
		updateButtons();
	}

	private void loadProjects() {
		projects.clear();
		projectCombo.removeAll();
		for (IProject p : ResourcesPlugin.getWorkspace().getRoot().getProjects()) {
			if (p.isOpen() && p.getLocation() != null) {
				projects.add(p.getLocation().toPath().toAbsolutePath().normalize());
				projectCombo.add(p.getName());
			}
		}
		if (!projects.isEmpty()) {
			projectCombo.select(0);
			projectChanged();
		}
	}

	private void projectChanged() {
		shown.clear();
		runs.load(project(), this::liveStep);
		selectionChanged();
	}

	private void selectionChanged() {
		Path project = project();
		List<String> selected = runs.selectedIds();
		shown.keySet().retainAll(selected);
		for (String id : selected) {
			shown.computeIfAbsent(id, i -> new RunData(RunFolder.of(project, i)));
		}
		for (RunData data : shown.values()) {
			try {
				data.refresh();
			} catch (IOException e) {
				// read at the next refresh
			}
		}
		charts.show(ordered());
		samples.setRun(selected.isEmpty() ? null : RunFolder.of(project, selected.get(0)));
		updateButtons();
	}

	/** The runs shown, in table order. */
	private List<RunData> ordered() {
		return runs.selectedIds().stream().map(shown::get).filter(Objects::nonNull).toList();
	}

	private Long liveStep(String runId) {
		RunData data = shown.get(runId);
		return data == null ? null : data.lastStep();
	}

	private void poll() {
		if (projectCombo == null || projectCombo.isDisposed()) {
			return;
		}
		refresh();
		projectCombo.getDisplay().timerExec(POLL_MILLIS, this::poll);
	}

	/** Refreshes soon, once, however many events arrive meanwhile; callable from any thread. */
	private void requestRefresh() {
		if (projectCombo == null || projectCombo.isDisposed()) {
			return;
		}
		projectCombo.getDisplay().asyncExec(() -> {
			if (!refreshSoon && !projectCombo.isDisposed()) {
				refreshSoon = true;
				projectCombo.getDisplay().timerExec(SOON_MILLIS, () -> {
					refreshSoon = false;
					refresh();
				});
			}
		});
	}

	private void smoothingChanged() {
		double weight = smoothingScale.getSelection() / 100.0;
		smoothingLabel.setText(String.format(Locale.ROOT, "%.2f", weight));
		charts.setSmoothing(weight);
	}

	private Optional<RunInfo> primary() {
		return runs.selected().stream().findFirst();
	}

	private Optional<TrainingJob> job(RunInfo run) {
		TrainingService s = service.getService();
		return s == null ? Optional.empty() : s.activeJob(project(), run.id());
	}

	private void updateButtons() {
		Optional<RunInfo> run = primary();
		boolean active = run.flatMap(this::job).isPresent();
		RunState state = run.map(RunInfo::state).orElse(null);
		pause.setEnabled(active && state == RunState.RUNNING);
		stop.setEnabled(active && state != null && state.live());
		resume.setEnabled(state == RunState.PAUSED && active || state != null && state.resumable() && !active);
	}

	private void pause() {
		primary().flatMap(this::job).ifPresent(j -> j.control().pause());
		requestRefresh();
	}

	private void stop() {
		primary().flatMap(this::job).ifPresent(j -> j.control().stop());
		requestRefresh();
	}

	private void resume() {
		Optional<RunInfo> run = primary();
		if (run.isEmpty()) {
			return;
		}
		Optional<TrainingJob> job = job(run.get());
		if (job.isPresent()) {
			job.get().control().resume();
		} else {
			TrainingService s = service.getService();
			try {
				if (s == null) {
					throw new TrainingException("The training engine is not running.");
				}
				s.resume(project(), run.get().id());
			} catch (TrainingException e) {
				MessageDialog.openError(getSite().getShell(), "Cannot resume the run", e.getMessage());
			}
		}
		requestRefresh();
	}

	private void exportCsv() {
		List<String> ids = runs.selectedIds();
		if (ids.isEmpty()) {
			MessageDialog.openInformation(getSite().getShell(), "Export metrics", "Select the runs to export first.");
			return;
		}
		FileDialog dialog = new FileDialog(getSite().getShell(), SWT.SAVE);
		dialog.setFilterExtensions(new String[] { "*.csv" });
		dialog.setFileName(ids.get(0) + "-metrics.csv");
		dialog.setOverwrite(true);
		String file = dialog.open();
		if (file != null) {
			try {
				exportCsv(Path.of(file));
			} catch (IOException e) {
				MessageDialog.openError(getSite().getShell(), "Export metrics", "Could not write " + file + ": "
						+ e.getMessage());
			}
		}
	}

	private void exportChart(MetricChart chart) {
		FileDialog dialog = new FileDialog(getSite().getShell(), SWT.SAVE);
		dialog.setFilterExtensions(new String[] { "*.png" });
		dialog.setFileName(chart.metric().replaceAll("[^A-Za-z0-9._-]", "_") + ".png");
		dialog.setOverwrite(true);
		String file = dialog.open();
		if (file != null) {
			try {
				chart.exportPng(Path.of(file), Math.max(640, chart.chart().getSize().x),
						Math.max(400, chart.chart().getSize().y));
			} catch (IOException e) {
				MessageDialog.openError(getSite().getShell(), "Export chart", "Could not write " + file + ": "
						+ e.getMessage());
			}
		}
	}
}
