package org.neurograph.runtime.dl4j.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;
import org.neurograph.runtime.dl4j.SafeModelSerializer;
import org.neurograph.runtime.dl4j.UnsafeModelException;

class SafeModelSerializerTest {

	@TempDir
	Path dir;
	Path model;

	@BeforeEach
	void saveAModel() throws Exception {
		NullTccl.startNd4j();
		model = dir.resolve("model.zip");
		SafeModelSerializer.writeModel(TinyNet.create(11, null), model, false);
	}

	@Test
	void refusesASerializedObjectOfAForeignClassWithoutDeserializingIt() throws Exception {
		Path tampered = dir.resolve("tampered.zip");
		ModelFiles.withEntry(model, tampered, ModelSerializer.PREPROCESSOR_BIN,
				ModelFiles.serialize(new EvilPayload()));
		EvilPayload.deserialized = false;

		UnsafeModelException e = assertThrows(UnsafeModelException.class,
				() -> SafeModelSerializer.standard().restoreMultiLayerNetwork(tampered, false));
		assertFalse(EvilPayload.deserialized, "the check must not deserialize the object");
		assertTrue(e.getMessage().contains("'preprocessor.bin'"), e.getMessage());
		assertTrue(e.getMessage().contains("'" + EvilPayload.class.getName() + "'"), e.getMessage());
		assertTrue(e.getMessage().contains(tampered.toString()), e.getMessage());
		assertThrows(UnsafeModelException.class, () -> SafeModelSerializer.standard().check(tampered));

		// the threat is real: DL4J's own ModelSerializer deserializes the object (then fails to cast it)
		assertThrows(ClassCastException.class, () -> ModelSerializer.restoreMultiLayerNetwork(tampered.toFile(), false));
		assertTrue(EvilPayload.deserialized);
	}

	@Test
	void refusesForeignObjectsHiddenInAnyEntryAndInArrays() throws Exception {
		Path tampered = dir.resolve("objects.zip");
		ModelFiles.withEntry(model, tampered, "objects/extra",
				ModelFiles.serialize(new Object[] { 1.5, new EvilPayload() }));
		UnsafeModelException e = assertThrows(UnsafeModelException.class,
				() -> SafeModelSerializer.standard().check(tampered));
		assertTrue(e.getMessage().contains("'objects/extra'"), e.getMessage());
	}

	@Test
	void acceptsALegacyNormalizerMadeOfAllowedClasses() throws Exception {
		DataSet data = TinyNet.data(3);
		NormalizerStandardize normalizer = new NormalizerStandardize();
		normalizer.fit(data);
		Path legacy = dir.resolve("legacy.zip");
		ModelFiles.withEntry(model, legacy, ModelSerializer.PREPROCESSOR_BIN, ModelFiles.serialize(normalizer));

		SafeModelSerializer.standard().check(legacy);
		MultiLayerNetwork net = SafeModelSerializer.standard().restoreMultiLayerNetwork(legacy, false);
		assertEquals(SafeModelSerializer.standard().restoreMultiLayerNetwork(model, false).params(), net.params());
	}

	@Test
	void acceptsAClassTheCallerAllows() throws Exception {
		Path tampered = dir.resolve("allowed.zip");
		ModelFiles.withEntry(model, tampered, "objects/extra", ModelFiles.serialize(new EvilPayload()));
		SafeModelSerializer.standard().allowing(EvilPayload.class).check(tampered);
	}

	@Test
	void savesAndRestoresANormalizerWithTheModel() throws Exception {
		DataSet data = TinyNet.data(4);
		NormalizerStandardize normalizer = new NormalizerStandardize();
		normalizer.fit(data);
		Path withNormalizer = dir.resolve("normalized.zip");
		SafeModelSerializer.writeModel(TinyNet.create(11, null), withNormalizer, false, normalizer);

		NormalizerStandardize back = assertInstanceOf(NormalizerStandardize.class,
				SafeModelSerializer.standard().restoreNormalizer(withNormalizer).orElseThrow());
		assertEquals(normalizer.getMean(), back.getMean());
		assertEquals(normalizer.getStd(), back.getStd());
		assertTrue(SafeModelSerializer.standard().restoreNormalizer(model).isEmpty());
	}

	@Test
	void refusesANormalizerNamingAForeignSerializerClass() throws Exception {
		ByteArrayOutputStream header = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(header)) {
			out.writeUTF("NORMALIZER");
			out.writeInt(1);
			out.writeUTF("CUSTOM");
			out.writeUTF("com.example.Gadget");
		}
		Path tampered = dir.resolve("custom-normalizer.zip");
		ModelFiles.withEntry(model, tampered, ModelSerializer.NORMALIZER_BIN, header.toByteArray());
		UnsafeModelException e = assertThrows(UnsafeModelException.class,
				() -> SafeModelSerializer.standard().restoreNormalizer(tampered));
		assertTrue(e.getMessage().contains("'com.example.Gadget'"), e.getMessage());
	}

	@Test
	void refusesAConfigurationNamingAForeignClass() throws Exception {
		String json = new String(ModelFiles.entry(model, ModelSerializer.CONFIGURATION_JSON), StandardCharsets.UTF_8);
		String tamperedJson = json.replaceFirst("\"org\\.nd4j\\.linalg\\.activations\\.impl\\.ActivationTanH\"",
				"\"java.lang.ProcessBuilder\"");
		assertFalse(tamperedJson.equals(json), "the test must change the configuration");
		Path tampered = dir.resolve("config.zip");
		ModelFiles.withEntry(model, tampered, ModelSerializer.CONFIGURATION_JSON,
				tamperedJson.getBytes(StandardCharsets.UTF_8));
		UnsafeModelException e = assertThrows(UnsafeModelException.class,
				() -> SafeModelSerializer.standard().restoreMultiLayerNetwork(tampered, false));
		assertTrue(e.getMessage().contains("'java.lang.ProcessBuilder'"), e.getMessage());
	}

	@Test
	void refusesFilesThatAreNotModelsWithClearMessages() throws Exception {
		Path serialized = dir.resolve("object.zip");
		Files.write(serialized, ModelFiles.serialize(new EvilPayload()));
		UnsafeModelException unsafe = assertThrows(UnsafeModelException.class,
				() -> SafeModelSerializer.standard().check(serialized));
		assertTrue(unsafe.getMessage().contains("serialized Java object"), unsafe.getMessage());

		Path text = dir.resolve("notes.zip");
		Files.writeString(text, "just some text");
		IOException notZip = assertThrows(IOException.class, () -> SafeModelSerializer.standard().check(text));
		assertTrue(notZip.getMessage().contains("not a DL4J model file"), notZip.getMessage());

		Path missing = dir.resolve("missing.zip");
		IOException none = assertThrows(IOException.class,
				() -> SafeModelSerializer.standard().restoreMultiLayerNetwork(missing, false));
		assertTrue(none.getMessage().contains("no such file"), none.getMessage());

		Path truncated = dir.resolve("truncated.zip");
		byte[] bytes = Files.readAllBytes(model);
		Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
		IOException broken = assertThrows(IOException.class,
				() -> SafeModelSerializer.standard().restoreMultiLayerNetwork(truncated, false));
		assertTrue(broken.getMessage().startsWith("Cannot open " + truncated), broken.getMessage());
	}
}
