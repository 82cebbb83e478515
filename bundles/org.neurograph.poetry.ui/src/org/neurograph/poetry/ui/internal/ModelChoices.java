package org.neurograph.poetry.ui.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.neurograph.api.AssetKind;
import org.neurograph.assets.Asset;
import org.neurograph.assets.AssetCatalog;
import org.neurograph.poetry.CharLstmFiles;
import org.neurograph.poetry.Ml5CharRnn;

/** The character-LSTM models of the workspace's open projects, for the poem view's model list. */
final class ModelChoices {

	/** A model: "project / name" and its folder. */
	record Choice(String label, Path folder) {
	}

	private ModelChoices() {
	}

	static List<Choice> find() {
		List<Choice> choices = new ArrayList<>();
		for (IProject project : ResourcesPlugin.getWorkspace().getRoot().getProjects()) {
			if (!project.isOpen() || project.getLocation() == null) {
				continue;
			}
			try {
				for (Asset asset : new AssetCatalog(project.getLocation().toPath()).list(AssetKind.MODEL)) {
					Path folder = asset.location();
					if (Files.isRegularFile(folder.resolve(CharLstmFiles.FILE_NAME)) || Ml5CharRnn.isCheckpoint(folder)) {
						choices.add(new Choice(project.getName() + " / " + asset.name(), folder));
					}
				}
			} catch (IOException e) {
				// a project whose models cannot be listed offers none
			}
		}
		return choices;
	}
}
