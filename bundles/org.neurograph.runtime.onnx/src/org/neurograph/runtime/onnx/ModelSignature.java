package org.neurograph.runtime.onnx;

import java.util.List;
import java.util.Optional;

/**
 * The inputs and outputs of an ONNX model, in the model's order: what an import dialog shows and what
 * {@link OnnxModel#run} checks its inputs against.
 *
 * @param inputs  the inputs
 * @param outputs the outputs
 */
public record ModelSignature(List<ValueSpec> inputs, List<ValueSpec> outputs) {

	/** A signature with unmodifiable copies of the lists. */
	public ModelSignature {
		inputs = List.copyOf(inputs);
		outputs = List.copyOf(outputs);
	}

	/** The input called {@code name}. */
	public Optional<ValueSpec> input(String name) {
		return inputs.stream().filter(v -> v.name().equals(name)).findFirst();
	}

	/** The output called {@code name}. */
	public Optional<ValueSpec> output(String name) {
		return outputs.stream().filter(v -> v.name().equals(name)).findFirst();
	}
}
