package org.neurograph.training.ui.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Scale;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.ISeries;
import org.eclipse.ui.IWorkbenchPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.neurograph.api.training.Metric;
import org.neurograph.api.training.Trainer;
import org.neurograph.assets.NeurographProject;
import org.neurograph.training.RunFolder;
import org.neurograph.training.RunInfo;
import org.neurograph.training.RunSettings;
import org.neurograph.training.RunState;
import org.neurograph.training.TrainingJob;
import org.neurograph.training.TrainingService;
import org.neurograph.training.testing.LeastSquaresData;
import org.neurograph.training.testing.LeastSquaresTrainer;
import org.neurograph.training.ui.internal.DashboardView;
import org.neurograph.training.ui.internal.Smoothing;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The dashboard in the real workbench under Xvfb (tycho-surefire's UI harness; the test methods run in the UI
 * thread): it opens when a run starts, charts the running run's points with SWTChart (asserted on the charts' series),
 * overlays runs, smooths, goes logarithmic where it can, exports, and its step slider changes the sample shown.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardUiTest {
	private static final RunSettings SETTINGS = RunSettings.defaults().withCheckpoints(50, Duration.ofHours(1), 2)
			.withSampleEverySteps(5);

	private static Path project;
	private static ServiceRegistration<Trainer> trainer;
	private static ServiceRegistration<Trainer> changeTrainer;
	private static ServiceTracker<TrainingService, TrainingService> engine;
	private static String firstRun;

	@BeforeAll
	static void projectAndTrainer() throws Exception {
		IProject p = NeurographProject.create("dashboard-demo", null, new NullProgressMonitor());
		project = p.getLocation().toPath();
		LeastSquaresData.write(project, "line");
		BundleContext context = FrameworkUtil.getBundle(DashboardUiTest.class).getBundleContext();
		trainer = context.registerService(Trainer.class, new LeastSquaresTrainer(), null);
		changeTrainer = context.registerService(Trainer.class, new LossChangeTrainer(), null);
		engine = new ServiceTracker<>(context, TrainingService.class, null);
		engine.open();
	}

	@AfterAll
	static void cleanUp() {
		trainer.unregister();
		changeTrainer.unregister();
		engine.close();
	}

	@Test
	@Order(1)
	void theDashboardOpensOnARunningRunChartsItsPointsAndShowsAnyStepsSamples() throws Exception {
		Display display = Display.getCurrent();
		assertNotNull(display, "the test runs in the UI thread");
		IWorkbenchPage page = UiWait.waitFor(display, UiWait::page, "the workbench window");
		TrainingService service = UiWait.waitFor(display, engine::getService, "the training service");
		TrainingJob job = service.start(project, LeastSquaresTrainer.ID, "line",
				Map.of("steps", "100000", "pauseMillis", "10"), SETTINGS);
		firstRun = job.trainingRun().id();

		DashboardView dashboard = UiWait.waitFor(display, () -> (DashboardView) page.findView(DashboardView.ID),
				"the dashboard to open when the run starts");
		// run ids are unique within a project only: the wizard test's project may hold a run of the same id
		UiWait.waitFor(display, () -> project.toAbsolutePath().normalize().equals(dashboard.project())
				&& dashboard.selectedRuns().equals(List.of(firstRun)) ? true : null,
				"the dashboard to show the run that started (it may be open already, on an earlier run)");
		assertTrue(page.isPartVisible(dashboard), "the dashboard is brought to the front of its stack");
		page.setPartState(page.findViewReference(DashboardView.ID), IWorkbenchPage.STATE_MAXIMIZED);
		UiWait.waitFor(display, () -> dashboard.chartPoints("loss") >= 20 ? true : null, "20 points on the loss chart");
		assertEquals(1, dashboard.chartLines("loss"));
		Chart chart = dashboard.chart("loss");
		assertEquals(Set.of(firstRun, firstRun + " (measured)"), seriesIds(chart), "a run's line and its measured values");
		assertEquals(Set.of("gradNorm", "loss"), Set.of(dashboard.chart("gradNorm").getAxisSet().getYAxis(0).getTitle()
				.getText(), chart.getAxisSet().getYAxis(0).getTitle().getText()), "one chart per metric, titled by it");
		assertEquals("step", chart.getAxisSet().getXAxis(0).getTitle().getText());
		assertFalse(chart.getAxisSet().getYAxis(0).isLogScaleEnabled(), "linear by default");
		ISeries<?> line = chart.getSeriesSet().getSeries(firstRun);
		assertPointsAreTheLogged(firstRun, "loss", line);
		assertArrayEquals(line.getYSeries(), chart.getSeriesSet().getSeries(firstRun + " (measured)").getYSeries(),
				"without smoothing the line is the measured values");
		int points = line.getXSeries().length;
		UiWait.waitFor(display, () -> line.getXSeries().length > points + 5 ? true : null, "the line to grow");
		assertSame(chart, dashboard.chart("loss"), "live points are appended: the chart stays");
		assertSame(line, chart.getSeriesSet().getSeries(firstRun), "live points are appended: the run's line stays");
		assertPointsAreTheLogged(firstRun, "loss", line);
		UiWait.waitFor(display, () -> dashboard.sampleSteps().size() >= 4 ? true : null, "samples of 4 steps");
		UiWait.screenshot(display, "dashboard-running.png");

		Scale slider = dashboard.sampleSlider();
		move(slider, 0);
		assertEquals(5, dashboard.shownStep(), "the first step with samples");
		String first = dashboard.shownText();
		assertTrue(first.startsWith("— weights.txt —\nstep 5\n"), first);
		assertEquals(1, dashboard.shownImages(), "the fit plot is shown as an image");
		move(slider, 2);
		assertEquals(15, dashboard.shownStep(), "the slider picks any step, not only the latest");
		assertTrue(dashboard.shownText().contains("step 15\n"), dashboard.shownText());
		assertNotEquals(first, dashboard.shownText());
		int steps = dashboard.sampleSteps().size();
		UiWait.waitFor(display, () -> dashboard.sampleSteps().size() > steps ? true : null, "more samples");
		assertEquals(15, dashboard.shownStep(), "new samples do not move a slider that is not at the end");
		UiWait.screenshot(display, "dashboard-step-slider.png");

		job.control().stop();
		RunInfo stopped = UiWait.waitFor(display, () -> job.result().orElse(null), "the run to stop");
		assertEquals(RunState.STOPPED, stopped.state(), stopped.message());
		IProject workspaceProject = ResourcesPlugin.getWorkspace().getRoot().getProject("dashboard-demo");
		UiWait.waitFor(display, () -> workspaceProject.getFolder("runs/" + firstRun + "/checkpoints").exists() ? true : null,
				"the workspace to see the run's folder (the engine refreshes it)");
	}

	@Test
	@Order(2)
	void runsAreOverlaidAndMetricsAndChartsExport() throws Exception {
		Display display = Display.getCurrent();
		IWorkbenchPage page = UiWait.waitFor(display, UiWait::page, "the workbench window");
		TrainingJob second = engine.getService().start(project, LeastSquaresTrainer.ID, "line",
				Map.of("steps", "60", "learningRate", "0.02"), SETTINGS);
		RunInfo done = UiWait.waitFor(display, () -> second.result().orElse(null), "the second run to finish");
		assertEquals(RunState.FINISHED, done.state(), done.message());
		DashboardView dashboard = (DashboardView) page.findView(DashboardView.ID);
		dashboard.select(List.of(firstRun, done.id()));
		UiWait.waitFor(display, () -> dashboard.chartLines("loss") == 2 ? true : null, "two runs on the loss chart");
		Chart chart = dashboard.chart("loss");
		assertTrue(seriesIds(chart).containsAll(Set.of(firstRun, done.id())), seriesIds(chart).toString());
		assertTrue(chart.getLegend().isVisible(), "the runs are named in a legend");
		assertTrue(chart.getSeriesSet().getSeries(done.id()).isVisibleInLegend());
		assertFalse(chart.getSeriesSet().getSeries(done.id() + " (measured)").isVisibleInLegend());
		ISeries<?> secondLine = chart.getSeriesSet().getSeries(done.id());
		assertPointsAreTheLogged(done.id(), "loss", secondLine);
		assertEquals(60, secondLine.getXSeries().length);

		dashboard.setLogScale(true);
		assertTrue(chart.getAxisSet().getYAxis(0).isLogScaleEnabled(), "the loss is positive: a log axis");
		assertEquals("", dashboard.chartNote("loss"));
		double[] measured = chart.getSeriesSet().getSeries(done.id() + " (measured)").getYSeries();
		assertArrayEquals(measured, secondLine.getYSeries(), "no smoothing yet");
		dashboard.setSmoothing(0.6);
		double[] smoothed = secondLine.getYSeries();
		assertEquals(measured[0], smoothed[0], 1e-12, "the smoothed line starts at the first value");
		assertEquals((0.6 * 0.4 * measured[0] + 0.4 * measured[1]) / (1 - 0.36), smoothed[1], 1e-12);
		assertNotEquals(measured[30], smoothed[30], "smoothing changes the plotted values");
		assertArrayEquals(Smoothing.ema(measured, 0.6), smoothed, 1e-12);
		assertTrue(chart.getSeriesSet().getSeries(done.id() + " (measured)").isVisible(),
				"the measured values show (faint) behind the smoothed line");
		assertArrayEquals(measured, chart.getSeriesSet().getSeries(done.id() + " (measured)").getYSeries(),
				"smoothing leaves the measured values as they are");
		UiWait.processEvents(display, 500);
		UiWait.screenshot(display, "dashboard-overlay.png");

		Path out = Path.of(System.getProperty("neurograph.screenshots", "target"));
		Path png = out.resolve("loss-chart.png");
		dashboard.exportChart("loss", png);
		ImageData picture = new ImageData(png.toString());
		assertEquals(800, picture.width);
		assertEquals(500, picture.height);
		assertTrue(countPixels(picture, new RGB(31, 119, 180)) > 200, "the first run's line is in the picture");
		assertTrue(countPixels(picture, new RGB(255, 127, 14)) > 50, "the second run's line is in the picture");
		try (var files = Files.list(out)) {
			assertEquals(List.of(), files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList(),
					"written atomically: no temporary file is left");
		}
		Path csv = out.resolve("metrics.csv");
		dashboard.exportCsv(csv);
		List<String> rows = Files.readAllLines(csv);
		assertEquals("run,step,metric,value,time", rows.get(0));
		assertEquals(120, rows.stream().filter(r -> r.startsWith(done.id() + ",")).count(),
				"loss and gradNorm for each of the 60 steps of the second run");
		assertTrue(rows.stream().anyMatch(r -> r.startsWith(firstRun + ",1,loss,")));
	}

	@Test
	@Order(3)
	void aMetricWithValuesAtOrBelowZeroStaysLinearWithANoteOnTheLogScale() throws Exception {
		Display display = Display.getCurrent();
		IWorkbenchPage page = UiWait.waitFor(display, UiWait::page, "the workbench window");
		TrainingJob job = engine.getService().start(project, LossChangeTrainer.ID, "line",
				Map.of("steps", "40", "learningRate", "0.02"), SETTINGS);
		RunInfo done = UiWait.waitFor(display, () -> job.result().orElse(null), "the loss-change run to finish");
		assertEquals(RunState.FINISHED, done.state(), done.message());
		DashboardView dashboard = (DashboardView) page.findView(DashboardView.ID);
		dashboard.setSmoothing(0);
		dashboard.setLogScale(true);
		dashboard.select(List.of(done.id()));
		UiWait.waitFor(display, () -> dashboard.chartPoints(LossChangeTrainer.METRIC) == 40 ? true : null,
				"40 points on the loss-change chart");
		Chart change = dashboard.chart(LossChangeTrainer.METRIC);
		assertFalse(change.getAxisSet().getYAxis(0).isLogScaleEnabled(), "values at or below zero: linear");
		String note = dashboard.chartNote(LossChangeTrainer.METRIC);
		assertTrue(note.contains("A log scale needs values above 0, and the lowest value of lossChange is -"), note);
		assertEquals("lossChange  (linear: values ≤ 0)", change.getTitle().getText(), "the title says it briefly");
		assertTrue(dashboard.chart("loss").getAxisSet().getYAxis(0).isLogScaleEnabled(), "the loss chart is logarithmic");
		assertEquals("", dashboard.chartNote("loss"));
		UiWait.screenshot(display, "dashboard-log-note.png");
		dashboard.exportChart(LossChangeTrainer.METRIC,
				Path.of(System.getProperty("neurograph.screenshots", "target")).resolve("loss-change-chart.png"));

		dashboard.setLogScale(false);
		assertEquals("", dashboard.chartNote(LossChangeTrainer.METRIC), "linear asked for: nothing to explain");
		assertEquals(LossChangeTrainer.METRIC, change.getTitle().getText());
		assertFalse(dashboard.chart("loss").getAxisSet().getYAxis(0).isLogScaleEnabled());
	}

	/** The x values of {@code line} are steps 1, 2, ... and its y values the metric as the run logged it. */
	private static void assertPointsAreTheLogged(String run, String metric, ISeries<?> line) throws Exception {
		List<Metric> logged = RunFolder.of(project, run).metrics().stream().filter(m -> m.name().equals(metric)).toList();
		double[] x = line.getXSeries();
		double[] y = line.getYSeries();
		assertTrue(x.length > 0 && x.length <= logged.size(), x.length + " points, " + logged.size() + " logged");
		for (int i = 0; i < x.length; i++) {
			assertEquals(logged.get(i).step(), x[i], 0, "step of point " + i);
			assertEquals(logged.get(i).value(), y[i], 0, "value of point " + i);
		}
	}

	private static Set<String> seriesIds(Chart chart) {
		return Arrays.stream(chart.getSeriesSet().getSeries()).map(ISeries::getId).collect(Collectors.toSet());
	}

	/** The pixels of {@code picture} within a small distance of {@code colour}. */
	private static int countPixels(ImageData picture, RGB colour) {
		int n = 0;
		for (int y = 0; y < picture.height; y++) {
			for (int x = 0; x < picture.width; x++) {
				RGB p = picture.palette.getRGB(picture.getPixel(x, y));
				if (Math.abs(p.red - colour.red) + Math.abs(p.green - colour.green) + Math.abs(p.blue - colour.blue) < 30) {
					n++;
				}
			}
		}
		return n;
	}

	/** Moves the slider as a user does: sets it and sends the selection event. */
	private static void move(Scale slider, int position) {
		slider.setSelection(position);
		slider.notifyListeners(SWT.Selection, new Event());
	}
}
