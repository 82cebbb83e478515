package org.neurograph.training.ui.internal;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.core.runtime.ILog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.neurograph.training.RunState;
import org.neurograph.training.TrainingEvents;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/** Opens the dashboard on a run when it starts or resumes training (not when it merely goes on after a pause). */
@Component(property = EventConstants.EVENT_TOPIC + "=" + TrainingEvents.STATE)
public final class DashboardOpener implements EventHandler {
	private final Map<String, String> lastState = new ConcurrentHashMap<>();

	@Override
	public void handleEvent(Event event) {
		String project = (String) event.getProperty(TrainingEvents.PROJECT);
		String runId = (String) event.getProperty(TrainingEvents.RUN_ID);
		String state = (String) event.getProperty(TrainingEvents.STATE_NAME);
		if (project == null || runId == null || state == null) {
			return;
		}
		String before = lastState.put(project + "\n" + runId, state);
		boolean starts = RunState.RUNNING.name().equals(state) && !RunState.RUNNING.name().equals(before)
				&& !RunState.PAUSED.name().equals(before);
		if (starts && PlatformUI.isWorkbenchRunning()) {
			Display display = PlatformUI.getWorkbench().getDisplay();
			display.asyncExec(() -> open(Path.of(project), runId));
		}
	}

	private static void open(Path project, String runId) {
		IWorkbench workbench = PlatformUI.getWorkbench();
		IWorkbenchWindow window = workbench.getActiveWorkbenchWindow();
		if (window == null && workbench.getWorkbenchWindowCount() > 0) {
			window = workbench.getWorkbenchWindows()[0];
		}
		IWorkbenchPage page = window == null ? null : window.getActivePage();
		if (page == null) {
			return;
		}
		try {
			DashboardView view = (DashboardView) page.showView(DashboardView.ID, null, IWorkbenchPage.VIEW_VISIBLE);
			// VIEW_VISIBLE leaves a view stacked behind another (the gallery) hidden: bring it to the front, unfocused
			page.bringToTop(view);
			view.showRun(project, runId);
		} catch (PartInitException e) {
			ILog.of(DashboardOpener.class).error("Could not open the training dashboard", e);
		}
	}
}
