package org.neurograph.style.ui.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.neurograph.api.AssetKind;
import org.neurograph.assets.Asset;
import org.neurograph.assets.AssetCatalog;
import org.neurograph.assets.NeurographProject;
import org.neurograph.style.StyleModelImporter;

/** The fast style models of the workspace's open Neurograph projects. */
final class StyleCatalog {

	/**
	 * One imported style.
	 *
	 * @param project the project's folder
	 * @param name    the model's name
	 * @param folder  the model's folder
	 */
	record Style(Path project, String name, Path folder) {
	}

	private StyleCatalog() {
	}

	/** Every style, project by project, in name order. */
	static List<Style> styles() {
		List<Style> styles = new ArrayList<>();
		for (IProject project : ResourcesPlugin.getWorkspace().getRoot().getProjects()) {
			if (!project.isOpen() || !NeurographProject.isNeurographProject(project) || project.getLocation() == null) {
				continue;
			}
			Path dir = project.getLocation().toPath();
			try {
				for (Asset model : new AssetCatalog(dir).list(AssetKind.MODEL)) {
					if (StyleModelImporter.FORMAT.equals(model.metadata().get("format"))) {
						styles.add(new Style(dir, model.name(), model.location()));
					}
				}
			} catch (IOException e) {
				// a project whose models cannot be listed offers no styles; the navigator shows its problem
			}
		}
		return styles;
	}
}
