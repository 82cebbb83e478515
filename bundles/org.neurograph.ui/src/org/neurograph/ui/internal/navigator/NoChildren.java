package org.neurograph.ui.internal.navigator;

import org.eclipse.jface.viewers.ITreeContentProvider;

/**
 * The content provider of the "Neurograph Assets" navigator content: it adds no elements (the workspace resources
 * content shows them all); the extension exists for its labels.
 */
public class NoChildren implements ITreeContentProvider {
	private static final Object[] NONE = new Object[0];

	@Override
	public Object[] getElements(Object inputElement) {
		return NONE;
	}

	@Override
	public Object[] getChildren(Object parentElement) {
		return NONE;
	}

	@Override
	public Object getParent(Object element) {
		return null;
	}

	@Override
	public boolean hasChildren(Object element) {
		return false;
	}
}
