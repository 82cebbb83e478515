package org.neurograph.runtime.onnx.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.neurograph.runtime.onnx.InvalidModelException;
import org.neurograph.runtime.onnx.OnnxModel;
import org.neurograph.runtime.onnx.OnnxPreferences;
import org.neurograph.runtime.onnx.OnnxRuntime;
import org.neurograph.runtime.onnx.OnnxUnavailableException;
import org.neurograph.runtime.onnx.internal.ModelFileCheck.CheckedModel;
import org.neurograph.runtime.onnx.internal.ModelFileCheck.FileStamp;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The {@link OnnxRuntime} service: checks and loads models and caches their sessions by real file path. A cached
 * model is reused while its file is unchanged and the thread setting is the same; it is closed when removed,
 * replaced, or when this component is deactivated (its bundle stops).
 */
@Component(service = OnnxRuntime.class)
public final class OnnxRuntimeComponent implements OnnxRuntime {

	private final PreferenceLookup preferences = new PreferenceLookup(OnnxPreferences.QUALIFIER);
	private final Map<Path, OrtModel> cache = new LinkedHashMap<>();
	private boolean deactivated;

	@Override
	public synchronized OnnxModel load(Path file) throws InvalidModelException, OnnxUnavailableException {
		if (deactivated) {
			throw new OnnxUnavailableException("The ONNX runtime has stopped; models cannot be loaded.", null);
		}
		OnnxSettings settings = OnnxSettings.read(preferences);
		Path real = ModelFileCheck.realFile(file);
		OrtModel cached = cache.get(real);
		if (cached != null && isCurrent(cached, settings)) {
			return cached;
		}
		CheckedModel checked = ModelFileCheck.check(file, settings.maxModelBytes());
		OrtModel model = OrtModel.open(OrtEnvironments.get(), file, checked, settings.intraOpThreads());
		if (cached != null) {
			cached.close();
		}
		cache.put(checked.file(), model);
		return model;
	}

	@Override
	public synchronized void remove(Path path) {
		Path absolute = path.toAbsolutePath().normalize();
		Path real;
		try {
			real = path.toRealPath();
		} catch (IOException e) {
			real = absolute; // already deleted: match by the path as given
		}
		for (Iterator<Map.Entry<Path, OrtModel>> it = cache.entrySet().iterator(); it.hasNext();) {
			Map.Entry<Path, OrtModel> entry = it.next();
			Path given = entry.getValue().path().toAbsolutePath().normalize();
			if (entry.getKey().startsWith(real) || given.startsWith(absolute)) {
				entry.getValue().close();
				it.remove();
			}
		}
	}

	/** Closes every cached model. */
	@Deactivate
	synchronized void deactivate() {
		deactivated = true;
		cache.values().forEach(OrtModel::close);
		cache.clear();
	}

	private static boolean isCurrent(OrtModel model, OnnxSettings settings) {
		if (model.isClosed() || model.intraOpThreads() != settings.intraOpThreads()) {
			return false;
		}
		try {
			return FileStamp.of(model.checked().file()).equals(model.checked().stamp());
		} catch (IOException e) {
			return false;
		}
	}
}
