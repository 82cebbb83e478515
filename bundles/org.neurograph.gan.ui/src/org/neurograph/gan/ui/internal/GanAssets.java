package org.neurograph.gan.ui.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.neurograph.api.AssetKind;
import org.neurograph.api.Provenance;
import org.neurograph.assets.Asset;
import org.neurograph.assets.AssetCatalog;
import org.neurograph.assets.PngProvenance;
import org.neurograph.assets.ProvenanceJson;
import org.neurograph.gan.GanModel;

/** The GAN models of the workspace's open projects, and the GAN outputs of a model that carry a latent vector. */
public final class GanAssets {
	private static final List<String> GAN_GENERATORS = List.of("org.neurograph.gan", "org.neurograph.gan.breed");

	/**
	 * A GAN model: its project folder, its name in {@code models/}, its folder and the project's name in the
	 * workspace (which need not be its folder's name).
	 */
	public record ModelChoice(Path project, String name, Path folder, String projectName) {
		public String label() {
			return projectName + " / " + name;
		}
	}

	/** A GAN output with its latent vector: project-relative name (e.g. {@code outputs/2026-12-06/gan-x.png}). */
	public record OutputChoice(String name, Path file, float[] latent, List<String> parents) {
		@Override
		public boolean equals(Object o) {
			return o instanceof OutputChoice c && c.name.equals(name) && c.file.equals(file)
					&& java.util.Arrays.equals(c.latent, latent);
		}

		@Override
		public int hashCode() {
			return name.hashCode() * 31 + java.util.Arrays.hashCode(latent);
		}
	}

	private GanAssets() {
	}

	/** The models with a GAN generator in the open projects, by project and name. */
	public static List<ModelChoice> models() {
		List<ModelChoice> choices = new ArrayList<>();
		for (IProject project : ResourcesPlugin.getWorkspace().getRoot().getProjects()) {
			if (!project.isOpen() || project.getLocation() == null) {
				continue;
			}
			Path dir = project.getLocation().toPath();
			try {
				for (Asset asset : new AssetCatalog(dir).list(AssetKind.MODEL)) {
					if (Files.isRegularFile(asset.location().resolve(GanModel.SETTINGS_FILE))
							&& Files.isRegularFile(asset.location().resolve(GanModel.GENERATOR_FILE))) {
						choices.add(new ModelChoice(dir, asset.name(), asset.location(), project.getName()));
					}
				}
			} catch (IOException e) {
				// a project whose models cannot be listed offers none
			}
		}
		return choices;
	}

	/**
	 * The PNG outputs of {@code model}'s project made by the image GAN with that model, whose provenance holds a
	 * latent vector of {@code latentSize} values; the newest last.
	 */
	static List<OutputChoice> outputs(ModelChoice model, int latentSize) {
		List<OutputChoice> out = new ArrayList<>();
		try {
			for (Asset asset : new AssetCatalog(model.project()).list(AssetKind.OUTPUT)) {
				if (!asset.name().endsWith(".png") || !GAN_GENERATORS.contains(asset.metadata().get("generator"))
						|| !model.name().equals(asset.metadata().get("model"))) {
					continue;
				}
				provenance(asset.location()).filter(p -> p.latent() != null && p.latent().length == latentSize)
						.ifPresent(p -> out.add(new OutputChoice(relative(model.project(), asset.location()),
								asset.location(), p.latent(), p.parents())));
			}
		} catch (IOException e) {
			// no outputs to offer
		}
		out.sort(java.util.Comparator.comparing((OutputChoice o) -> modified(o.file())).thenComparing(OutputChoice::name));
		return out;
	}

	private static long modified(Path file) {
		try {
			return Files.getLastModifiedTime(file).toMillis();
		} catch (IOException e) {
			return 0;
		}
	}

	/** The provenance of an output: from its sidecar, else from inside the PNG. */
	static Optional<Provenance> provenance(Path file) {
		try {
			Optional<Provenance> p = ProvenanceJson.readSidecar(file);
			return p.isPresent() ? p : PngProvenance.read(file);
		} catch (IOException e) {
			return Optional.empty();
		}
	}

	/** {@code file}'s name relative to the project, with forward slashes. */
	static String relative(Path project, Path file) {
		return project.relativize(file).toString().replace('\\', '/');
	}
}
