package org.neurograph.gan.ui.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.neurograph.api.ModelRef;
import org.neurograph.gan.GanModel;
import org.neurograph.runtime.dl4j.RuntimeUnavailableException;

/** Loads GAN models once per folder and content, shared by the views (loading a generator takes a while). */
final class ModelLoader {

	/** A loaded model with the reference its outputs record. */
	record Loaded(GanAssets.ModelChoice choice, GanModel model, ModelRef ref) {
	}

	/** The models loaded last (a generator network is small, but not free). */
	private static final int KEEP = 3;
	private static final Map<Path, Loaded> CACHE = new LinkedHashMap<>(8, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<Path, Loaded> eldest) {
			return size() > KEEP;
		}
	};

	private ModelLoader() {
	}

	/** Loads (or finds loaded) the model; call it off the UI thread. The message of the exception is for the user. */
	static Loaded load(GanAssets.ModelChoice choice) throws IOException {
		ModelRef ref = org.neurograph.gan.GanOutputs.modelRef(choice.name(), choice.folder());
		synchronized (CACHE) {
			Loaded known = CACHE.get(choice.folder());
			if (known != null && known.ref().sha256().equals(ref.sha256())) {
				return known;
			}
		}
		GanModel model;
		try {
			model = GanModel.load(choice.folder());
		} catch (RuntimeUnavailableException e) {
			throw new IOException("The deep-learning runtime could not start: " + e.getMessage(), e);
		}
		Loaded loaded = new Loaded(choice, model, ref);
		synchronized (CACHE) {
			CACHE.put(choice.folder(), loaded);
		}
		return loaded;
	}
}
