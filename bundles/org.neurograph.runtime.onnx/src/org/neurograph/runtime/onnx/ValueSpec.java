package org.neurograph.runtime.onnx;

import java.util.List;

/**
 * One input or output of an ONNX model.
 *
 * @param name        its name in the graph
 * @param kind        tensor, sequence, map...
 * @param elementType the element type of a tensor ({@link ElementType#OTHER} for other kinds)
 * @param shape       the dimensions of a tensor (empty for a scalar or for other kinds)
 */
public record ValueSpec(String name, ValueKind kind, ElementType elementType, List<Dimension> shape) {

	/** A value with an unmodifiable copy of {@code shape}. */
	public ValueSpec {
		shape = List.copyOf(shape);
	}

	/** True if this is a float tensor whose every dimension is fixed. */
	public boolean isFixedFloatTensor() {
		return kind == ValueKind.TENSOR && elementType == ElementType.FLOAT
				&& shape.stream().allMatch(Dimension::isFixed);
	}

	/** For example {@code x: FLOAT [batch, 3, 256, 256]}. */
	@Override
	public String toString() {
		return name + ": " + (kind == ValueKind.TENSOR ? elementType + " " + shape : kind.toString());
	}
}
