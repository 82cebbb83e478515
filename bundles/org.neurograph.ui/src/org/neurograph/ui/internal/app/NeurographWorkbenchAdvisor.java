package org.neurograph.ui.internal.app;

import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.ui.application.IWorkbenchConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;
import org.eclipse.ui.ide.IDE;
import org.neurograph.ui.NeurographUi;
import org.neurograph.ui.internal.Statuses;
import org.neurograph.ui.internal.demo.DemoProject;
import org.neurograph.ui.internal.properties.ProvenanceAdapterFactory;

/**
 * Does for Neurograph what the IDE's own advisor does for the IDE: resource adapters and project images for the
 * Project Explorer and the Properties view, the workspace root as page input, a workspace save on shutdown; and it
 * creates the demo project on first start.
 */
public class NeurographWorkbenchAdvisor extends WorkbenchAdvisor {
	private boolean demoCreated;

	@Override
	public void initialize(IWorkbenchConfigurer configurer) {
		configurer.setSaveAndRestore(true);
		ProvenanceAdapterFactory.register(); // before the IDE's factories, which answer for every file
		IDE.registerAdapters();
		IdeImages.declare(configurer);
	}

	@Override
	public void preStartup() {
		// before the first window opens, so that the Project Explorer shows the project at once
		demoCreated = DemoProject.createIfMissing();
	}

	@Override
	public void postStartup() {
		if (demoCreated) {
			DemoProject.fillInBackground();
		}
	}

	@Override
	public IAdaptable getDefaultPageInput() {
		return ResourcesPlugin.getWorkspace().getRoot();
	}

	@Override
	public String getInitialWindowPerspectiveId() {
		return NeurographUi.PERSPECTIVE_ID;
	}

	@Override
	public WorkbenchWindowAdvisor createWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
		return new NeurographWindowAdvisor(configurer);
	}

	@Override
	public void postShutdown() {
		IWorkspace workspace = ResourcesPlugin.getWorkspace();
		try {
			workspace.save(true, null);
		} catch (CoreException e) {
			Statuses.log(IStatus.ERROR, "Could not save the workspace: " + e.getMessage(), e);
		}
	}
}
