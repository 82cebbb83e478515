package org.neurograph.training.ui.internal;

import java.util.List;

import org.eclipse.core.resources.IProject;
import org.eclipse.jface.wizard.Wizard;
import org.neurograph.api.training.TrainingException;
import org.neurograph.training.TrainingJob;
import org.neurograph.training.TrainingService;

/**
 * "Train a Model": starts a training run as a Job through the training engine. The dashboard opens on the run as
 * soon as it starts ({@link DashboardOpener}); a run that cannot start says why on the page and the wizard stays.
 */
public final class TrainWizard extends Wizard {
	private final TrainingService engine;
	private final TrainPage page;
	private TrainingJob started;

	/**
	 * @param preferredProject the project to offer first (e.g. the selection's), or {@code null}
	 */
	public TrainWizard(TrainingService engine, List<IProject> projects, String preferredProject) {
		this.engine = engine;
		this.page = new TrainPage(engine.trainers(), projects, preferredProject);
		setWindowTitle("Train a Model");
		setNeedsProgressMonitor(false);
	}

	@Override
	public void addPages() {
		addPage(page);
	}

	@Override
	public boolean performFinish() {
		TrainPage.Request r = page.request();
		try {
			started = engine.start(r.project(), r.trainerId(), r.dataset(), r.parameters(), r.settings());
			return true;
		} catch (TrainingException e) {
			page.setErrorMessage(e.getMessage());
			return false;
		}
	}

	/** The job of the run the wizard started, or {@code null} before it finished successfully. */
	public TrainingJob started() {
		return started;
	}
}
