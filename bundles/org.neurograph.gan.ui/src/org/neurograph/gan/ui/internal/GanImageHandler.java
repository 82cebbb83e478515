package org.neurograph.gan.ui.internal;

import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;
import org.neurograph.api.Provenance;

/**
 * "Explore from Here" and "Breed from Here" on a selected image (the gallery's context menu): finds the GAN model that
 * made it, from its provenance, and opens the latent explorer centred on it or the breeding view with it as parent.
 * An image the image GAN did not make gets a message saying so.
 */
public final class GanImageHandler extends AbstractHandler {
	/** The command that opens the latent explorer on the selected image. */
	public static final String EXPLORE = "org.neurograph.gan.ui.commands.exploreImage";
	/** The command that opens the breeding view on the selected image. */
	public static final String BREED = "org.neurograph.gan.ui.commands.breedImage";

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindowChecked(event);
		boolean explore = EXPLORE.equals(event.getCommand().getId());
		String title = explore ? "Latent Explorer" : "Breeding";
		IFile file = selectedFile(HandlerUtil.getCurrentSelection(event));
		if (file == null || file.getLocation() == null || file.getProject().getLocation() == null) {
			MessageDialog.openInformation(window.getShell(), title, "Select one image of a project first.");
			return null;
		}
		Target target = target(file);
		if (target.problem() != null) {
			MessageDialog.openInformation(window.getShell(), title, target.problem());
			return null;
		}
		GanAssets.ModelChoice model = target.model();
		String name = target.name();
		IWorkbenchPage page = window.getActivePage();
		try {
			if (explore) {
				((ExplorerView) page.showView(ExplorerView.ID)).exploreFrom(model, name);
			} else {
				((BreedingView) page.showView(BreedingView.ID)).breedFrom(model, name);
			}
		} catch (PartInitException e) {
			throw new ExecutionException("The " + title + " view could not be opened: " + e.getMessage(), e);
		}
		return null;
	}

	/**
	 * What an image leads to: the GAN model that made it and its project-relative name, or (model null) the problem
	 * to tell the user.
	 */
	public record Target(GanAssets.ModelChoice model, String name, String problem) {
	}

	/** The GAN model that made {@code file} (an image of an open project), from its provenance. */
	public static Target target(IFile file) {
		Path project = file.getProject().getLocation().toPath();
		String name = GanAssets.relative(project, file.getLocation().toPath());
		Optional<Provenance> provenance = GanAssets.provenance(file.getLocation().toPath());
		if (provenance.isEmpty() || provenance.get().latent() == null || provenance.get().modelName() == null) {
			return new Target(null, name, name + " was not made by the image GAN (its provenance holds no latent "
					+ "vector), so it has no place in a GAN's latent space. Choose an image that the Image GAN "
					+ "generator, the latent explorer or the breeding view made.");
		}
		String modelName = provenance.get().modelName();
		return GanAssets.models().stream().filter(m -> m.project().equals(project) && m.name().equals(modelName))
				.findFirst().map(m -> new Target(m, name, null))
				.orElseGet(() -> new Target(null, name, name + " was made by the GAN model '" + modelName
						+ "', which is no longer among the models of " + file.getProject().getName() + " (models/"
						+ modelName + ")."));
	}

	/** The one file of a selection, or null. */
	static IFile selectedFile(ISelection selection) {
		if (selection instanceof IStructuredSelection s && s.size() == 1) {
			return Adapters.adapt(s.getFirstElement(), IFile.class);
		}
		return null;
	}
}
