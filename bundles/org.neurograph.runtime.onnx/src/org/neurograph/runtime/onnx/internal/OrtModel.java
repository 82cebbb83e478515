package org.neurograph.runtime.onnx.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Collectors;

import org.neurograph.runtime.onnx.Dimension;
import org.neurograph.runtime.onnx.ElementType;
import org.neurograph.runtime.onnx.FloatTensor;
import org.neurograph.runtime.onnx.InferenceException;
import org.neurograph.runtime.onnx.InvalidModelException;
import org.neurograph.runtime.onnx.ModelSignature;
import org.neurograph.runtime.onnx.OnnxModel;
import org.neurograph.runtime.onnx.ValueKind;
import org.neurograph.runtime.onnx.ValueSpec;
import org.neurograph.runtime.onnx.internal.ModelFileCheck.CheckedModel;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * A model backed by an ONNX Runtime session. Runs share a read lock; closing takes the write lock, so a session is
 * never closed under a running inference. Inputs are passed to ONNX Runtime over their direct buffers; outputs of
 * fixed shape are written by ONNX Runtime straight into new direct buffers, others are copied once.
 */
public final class OrtModel implements OnnxModel {

	private final OrtEnvironment environment;
	private final OrtSession session;
	private final Path path;
	private final CheckedModel checked;
	private final ModelSignature signature;
	private final int threads;
	private final ReadWriteLock lock = new ReentrantReadWriteLock();
	private boolean closed;

	private OrtModel(OrtEnvironment environment, OrtSession session, Path path, CheckedModel checked, int threads)
			throws OrtException {
		this.environment = environment;
		this.session = session;
		this.path = path;
		this.checked = checked;
		this.threads = threads;
		this.signature = new ModelSignature(Signatures.of(session.getInputInfo()),
				Signatures.of(session.getOutputInfo()));
	}

