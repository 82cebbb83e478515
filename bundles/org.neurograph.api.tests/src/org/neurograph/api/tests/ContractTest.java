package org.neurograph.api.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.neurograph.api.Artifact;
import org.neurograph.api.GenerationRequest;
import org.neurograph.api.GeneratorInfo;
import org.neurograph.api.MediaKind;
import org.neurograph.api.ModelRef;
import org.neurograph.api.ParameterSpec;
import org.neurograph.api.ParameterValues;
import org.neurograph.api.Provenance;

class ContractTest {
	private static final GeneratorInfo INFO = new GeneratorInfo("org.example.test", "Test", "1.2.3", MediaKind.IMAGE, "");

	private static ParameterValues values() throws Exception {
		return ParameterSpec.builder().integer("size", "Size", "", 64, 1, 100).build().resolve(Map.of("size", "32"));
	}

	@Test
	void eachWorkOfARequestHasItsOwnSeed() throws Exception {
		GenerationRequest r = new GenerationRequest(values(), 3, 100);
		assertEquals(100, r.seedFor(0));
		assertEquals(102, r.seedFor(2));
		assertThrows(IndexOutOfBoundsException.class, () -> r.seedFor(3));
		assertThrows(IllegalArgumentException.class, () -> new GenerationRequest(values(), 0, 1));
	}

	@Test
	void provenanceRecordsGeneratorModelParametersAndSeed() throws Exception {
		ModelRef model = new ModelRef("faces", java.nio.file.Path.of("/p/models/faces"), "ab".repeat(32));
		GenerationRequest r = new GenerationRequest(values(), 2, 5, Optional.of(model));
		Provenance p = Provenance.of(INFO, r, 1);
		assertEquals("org.example.test", p.generatorId());
		assertEquals("1.2.3", p.generatorVersion());
		assertEquals("faces", p.modelName());
		assertEquals(Map.of("size", "32"), p.parameters());
		assertEquals(6, p.seed());
		Provenance child = p.withLatent(new float[] { 1f, 2f }).withParents(List.of("outputs/a.png"));
		assertArrayEquals(new float[] { 1f, 2f }, child.latent());
		assertEquals(List.of("outputs/a.png"), child.parents());
		assertNotEquals(p, child);
		assertEquals(child, child.withParents(List.of("outputs/a.png")));
	}

	@Test
	void artifactsDefendTheirBytesAndNames() throws Exception {
		byte[] bytes = { 1, 2, 3 };
		Artifact a = Artifact.png("img-1", bytes, Provenance.of(INFO, new GenerationRequest(values(), 1, 0), 0));
		bytes[0] = 9;
		assertEquals(1, a.data()[0]);
		assertThrows(IllegalArgumentException.class,
				() -> Artifact.png("../evil", new byte[0], a.provenance()));
		assertThrows(IllegalArgumentException.class, () -> new GeneratorInfo("Bad Id", "x", "1", MediaKind.TEXT, ""));
	}
}
