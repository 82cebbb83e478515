package org.neurograph.runtime.onnx.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurograph.runtime.onnx.Dimension;
import org.neurograph.runtime.onnx.ElementType;
import org.neurograph.runtime.onnx.FloatTensor;
import org.neurograph.runtime.onnx.InferenceException;
import org.neurograph.runtime.onnx.OnnxModel;
import org.neurograph.runtime.onnx.OnnxPreferences;
import org.neurograph.runtime.onnx.OnnxRuntime;
import org.neurograph.runtime.onnx.ValueKind;
import org.neurograph.runtime.onnx.ValueSpec;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

class OnnxRuntimeTest {

	@TempDir
	Path dir;
	private OnnxService service;
	private OnnxRuntime runtime;
	private final IEclipsePreferences preferences = InstanceScope.INSTANCE.getNode(OnnxPreferences.QUALIFIER);

	@BeforeEach
	void track() throws Exception {
		service = new OnnxService();
		runtime = service.get();
	}

	@AfterEach
	void release() throws Exception {
		service.close();
		preferences.clear();
	}

	private static FloatTensor rows(float[] values) {
		FloatTensor x = FloatTensor.allocate(values.length / 4, 4);
		x.data().put(values);
		return x;
	}

	private static float[] values(FloatTensor tensor) {
		float[] out = new float[tensor.size()];
		tensor.data().get(out);
		return out;
	}

	@Test
	void runsAModelBuiltInTheTestAndMatchesJavaArithmeticOnAWorkerThread() throws Exception {
		Path file = Files.write(dir.resolve("linear.onnx"), LinearModels.linearRelu());
		float[] x = { 1f, 2f, -1f, 0.5f, -3f, 0.5f, 2f, 1f, 0.25f, -0.75f, 1.5f, -2f };

		Map<String, FloatTensor> outputs = NullTccl.call(() -> runtime.load(file).run(Map.of("x", rows(x))));

		FloatTensor y = outputs.get("y");
		assertArrayEquals(new long[] { 3, 3 }, y.shape());
		assertTrue(y.data().isDirect());
		assertArrayEquals(LinearModels.expected(x), values(y), 1e-5f);
		assertEquals(6.35f, y.get(0, 0), 1e-5f); // by hand: z = (6.35, -1.95, -1.45)
		assertEquals(0f, y.get(0, 1));
	}

	@Test
	void describesInputsAndOutputsWithSymbolicDimensions() throws Exception {
		Path file = Files.write(dir.resolve("linear.onnx"), LinearModels.linearRelu());
		OnnxModel model = runtime.load(file);
		assertEquals(List.of(new ValueSpec("x", ValueKind.TENSOR, ElementType.FLOAT,
				List.of(new Dimension(-1, "batch"), Dimension.fixed(4)))), model.signature().inputs());
		assertEquals(List.of(new ValueSpec("y", ValueKind.TENSOR, ElementType.FLOAT,
				List.of(new Dimension(-1, "batch"), Dimension.fixed(3)))), model.signature().outputs());
		assertEquals("x: FLOAT [batch, 4]", model.signature().inputs().get(0).toString());
		assertEquals(file, model.path());
	}

	@Test
	void writesFixedShapeOutputsStraightIntoDirectBuffers() throws Exception {
		Path file = Files.write(dir.resolve("fixed.onnx"), LinearModels.linearReluFixed());
		OnnxModel model = runtime.load(file);
		assertTrue(model.signature().outputs().get(0).isFixedFloatTensor());
		float[] x = { 1f, 2f, -1f, 0.5f };
		FloatTensor y = model.run(Map.of("x", rows(x))).get("y");
		assertArrayEquals(LinearModels.expected(x), values(y), 1e-5f);
	}

	@Test
	void refusesInputsThatDoNotFitWithClearMessages() throws Exception {
		OnnxModel model = runtime.load(Files.write(dir.resolve("linear.onnx"), LinearModels.linearRelu()));
		InferenceException shape = assertThrows(InferenceException.class,
				() -> model.run(Map.of("x", FloatTensor.allocate(2, 5))));
		assertTrue(shape.getMessage().contains("the input 'x' must have the shape [batch, 4], not [2, 5]"),
				shape.getMessage());
		InferenceException name = assertThrows(InferenceException.class,
				() -> model.run(Map.of("image", FloatTensor.allocate(1, 4))));
		assertTrue(name.getMessage().contains("it has no input 'image'"), name.getMessage());
		assertTrue(name.getMessage().contains("Its inputs are: x: FLOAT [batch, 4]"), name.getMessage());
		InferenceException missing = assertThrows(InferenceException.class, () -> model.run(Map.of()));
		assertTrue(missing.getMessage().contains("the input 'x' is missing"), missing.getMessage());
	}

