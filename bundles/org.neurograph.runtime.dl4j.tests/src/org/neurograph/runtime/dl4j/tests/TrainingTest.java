package org.neurograph.runtime.dl4j.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.DataSet;
import org.neurograph.runtime.dl4j.SafeModelSerializer;

class TrainingTest {

	@Test
	void trainsWithFallingLossThenSavesAndRestoresOnAWorkerThread(@TempDir Path dir) throws Exception {
		NullTccl.startNd4j();
		NullTccl.call(() -> {
			MultiLayerNetwork net = TinyNet.create(42, null);
			DataSet data = TinyNet.data(7);
			double[] losses = TinyNet.train(net, data, 5);
			System.out.println("[dl4j] losses " + Arrays.toString(losses));
			for (int i = 1; i < losses.length; i++) {
				assertTrue(losses[i] < losses[i - 1], "the loss must fall: " + Arrays.toString(losses));
			}

			Path file = dir.resolve("tiny.zip");
			SafeModelSerializer.writeModel(net, file, true);
			try (Stream<Path> files = Files.list(dir)) {
				assertEquals(List.of(file), files.toList(), "the atomic write leaves no temporary file behind");
			}
			MultiLayerNetwork restored = SafeModelSerializer.standard().restoreMultiLayerNetwork(file, true);
			assertEquals(net.getLayerWiseConfigurations(), restored.getLayerWiseConfigurations());
			assertEquals(net.params(), restored.params());
			assertEquals(net.output(data.getFeatures()), restored.output(data.getFeatures()));
			// the updater state came back too: one more step gives the same loss on both
			assertEquals(TinyNet.train(net, data, 1)[0], TinyNet.train(restored, data, 1)[0], 1e-6);
			return null;
		});
	}

	@Test
	void overwritingAModelReplacesItWhole(@TempDir Path dir) throws Exception {
		NullTccl.startNd4j();
		MultiLayerNetwork a = TinyNet.create(1, null);
		MultiLayerNetwork b = TinyNet.create(2, null);
		Path file = dir.resolve("model.zip");
		SafeModelSerializer.writeModel(a, file, false);
		SafeModelSerializer.writeModel(b, file, false);
		assertEquals(b.params(), SafeModelSerializer.standard().restoreMultiLayerNetwork(file, false).params());
	}
}
