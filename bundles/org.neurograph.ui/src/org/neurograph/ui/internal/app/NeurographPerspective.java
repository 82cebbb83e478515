package org.neurograph.ui.internal.app;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;
import org.neurograph.ui.NeurographUi;

/**
 * The Neurograph perspective: the Project Explorer on the left; the gallery above the editor area in the centre; the
 * generators and the generator panel on the right; Properties, Progress and the Error Log at the bottom.
 */
public class NeurographPerspective implements IPerspectiveFactory {

	@Override
	public void createInitialLayout(IPageLayout layout) {
		String editorArea = layout.getEditorArea();
		layout.setEditorAreaVisible(true);

		layout.addView(IPageLayout.ID_PROJECT_EXPLORER, IPageLayout.LEFT, 0.2f, editorArea);

		IFolderLayout generators = layout.createFolder("org.neurograph.ui.right.top", IPageLayout.RIGHT, 0.62f, editorArea);
		generators.addView(NeurographUi.GENERATORS_VIEW_ID);
		IFolderLayout panel = layout.createFolder("org.neurograph.ui.right.bottom", IPageLayout.BOTTOM, 0.25f,
				NeurographUi.GENERATORS_VIEW_ID);
		panel.addView(NeurographUi.GENERATOR_PANEL_VIEW_ID);

		IFolderLayout bottom = layout.createFolder("org.neurograph.ui.bottom", IPageLayout.BOTTOM, 0.7f, editorArea);
		bottom.addView(IPageLayout.ID_PROP_SHEET);
		bottom.addView(IPageLayout.ID_PROGRESS_VIEW);
		bottom.addView(NeurographUi.ERROR_LOG_VIEW_ID);

		layout.addView(NeurographUi.GALLERY_VIEW_ID, IPageLayout.TOP, 0.65f, editorArea);

		for (String view : new String[] { NeurographUi.GALLERY_VIEW_ID, NeurographUi.GENERATORS_VIEW_ID,
				NeurographUi.GENERATOR_PANEL_VIEW_ID, IPageLayout.ID_PROJECT_EXPLORER, IPageLayout.ID_PROP_SHEET,
				IPageLayout.ID_PROGRESS_VIEW, NeurographUi.ERROR_LOG_VIEW_ID }) {
			layout.addShowViewShortcut(view);
		}
		layout.addNewWizardShortcut(NeurographUi.NEW_PROJECT_WIZARD_ID);
		layout.addNewWizardShortcut("org.eclipse.ui.wizards.new.folder");
		layout.addNewWizardShortcut("org.eclipse.ui.wizards.new.file");
	}
}
