package org.neurograph.ui.internal.properties;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IFile;
import org.eclipse.ui.views.properties.IPropertyDescriptor;
import org.eclipse.ui.views.properties.IPropertySource;
import org.eclipse.ui.views.properties.PropertyDescriptor;
import org.neurograph.api.Provenance;

/**
 * The provenance of a generated work, read-only, in three categories: "Provenance" (generator and version, model and
 * its SHA-256, seed, latent length, parents, created), its parameters (every value) and "Resource" (the usual file
 * facts). If the provenance could not be read, it says why instead.
 */
public final class ProvenancePropertySource implements IPropertySource {
	// the Properties view sorts categories by name: these names keep provenance first
	static final String PROVENANCE = "Provenance";
	static final String PARAMETERS = "Provenance: parameters";
	static final String FILE = "Resource";
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
			.withZone(ZoneId.systemDefault());

	private final Map<String, String> values = new LinkedHashMap<>();
	private final List<IPropertyDescriptor> descriptors = new ArrayList<>();

	/**
	 * @param provenance the work's provenance, or null if it could not be read
	 * @param problem    why it could not be read (with a null provenance)
	 */
	ProvenancePropertySource(IFile file, Path path, Provenance provenance, String problem) {
		if (provenance == null) {
			add(PROVENANCE, "problem", "Problem", "The provenance could not be read: " + problem);
		} else {
			add(PROVENANCE, "generator", "Generator", provenance.generatorId());
			add(PROVENANCE, "generatorVersion", "Generator version", provenance.generatorVersion());
			add(PROVENANCE, "model", "Model", provenance.modelName() == null ? "(none)" : provenance.modelName());
			add(PROVENANCE, "modelSha256", "Model SHA-256", provenance.modelSha256() == null ? "(none)" : provenance.modelSha256());
			add(PROVENANCE, "seed", "Seed", Long.toString(provenance.seed()));
			float[] latent = provenance.latent();
			add(PROVENANCE, "latent", "Latent length", latent == null ? "(none)" : Integer.toString(latent.length));
			add(PROVENANCE, "parents", "Parents", provenance.parents().isEmpty() ? "(none)" : String.join(", ", provenance.parents()));
			add(PROVENANCE, "created", "Created", TIME.format(provenance.created()));
			provenance.parameters().entrySet().stream().sorted(Map.Entry.comparingByKey())
					.forEach(e -> add(PARAMETERS, "param." + e.getKey(), e.getKey(), e.getValue()));
		}
		add(FILE, "name", "Name", file.getName());
		add(FILE, "path", "Path", file.getFullPath().toString());
		add(FILE, "location", "Location", path.toString());
		try {
			add(FILE, "size", "Size", String.format("%,d bytes", Files.size(path)));
			add(FILE, "modified", "Last modified", TIME.format(Instant.ofEpochMilli(Files.getLastModifiedTime(path).toMillis())));
		} catch (IOException e) {
			add(FILE, "size", "Size", "unknown: " + e.getMessage());
		}
	}

	private void add(String category, String id, String name, String value) {
		PropertyDescriptor descriptor = new PropertyDescriptor(id, name);
		descriptor.setCategory(category);
		descriptor.setAlwaysIncompatible(true);
		descriptors.add(descriptor);
		values.put(id, value);
	}

	@Override
	public Object getEditableValue() {
		return this;
	}

	@Override
	public IPropertyDescriptor[] getPropertyDescriptors() {
		return descriptors.toArray(IPropertyDescriptor[]::new);
	}

	@Override
	public Object getPropertyValue(Object id) {
		return values.get(id);
	}

	@Override
	public boolean isPropertySet(Object id) {
		return false;
	}

	@Override
	public void resetPropertyValue(Object id) {
		// read-only
	}

	@Override
	public void setPropertyValue(Object id, Object value) {
		// read-only
	}
}
