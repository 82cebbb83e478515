package org.neurograph.runtime.dl4j.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.DataSet;
import org.neurograph.runtime.dl4j.SafeModelSerializer;
import org.neurograph.runtime.dl4j.UnsafeModelException;

/** A layer class from this (buddy) bundle survives JSON and model-file round trips made on worker threads. */
class CustomLayerTest {

	@Test
	void configurationWithAPluginLayerRoundTripsThroughJson() throws Exception {
		NullTccl.startNd4j();
		MultiLayerConfiguration conf = TinyNet.create(3, new ScaledTanhLayer(0.5)).getLayerWiseConfigurations();
		MultiLayerConfiguration back = NullTccl.call(() -> MultiLayerConfiguration.fromJson(conf.toJson()));
		assertEquals(conf, back);
		ScaledTanhLayer layer = assertInstanceOf(ScaledTanhLayer.class, back.getConf(1).getLayer());
		assertEquals(0.5, layer.getScale());
	}

	@Test
	void modelWithAPluginLayerSavesAndRestoresWhenTheLayerIsAllowed(@TempDir Path dir) throws Exception {
		NullTccl.startNd4j();
		NullTccl.call(() -> {
			MultiLayerNetwork net = TinyNet.create(5, new ScaledTanhLayer(0.5));
			DataSet data = TinyNet.data(9);
			TinyNet.train(net, data, 3);
			Path file = dir.resolve("custom.zip");
			SafeModelSerializer.writeModel(net, file, true);

			MultiLayerNetwork restored = SafeModelSerializer.standard().allowing(ScaledTanhLayer.class)
					.restoreMultiLayerNetwork(file, true);
			assertInstanceOf(ScaledTanhLayer.class, restored.getLayerWiseConfigurations().getConf(1).getLayer());
			assertEquals(net.params(), restored.params());
			assertEquals(net.output(data.getFeatures()), restored.output(data.getFeatures()));
			return null;
		});
	}

	@Test
	void modelWithAPluginLayerIsRefusedUnlessTheLayerIsAllowed(@TempDir Path dir) throws Exception {
		NullTccl.startNd4j();
		Path file = dir.resolve("custom.zip");
		SafeModelSerializer.writeModel(TinyNet.create(5, new ScaledTanhLayer(2)), file, false);
		UnsafeModelException e = assertThrows(UnsafeModelException.class,
				() -> SafeModelSerializer.standard().restoreMultiLayerNetwork(file, false));
		assertTrue(e.getMessage().contains("'" + ScaledTanhLayer.class.getName() + "'"), e.getMessage());
		assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
	}
}
