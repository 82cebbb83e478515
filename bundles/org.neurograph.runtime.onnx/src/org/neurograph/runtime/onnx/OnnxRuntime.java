package org.neurograph.runtime.onnx;

import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Loads ONNX models, as an OSGi service ({@code @Reference OnnxRuntime onnx}). Every model is checked before ONNX
 * Runtime sees it: a regular file, not empty, not larger than the preference
 * {@link OnnxPreferences#MAX_MODEL_MEGABYTES}, a well-formed ONNX protobuf with a graph, and every external-data file
 * it names inside the model's own folder (a relative path without {@code ..}, no symbolic link on the way, an existing
 * regular file). Each refusal is an {@link InvalidModelException} saying what was wrong.
 * <p>
 * Loaded models are cached by file: loading the same unchanged file again returns the same {@link OnnxModel}; a
 * changed file is loaded afresh. Sessions are closed by {@link #remove} and when the service stops (its bundle stops).
 * ONNX Runtime itself starts on the first load, not before.
 */
@ProviderType
public interface OnnxRuntime {

	/**
	 * The model in {@code file}, checked and loaded (or from the cache), with the intra-op threads of the preference
	 * {@link OnnxPreferences#INTRA_OP_THREADS}.
	 *
	 * @throws InvalidModelException     if the file is refused; the message says why
	 * @throws OnnxUnavailableException  if ONNX Runtime cannot run here or a preference is malformed
	 */
	OnnxModel load(Path file) throws InvalidModelException, OnnxUnavailableException;

	/**
	 * Closes and forgets the cached model of {@code path}, or of every model under {@code path} when it is a folder
	 * (as when a model asset is deleted). Nothing happens for paths that were never loaded.
	 */
	void remove(Path path);
}
