package org.neurograph.ui.internal.properties;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.IAdapterFactory;
import org.eclipse.core.runtime.Platform;
import org.eclipse.ui.views.properties.IPropertySource;
import org.neurograph.api.Provenance;
import org.neurograph.assets.PngProvenance;
import org.neurograph.assets.ProvenanceJson;
import org.neurograph.ui.internal.Projects;

/**
 * Gives the Properties view the provenance of a generated work: any file with a {@code <name>.json} sidecar, or a
 * PNG with the provenance in a text chunk. For other files it gives nothing, so the plain resource properties stay.
 */
public final class ProvenanceAdapterFactory implements IAdapterFactory {

	/**
	 * Registers the factory for {@link IFile}. The adapter manager asks the factories of a type in the order they were
	 * registered, and the IDE's own factory (registered by {@code IDE.registerAdapters()}) answers for every file: so
	 * this must run first, in code (a factory of the adapters extension point would be asked after the IDE's).
	 */
	public static void register() {
		Platform.getAdapterManager().registerAdapters(new ProvenanceAdapterFactory(), IFile.class);
	}

	@Override
	public <T> T getAdapter(Object adaptableObject, Class<T> adapterType) {
		if (adapterType != IPropertySource.class || !(adaptableObject instanceof IFile file)) {
			return null;
		}
		Optional<Path> path = Projects.location(file);
		if (path.isEmpty() || "json".equals(extension(path.get())) || !Files.isRegularFile(path.get())) {
			return null;
		}
		IPropertySource source;
		try {
			Optional<Provenance> provenance = read(path.get());
			if (provenance.isEmpty()) {
				return null;
			}
			source = new ProvenancePropertySource(file, path.get(), provenance.get(), null);
		} catch (IOException e) {
			source = new ProvenancePropertySource(file, path.get(), null, e.getMessage());
		}
		return adapterType.cast(source);
	}

	/** The provenance of a work: its sidecar first, else (for PNG) its text chunk. */
	static Optional<Provenance> read(Path path) throws IOException {
		Optional<Provenance> sidecar = ProvenanceJson.readSidecar(path);
		if (sidecar.isPresent() || !"png".equals(extension(path))) {
			return sidecar;
		}
		return PngProvenance.read(path);
	}

	private static String extension(Path path) {
		String name = path.getFileName().toString();
		int dot = name.lastIndexOf('.');
		return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
	}

	@Override
	public Class<?>[] getAdapterList() {
		return new Class<?>[] { IPropertySource.class };
	}
}
