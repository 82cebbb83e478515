package org.neurograph.training.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Scale;
import org.eclipse.ui.IWorkbenchPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.neurograph.api.training.Trainer;
import org.neurograph.assets.NeurographProject;
import org.neurograph.training.RunInfo;
import org.neurograph.training.RunSettings;
import org.neurograph.training.RunState;
import org.neurograph.training.TrainingJob;
import org.neurograph.training.TrainingService;
import org.neurograph.training.testing.LeastSquaresData;
import org.neurograph.training.testing.LeastSquaresTrainer;
import org.neurograph.training.ui.internal.DashboardView;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The dashboard in the real workbench under Xvfb (tycho-surefire's UI harness; the test methods run in the UI
 * thread): it opens when a run starts, charts the running run's points, and its step slider changes the sample shown.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardUiTest {
	private static final RunSettings SETTINGS = RunSettings.defaults().withCheckpoints(50, Duration.ofHours(1), 2)
			.withSampleEverySteps(5);

	private static Path project;
	private static ServiceRegistration<Trainer> trainer;
	private static ServiceTracker<TrainingService, TrainingService> engine;
	private static String firstRun;

	@BeforeAll
	static void projectAndTrainer() throws Exception {
		IProject p = NeurographProject.create("dashboard-demo", null, new NullProgressMonitor());
		project = p.getLocation().toPath();
		LeastSquaresData.write(project, "line");
		BundleContext context = FrameworkUtil.getBundle(DashboardUiTest.class).getBundleContext();
		trainer = context.registerService(Trainer.class, new LeastSquaresTrainer(), null);
		engine = new ServiceTracker<>(context, TrainingService.class, null);
		engine.open();
	}

	@AfterAll
	static void cleanUp() {
		trainer.unregister();
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
		UiWait.waitFor(display, () -> dashboard.selectedRuns().equals(List.of(firstRun)) ? true : null,
				"the dashboard to show the run that started (it may be open already, on an earlier run)");
		page.setPartState(page.findViewReference(DashboardView.ID), IWorkbenchPage.STATE_MAXIMIZED);
		UiWait.waitFor(display, () -> dashboard.chartPoints("loss") >= 20 ? true : null, "20 points on the loss chart");
		assertEquals(1, dashboard.chartLines("loss"));
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
		dashboard.setLogScale(true);
		dashboard.setSmoothing(0.6);
		UiWait.processEvents(display, 500);
		UiWait.screenshot(display, "dashboard-overlay.png");

		Path out = Path.of(System.getProperty("neurograph.screenshots", "target"));
		Path png = out.resolve("loss-chart.png");
		dashboard.exportChart("loss", png);
		ImageData chart = new ImageData(png.toString());
		assertEquals(800, chart.width);
		assertEquals(500, chart.height);
		Path csv = out.resolve("metrics.csv");
		dashboard.exportCsv(csv);
		List<String> rows = Files.readAllLines(csv);
		assertEquals("run,step,metric,value,time", rows.get(0));
		assertEquals(120, rows.stream().filter(r -> r.startsWith(done.id() + ",")).count(),
				"loss and gradNorm for each of the 60 steps of the second run");
		assertTrue(rows.stream().anyMatch(r -> r.startsWith(firstRun + ",1,loss,")));
	}

	/** Moves the slider as a user does: sets it and sends the selection event. */
	private static void move(Scale slider, int position) {
		slider.setSelection(position);
		slider.notifyListeners(SWT.Selection, new Event());
	}
}
