package org.neurograph.runtime.onnx;

import java.nio.file.Path;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A loaded ONNX model: an ONNX Runtime session owned by {@link OnnxRuntime}'s cache. It is closed by the runtime
 * when the model is removed or the runtime stops, never by its users. Thread-safe: several runs may go at once.
 */
@ProviderType
public interface OnnxModel {

	/** The model file, as given to {@link OnnxRuntime#load}. */
	Path path();

	/** Its inputs and outputs. */
	ModelSignature signature();

	/** Intra-op threads of its session. */
	int intraOpThreads();

	/**
	 * Runs the model on {@code inputs} (by input name; every input of the signature, float tensors whose shapes fit)
	 * and returns every output by name in the signature's order, each in a new direct buffer. Outputs must be float
	 * tensors.
	 *
	 * @throws InferenceException if the inputs do not fit (the message says how), the model has been closed, or ONNX
	 *                            Runtime fails
	 */
	Map<String, FloatTensor> run(Map<String, FloatTensor> inputs) throws InferenceException;

	/** True once the runtime has closed this model; {@link #run} then fails and the model must be loaded again. */
	boolean isClosed();
}