	@Test
	void loadsExternalDataFromTheModelsOwnFolder() throws Exception {
		Files.write(dir.resolve("weights.bin"), LinearModels.weightBytes());
		Path file = Files.write(dir.resolve("external.onnx"), LinearModels.linearReluExternal("weights.bin"));
		float[] x = { 0.5f, -1f, 2f, 1f };
		FloatTensor y = runtime.load(file).run(Map.of("x", rows(x))).get("y");
		assertArrayEquals(LinearModels.expected(x), values(y), 1e-5f);
	}

	@Test
	void cachesByFileAndClosesSessionsOnRemove() throws Exception {
		Path file = Files.write(dir.resolve("linear.onnx"), LinearModels.linearRelu());
		OnnxModel first = runtime.load(file);
		assertSame(first, runtime.load(file));

		runtime.remove(file);
		assertTrue(first.isClosed());
		InferenceException closed = assertThrows(InferenceException.class,
				() -> first.run(Map.of("x", FloatTensor.allocate(1, 4))));
		assertTrue(closed.getMessage().contains("has been closed"), closed.getMessage());

		OnnxModel second = runtime.load(file);
		assertNotSame(first, second);
		assertFalse(second.isClosed());
	}

	@Test
	void removingAFolderClosesEveryModelInIt() throws Exception {
		Path folder = Files.createDirectories(dir.resolve("models").resolve("style"));
		OnnxModel a = runtime.load(Files.write(folder.resolve("a.onnx"), LinearModels.linearRelu()));
		OnnxModel b = runtime.load(Files.write(folder.resolve("b.onnx"), LinearModels.linearReluFixed()));
		OnnxModel other = runtime.load(Files.write(dir.resolve("other.onnx"), LinearModels.linearRelu()));
		runtime.remove(dir.resolve("models"));
		assertTrue(a.isClosed());
		assertTrue(b.isClosed());
		assertFalse(other.isClosed());
	}

	@Test
	void reloadsAChangedFileAndClosesTheOldSession() throws Exception {
		Path file = Files.write(dir.resolve("linear.onnx"), LinearModels.linearRelu());
		OnnxModel first = runtime.load(file);
		Files.write(file, LinearModels.linearReluFixed());
		Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5000));
		OnnxModel second = runtime.load(file);
		assertNotSame(first, second);
		assertTrue(first.isClosed());
		assertTrue(second.signature().inputs().get(0).shape().get(0).isFixed());
	}

	@Test
	void takesIntraOpThreadsFromThePreference() throws Exception {
		Path file = Files.write(dir.resolve("linear.onnx"), LinearModels.linearRelu());
		assertEquals(Runtime.getRuntime().availableProcessors(), runtime.load(file).intraOpThreads());
		preferences.putInt(OnnxPreferences.INTRA_OP_THREADS, 1);
		OnnxModel one = runtime.load(file);
		assertEquals(1, one.intraOpThreads());
		preferences.put(OnnxPreferences.INTRA_OP_THREADS, "lots");
		Exception bad = assertThrows(Exception.class, () -> runtime.load(file));
		assertTrue(bad.getMessage().contains("'intraOpThreads'") && bad.getMessage().contains("'lots'"),
				bad.getMessage());
	}

	@Test
	void closesSessionsWhenTheBundleStops() throws Exception {
		OnnxModel model = runtime.load(Files.write(dir.resolve("linear.onnx"), LinearModels.linearRelu()));
		Bundle bundle = FrameworkUtil.getBundle(OnnxRuntime.class);
		bundle.stop();
		try {
			assertTrue(model.isClosed());
		} finally {
			bundle.start(Bundle.START_ACTIVATION_POLICY);
		}
		try (OnnxService again = new OnnxService()) {
			assertFalse(again.get().load(model.path()).isClosed());
		}
	}

	@Test
	void tensorsLiveInDirectBuffersAndRefuseHeapBuffers() {
		FloatTensor t = FloatTensor.allocate(2, 3);
		assertTrue(t.data().isDirect());
		assertEquals(6, t.size());
		IllegalArgumentException heap = assertThrows(IllegalArgumentException.class,
				() -> FloatTensor.wrap(FloatBuffer.allocate(6), 2, 3));
		assertTrue(heap.getMessage().contains("direct FloatBuffer"), heap.getMessage());
		IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
				() -> FloatTensor.wrap(FloatTensor.allocate(5).data(), 2, 3));
		assertTrue(size.getMessage().contains("needs 6 values; the buffer holds 5"), size.getMessage());
		FloatBuffer shared = t.data();
		shared.put(4, 2.5f);
		assertEquals(2.5f, FloatTensor.wrap(t.data(), 3, 2).get(2, 0));
	}
}
