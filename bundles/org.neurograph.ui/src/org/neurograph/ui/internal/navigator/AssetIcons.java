package org.neurograph.ui.internal.navigator;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.IPath;
import org.neurograph.api.AssetKind;
import org.neurograph.assets.AssetCatalog;
import org.neurograph.ui.internal.Images;
import org.neurograph.ui.internal.Projects;

/**
 * Which icon a resource of a Neurograph project gets: the four top folders; each dataset by kind, models and runs
 * (as {@link AssetCatalog#kindOf} sees them); the day folders of outputs and the works in them by media. Other
 * resources get none (they keep the usual icons).
 */
final class AssetIcons {
	private static final Set<String> IMAGES = Set.of("png", "jpg", "jpeg", "gif", "bmp");
	private static final Set<String> TEXTS = Set.of("txt", "md");
	private static final Set<String> TUNES = Set.of("abc", "mid", "midi", "wav");

	private AssetIcons() {
	}

	/** The icon path (see {@link Images}) for a resource inside a Neurograph project, if it has one of its own. */
	static Optional<String> of(IResource resource) {
		IPath relative = resource.getProjectRelativePath();
		if (relative.isEmpty()) {
			return Optional.empty();
		}
		String top = relative.segment(0);
		if (top.equals(AssetKind.OUTPUT.folder())) {
			return relative.segmentCount() == 1 ? folder(resource, Images.OUTPUTS_FOLDER) : output(resource);
		}
		return switch (relative.segmentCount()) {
		case 1 -> topFolder(resource, top);
		case 2 -> resource.getType() == IResource.FOLDER ? kind(resource).map(AssetIcons::icon) : Optional.empty();
		default -> Optional.empty();
		};
	}

	/** The kind of an asset folder (a direct child of datasets/, models/ or runs/). */
	static Optional<AssetKind> kind(IResource resource) {
		Optional<Path> projectDir = Projects.location(resource.getProject());
		Optional<Path> path = Projects.location(resource);
		if (projectDir.isEmpty() || path.isEmpty()) {
			return Optional.empty();
		}
		return new AssetCatalog(projectDir.get()).kindOf(path.get());
	}

	private static Optional<String> topFolder(IResource resource, String name) {
		return switch (name) {
		case "datasets" -> folder(resource, Images.DATASETS_FOLDER);
		case "models" -> folder(resource, Images.MODELS_FOLDER);
		case "runs" -> folder(resource, Images.RUNS_FOLDER);
		default -> Optional.empty();
		};
	}

	private static Optional<String> folder(IResource resource, String icon) {
		return resource.getType() == IResource.FOLDER ? Optional.of(icon) : Optional.empty();
	}

	private static Optional<String> output(IResource resource) {
		if (resource.getType() == IResource.FOLDER) {
			return Optional.of(Images.OUTPUT_DAY);
		}
		String extension = resource.getFileExtension() == null ? "" : resource.getFileExtension().toLowerCase(Locale.ROOT);
		if (extension.equals("json")) {
			return Optional.of(Images.PROVENANCE);
		}
		if (IMAGES.contains(extension)) {
			return Optional.of(Images.OUTPUT_IMAGE);
		}
		if (TEXTS.contains(extension)) {
			return Optional.of(Images.OUTPUT_TEXT);
		}
		return TUNES.contains(extension) ? Optional.of(Images.OUTPUT_MUSIC) : Optional.empty();
	}

	private static String icon(AssetKind kind) {
		return switch (kind) {
		case IMAGE_DATASET -> Images.IMAGE_DATASET;
		case TEXT_CORPUS -> Images.TEXT_CORPUS;
		case TUNE_COLLECTION -> Images.TUNE_COLLECTION;
		case MODEL -> Images.MODEL;
		case RUN -> Images.RUN;
		case OUTPUT -> Images.OUTPUT_DAY;
		};
	}
}
