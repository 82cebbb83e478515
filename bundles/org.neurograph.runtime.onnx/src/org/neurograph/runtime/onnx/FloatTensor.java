package org.neurograph.runtime.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * A float tensor: a shape and the values in row-major order in a direct buffer, which ONNX Runtime reads and writes
 * in place (no nested Java arrays, no copies on the way in). Not thread-safe: the buffer is shared, not copied.
 */
public final class FloatTensor {

	private final long[] shape;
	private final FloatBuffer data;

	private FloatTensor(long[] shape, FloatBuffer data) {
		this.shape = shape;
		this.data = data;
	}

	/** A tensor of zeros of {@code shape}, in a new direct buffer in the platform's byte order. */
	public static FloatTensor allocate(long... shape) {
		long count = count(shape);
		if (count > Integer.MAX_VALUE / Float.BYTES) {
			throw new IllegalArgumentException("a tensor of shape " + Arrays.toString(shape) + " is too large ("
					+ count + " values; at most " + Integer.MAX_VALUE / Float.BYTES + ")");
		}
		FloatBuffer data = ByteBuffer.allocateDirect((int) count * Float.BYTES).order(ByteOrder.nativeOrder())
				.asFloatBuffer();
		return new FloatTensor(shape.clone(), data);
	}

	/**
	 * A tensor over {@code data}'s remaining values (not copied), which must be a direct buffer in the platform's
	 * byte order holding exactly as many values as {@code shape} asks for.
	 */
	public static FloatTensor wrap(FloatBuffer data, long... shape) {
		if (!data.isDirect() || data.order() != ByteOrder.nativeOrder()) {
			throw new IllegalArgumentException("a tensor needs a direct FloatBuffer in native byte order; use "
					+ "FloatTensor.allocate or ByteBuffer.allocateDirect(...).order(ByteOrder.nativeOrder())");
		}
		long count = count(shape);
		if (data.remaining() != count) {
			throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + count
					+ " values; the buffer holds " + data.remaining());
		}
		return new FloatTensor(shape.clone(), data.slice());
	}

	/** The dimensions. */
	public long[] shape() {
		return shape.clone();
	}

	/** The values: a view of the tensor's buffer from its first value to its last (writes go to the tensor). */
	public FloatBuffer data() {
		return data.duplicate().clear();
	}

	/** The number of values. */
	public int size() {
		return data.capacity();
	}

	/** The value at {@code index}, one index per dimension (for checks and small tensors; use {@link #data()}). */
	public float get(long... index) {
		if (index.length != shape.length) {
			throw new IllegalArgumentException("expected " + shape.length + " indices, got " + index.length);
		}
		long offset = 0;
		for (int d = 0; d < shape.length; d++) {
			if (index[d] < 0 || index[d] >= shape[d]) {
				throw new IndexOutOfBoundsException("index " + Arrays.toString(index) + " outside shape "
						+ Arrays.toString(shape));
			}
			offset = offset * shape[d] + index[d];
		}
		return data.get((int) offset);
	}

	@Override
	public String toString() {
		return "FloatTensor" + Arrays.toString(shape);
	}

	private static long count(long[] shape) {
		long count = 1;
		for (long d : shape) {
			if (d < 0) {
				throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
			}
			count = Math.multiplyExact(count, d);
		}
		return count;
	}
}
