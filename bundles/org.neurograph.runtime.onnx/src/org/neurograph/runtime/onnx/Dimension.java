package org.neurograph.runtime.onnx;

/**
 * One dimension of a tensor's shape: a fixed size, or a symbol (such as {@code batch} or {@code height}) whose size
 * is chosen at each run, or unknown.
 *
 * @param size   the size, or -1 when it is chosen at run time
 * @param symbol the symbolic name, or the empty string when there is none
 */
public record Dimension(long size, String symbol) {

	/** A dimension of fixed {@code size}. */
	public static Dimension fixed(long size) {
		return new Dimension(size, "");
	}

	/** True if the size is fixed by the model. */
	public boolean isFixed() {
		return size >= 0;
	}

	/** True if {@code size} fits this dimension. */
	public boolean accepts(long actual) {
		return isFixed() ? actual == size : actual >= 0;
	}

	/** The size, or the symbol, or {@code ?}. */
	@Override
	public String toString() {
		if (isFixed()) {
			return Long.toString(size);
		}
		return symbol.isEmpty() ? "?" : symbol;
	}
}
