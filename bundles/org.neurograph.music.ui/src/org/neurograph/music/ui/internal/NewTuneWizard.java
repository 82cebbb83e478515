package org.neurograph.music.ui.internal;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.ui.INewWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.dialogs.WizardNewFileCreationPage;
import org.eclipse.ui.ide.IDE;

/**
 * File > New > ABC Tune: a new {@code .abc} file with a short tune to start from, opened in the tune editor (the
 * Neurograph perspective offers it in File > New).
 */
public final class NewTuneWizard extends Wizard implements INewWizard {
	/** The wizard's id in plugin.xml. */
	public static final String ID = "org.neurograph.music.ui.newTune";

	/** What a new tune holds: a complete ABC tune to play and change. */
	public static final String TEMPLATE = """
			X:1
			T:New Tune
			M:4/4
			L:1/8
			Q:1/4=120
			K:D
			|:"D"d2fd "A"c2ec|"D"d2fa "G"g2fe|"D"d2fd "A"c2ec|"D"d4 d4:|
			""";

	private IWorkbench workbench;
	private IStructuredSelection selection;
	private WizardNewFileCreationPage page;

	@Override
	public void init(IWorkbench newWorkbench, IStructuredSelection newSelection) {
		workbench = newWorkbench;
		selection = newSelection;
		setWindowTitle("New ABC Tune");
		setNeedsProgressMonitor(true);
	}

	@Override
	public void addPages() {
		page = new WizardNewFileCreationPage("tune", selection) {
			@Override
			protected InputStream getInitialContents() {
				return new ByteArrayInputStream(TEMPLATE.getBytes(StandardCharsets.UTF_8));
			}
		};
		page.setTitle("ABC Tune");
		page.setDescription("Create an .abc file with a short tune; it opens in the tune editor.");
		page.setFileExtension("abc");
		page.setFileName("tune.abc");
		addPage(page);
	}

	@Override
	public boolean performFinish() {
		IFile file = page.createNewFile();
		if (file == null) {
			return false;
		}
		try {
			IDE.openEditor(workbench.getActiveWorkbenchWindow().getActivePage(), file, TuneEditor.ID);
		} catch (PartInitException e) {
			page.setErrorMessage("The tune was created but cannot be opened: " + e.getMessage());
		}
		return true;
	}
}
