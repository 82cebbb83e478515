package org.neurograph.ui.internal.navigator;

import java.util.Optional;

import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.swt.graphics.Image;
import org.eclipse.ui.IMemento;
import org.eclipse.ui.navigator.ICommonContentExtensionSite;
import org.eclipse.ui.navigator.ICommonLabelProvider;
import org.neurograph.ui.internal.Images;

/**
 * The Project Explorer's labels for the assets of Neurograph projects (navigator content "Neurograph Assets", asked
 * before the resource contents): an icon per asset kind and the resource's name. For anything else it answers null,
 * and the resource labels apply.
 */
public class AssetLabelProvider extends LabelProvider implements ICommonLabelProvider {

	@Override
	public Image getImage(Object element) {
		return icon(element).map(Images::get).orElse(null);
	}

	@Override
	public String getText(Object element) {
		return icon(element).isPresent() ? Adapters.adapt(element, IResource.class).getName() : null;
	}

	private static Optional<String> icon(Object element) {
		IResource resource = Adapters.adapt(element, IResource.class);
		return resource == null || resource.getType() == IResource.PROJECT || resource.getType() == IResource.ROOT
				? Optional.empty()
				: AssetIcons.of(resource);
	}

	@Override
	public String getDescription(Object element) {
		IResource resource = Adapters.adapt(element, IResource.class);
		return resource == null ? null : resource.getFullPath().makeRelative().toString();
	}

	@Override
	public void init(ICommonContentExtensionSite config) {
		// stateless
	}

	@Override
	public void restoreState(IMemento memento) {
		// stateless
	}

	@Override
	public void saveState(IMemento memento) {
		// stateless
	}
}