	/** Opens a session on a checked model with {@code threads} intra-op threads. */
	public static OrtModel open(OrtEnvironment environment, Path path, CheckedModel checked, int threads)
			throws InvalidModelException {
		try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
			options.setIntraOpNumThreads(threads);
			options.setInterOpNumThreads(1);
			options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
			// a model with external data is opened by path, so that ONNX Runtime finds the data beside it
			OrtSession session = checked.externalData().isEmpty() ? environment.createSession(checked.bytes(), options)
					: environment.createSession(checked.file().toString(), options);
			try {
				return new OrtModel(environment, session, path, checked, threads);
			} catch (OrtException e) {
				session.close();
				throw e;
			}
		} catch (OrtException e) {
			throw new InvalidModelException("Cannot load the ONNX model " + path + ": ONNX Runtime refused it ("
					+ e.getMessage() + ").", e);
		}
	}

	@Override
	public Path path() {
		return path;
	}

	/** The checked file this model was loaded from. */
	public CheckedModel checked() {
		return checked;
	}

	@Override
	public ModelSignature signature() {
		return signature;
	}

	@Override
	public int intraOpThreads() {
		return threads;
	}

	@Override
	public boolean isClosed() {
		lock.readLock().lock();
		try {
			return closed;
		} finally {
			lock.readLock().unlock();
		}
	}

	/** Closes the session once no run is in progress. Idempotent. */
	public void close() {
		lock.writeLock().lock();
		try {
			if (!closed) {
				closed = true;
				session.close();
			}
		} catch (OrtException e) {
			// the session is gone either way; nothing to report to anyone
		} finally {
			lock.writeLock().unlock();
		}
	}

	@Override
	public Map<String, FloatTensor> run(Map<String, FloatTensor> inputs) throws InferenceException {
		lock.readLock().lock();
		try {
			if (closed) {
				throw new InferenceException("The ONNX model " + path + " has been closed (it was removed, changed or "
						+ "the runtime stopped); load it again.");
			}
			checkInputs(inputs);
			return runChecked(inputs);
		} finally {
			lock.readLock().unlock();
		}
	}

	private Map<String, FloatTensor> runChecked(Map<String, FloatTensor> inputs) throws InferenceException {
		List<OnnxTensor> owned = new ArrayList<>();
		try {
			Map<String, OnnxTensor> feed = new LinkedHashMap<>();
			for (Map.Entry<String, FloatTensor> input : inputs.entrySet()) {
				feed.put(input.getKey(), track(owned, input.getValue()));
			}
			Map<String, FloatTensor> outputs = new LinkedHashMap<>();
			Map<String, OnnxTensor> pinned = new LinkedHashMap<>();
			Set<String> requested = new HashSet<>();
			for (ValueSpec output : signature.outputs()) {
				if (output.isFixedFloatTensor()) {
					FloatTensor tensor = FloatTensor.allocate(fixedShape(output));
					pinned.put(output.name(), track(owned, tensor));
					outputs.put(output.name(), tensor);
				} else {
					requested.add(output.name());
					outputs.put(output.name(), null);
				}
			}
			try (OrtSession.Result result = session.run(feed, requested, pinned)) {
				for (String name : requested) {
					outputs.put(name, copy(result.get(name)));
				}
			}
			return outputs;
		} catch (OrtException e) {
			throw new InferenceException("Running the ONNX model " + path + " failed: " + e.getMessage(), e);
		} finally {
			owned.forEach(OnnxTensor::close);
		}
	}

	private OnnxTensor track(List<OnnxTensor> owned, FloatTensor tensor) throws OrtException {
		OnnxTensor t = OnnxTensor.createTensor(environment, tensor.data(), tensor.shape());
		owned.add(t);
		return t;
	}

	private static FloatTensor copy(Optional<OnnxValue> value) {
		OnnxTensor tensor = (OnnxTensor) value.orElseThrow();
		FloatTensor copy = FloatTensor.allocate(tensor.getInfo().getShape());
		copy.data().put(tensor.getFloatBuffer());
		return copy;
	}

	private static long[] fixedShape(ValueSpec spec) {
		return spec.shape().stream().mapToLong(Dimension::size).toArray();
	}

	private void checkInputs(Map<String, FloatTensor> inputs) throws InferenceException {
		for (String name : inputs.keySet()) {
			if (signature.input(name).isEmpty()) {
				throw badInputs("it has no input '" + name + "'");
			}
		}
		for (ValueSpec spec : signature.inputs()) {
			FloatTensor tensor = inputs.get(spec.name());
			if (tensor == null) {
				throw badInputs("the input '" + spec.name() + "' is missing");
			}
			if (spec.kind() != ValueKind.TENSOR || spec.elementType() != ElementType.FLOAT) {
				throw badInputs("the input '" + spec.name() + "' takes " + spec.elementType() + " values, and only "
						+ "float tensors can be passed");
			}
			long[] shape = tensor.shape();
			boolean fits = shape.length == spec.shape().size();
			for (int d = 0; fits && d < shape.length; d++) {
				fits = spec.shape().get(d).accepts(shape[d]);
			}
			if (!fits) {
				throw badInputs("the input '" + spec.name() + "' must have the shape " + spec.shape() + ", not "
						+ Arrays.toString(shape));
			}
		}
		for (ValueSpec spec : signature.outputs()) {
			if (spec.kind() != ValueKind.TENSOR || spec.elementType() != ElementType.FLOAT) {
				throw badInputs("its output '" + spec.name() + "' holds " + spec.elementType() + " values, and only "
						+ "float outputs can be returned");
			}
		}
	}

	private InferenceException badInputs(String what) {
		String expected = signature.inputs().stream().map(ValueSpec::toString).collect(Collectors.joining(", "));
		return new InferenceException("Cannot run the ONNX model " + path + ": " + what + ". Its inputs are: "
				+ expected + ".");
	}
}
