package org.neurograph.ui.internal.navigator;

import java.util.Locale;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.jface.viewers.IDecoration;
import org.eclipse.jface.viewers.ILightweightLabelDecorator;
import org.eclipse.jface.viewers.LabelProvider;
import org.neurograph.api.AssetKind;
import org.neurograph.assets.NeurographProject;
import org.neurograph.ui.internal.Images;

/**
 * Marks Neurograph projects with a small badge and names the kind of each dataset after its name, in any resource
 * view. Runs in the decoration thread, never in the UI thread.
 */
public class AssetDecorator extends LabelProvider implements ILightweightLabelDecorator {

	@Override
	public void decorate(Object element, IDecoration decoration) {
		IResource resource = Adapters.adapt(element, IResource.class);
		if (resource == null || resource.getType() == IResource.ROOT) {
			return;
		}
		IProject project = resource.getProject();
		if (!NeurographProject.isNeurographProject(project)) {
			return;
		}
		if (resource == project) {
			decoration.addOverlay(Images.descriptor(Images.PROJECT_OVERLAY), IDecoration.TOP_RIGHT);
		} else if (resource.getType() == IResource.FOLDER && resource.getProjectRelativePath().segmentCount() == 2
				&& resource.getProjectRelativePath().segment(0).equals(AssetKind.IMAGE_DATASET.folder())) {
			AssetIcons.kind(resource).ifPresent(
					kind -> decoration.addSuffix("  [" + kind.label().toLowerCase(Locale.ROOT) + "]"));
		}
	}
}
