package org.neurograph.assets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neurograph.api.AssetKind;
import org.neurograph.api.GenerationException;
import org.neurograph.api.GenerationRequest;
import org.neurograph.api.Generator;
import org.neurograph.api.ModelRef;
import org.neurograph.api.ParameterValues;
import org.neurograph.api.Progress;

/**
 * Runs one generation for a host (the workbench's job, the command line): checks the parameters, resolves the model
 * asset, calls the generator and writes each work into {@code outputs/} with its provenance as soon as it arrives.
 * Works written before a cancellation or a failure stay written.
 */
public final class GenerationRunner {

	/** What a generation wrote, in order. */
	public record Result(List<Path> outputs) {
		public Result {
			outputs = List.copyOf(outputs);
		}
	}

	private GenerationRunner() {
	}

	/**
	 * @param params    parameter values as text; missing ones take their defaults
	 * @param modelName the model asset in {@code models/}, or {@code null}
	 * @throws org.neurograph.api.InvalidParametersException for bad parameter values (one message per value)
	 * @throws org.neurograph.api.CancelledException when {@code progress} was cancelled
	 * @throws GenerationException for anything else the user must fix, with a message that says what
	 * @throws IOException if the project folder cannot be prepared
	 */
	public static Result run(Generator generator, Path projectDir, Map<String, String> params, int count, long seed,
			String modelName, Progress progress) throws GenerationException, IOException {
		ParameterValues values = generator.parameters().resolve(params);
		if (count < 1 || count > GenerationRequest.MAX_COUNT) {
			throw new GenerationException("The count must be from 1 to " + GenerationRequest.MAX_COUNT + ", not " + count + ".");
		}
		NeurographProject.ensureLayout(projectDir);
		Optional<ModelRef> model = modelName == null || modelName.isBlank() ? Optional.empty()
				: Optional.of(model(projectDir, modelName.strip()));
		String name = generator.info().name();
		if (generator.requiresModel() && model.isEmpty()) {
			throw new GenerationException(name + " needs a model: choose one of the project's models"
					+ available(projectDir) + ".");
		}
		OutputStore store = new OutputStore(projectDir);
		List<Path> written = Collections.synchronizedList(new ArrayList<>());
		GenerationRequest request = new GenerationRequest(values, count, seed, model);
		try {
			generator.generate(request, artifact -> {
				try {
					written.addAll(store.write(List.of(artifact)));
				} catch (IOException e) {
					throw new GenerationException("Could not write '" + artifact.name() + "' into " + projectDir.resolve("outputs")
							+ ": " + e.getMessage() + ". Check the free disk space and the folder's permissions.", e);
				}
			}, progress);
		} catch (RuntimeException e) {
			throw new GenerationException("The generator '" + name + "' (" + generator.info().id() + " "
					+ generator.info().version() + ") failed unexpectedly: " + e + ". This is a fault in the plugin; "
					+ "its details are in the error log.", e);
		}
		return new Result(written);
	}

	/** The model asset {@code name} with the SHA-256 of its weights. */
	static ModelRef model(Path projectDir, String name) throws GenerationException, IOException {
		Optional<Asset> asset = new AssetCatalog(projectDir).find(AssetKind.MODEL, name);
		if (asset.isEmpty()) {
			throw new GenerationException("There is no model '" + name + "' in the project" + available(projectDir) + ".");
		}
		Path folder = asset.get().location();
		return new ModelRef(name, folder, AssetCatalog.modelSha256(folder));
	}

	private static String available(Path projectDir) throws IOException {
		List<String> names = new AssetCatalog(projectDir).list(AssetKind.MODEL).stream().map(Asset::name).toList();
		return names.isEmpty() ? " (it has none yet: train or import one)" : " (" + String.join(", ", names) + ")";
	}
}
