package org.neurograph.assets.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.DeflaterOutputStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurograph.api.Provenance;
import org.neurograph.assets.PngProvenance;
import org.neurograph.assets.ProvenanceJson;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

class ProvenanceTest {
	@TempDir
	Path dir;

	@Test
	void jsonRoundTripKeepsEverythingUnderStableFieldNames() throws Exception {
		Provenance p = Fixtures.provenance();
		String json = ProvenanceJson.toJson(p);
		JsonObject o = JsonParser.parseString(json).getAsJsonObject();
		assertEquals(Set.of("generator", "generatorVersion", "model", "modelSha256", "parameters", "seed", "latent",
				"parents", "created"), o.keySet());
		assertEquals("org.example.faces", o.get("generator").getAsString());
		assertEquals("faces-64", o.get("model").getAsString());
		assertEquals(1234567890123L, o.get("seed").getAsLong());
		assertEquals("2025-05-01T12:34:56.789Z", o.get("created").getAsString());
		Provenance back = ProvenanceJson.fromJson(json);
		assertEquals(p, back);
		assertArrayEquals(p.latent(), back.latent());
		assertEquals(p.parents(), back.parents());

		Provenance plain = Fixtures.plainProvenance(-7);
		Provenance plainBack = ProvenanceJson.fromJson(ProvenanceJson.toJson(plain));
		assertEquals(plain, plainBack);
		assertEquals(null, plainBack.latent());
		assertEquals(null, plainBack.modelName());

		Provenance special = Fixtures.plainProvenance(Long.MIN_VALUE)
				.withLatent(new float[] { Float.NaN, Float.NEGATIVE_INFINITY, Float.MIN_VALUE, -0f });
		assertEquals(special, ProvenanceJson.fromJson(ProvenanceJson.toJson(special)));
	}

	@Test
	void unknownFieldsAreIgnoredAndMalformedRecordsNameTheField() throws Exception {
		JsonObject o = JsonParser.parseString(ProvenanceJson.toJson(Fixtures.provenance())).getAsJsonObject();
		o.addProperty("rating", 5);
		o.add("future", new JsonObject());
		assertEquals(Fixtures.provenance(), ProvenanceJson.fromJson(o.toString()));

		JsonObject noSeed = o.deepCopy();
		noSeed.remove("seed");
		assertMessage(() -> ProvenanceJson.fromJson(noSeed.toString()), "seed", "missing");
		JsonObject badLatent = o.deepCopy();
		badLatent.addProperty("latent", "0.5");
		assertMessage(() -> ProvenanceJson.fromJson(badLatent.toString()), "latent", "array");
		JsonObject badItem = o.deepCopy();
		badItem.getAsJsonArray("latent").set(1, new JsonPrimitive("big"));
		assertMessage(() -> ProvenanceJson.fromJson(badItem.toString()), "'latent' item 1 must be a number");
		JsonObject badTime = o.deepCopy();
		badTime.addProperty("created", "yesterday");
		assertMessage(() -> ProvenanceJson.fromJson(badTime.toString()), "created", "ISO-8601");
		assertMessage(() -> ProvenanceJson.fromJson("{\"generator\": "), "not valid JSON");
		assertMessage(() -> ProvenanceJson.fromJson("[1, 2]"), "JSON object");
	}

	@Test
	void sidecarsLieBesideTheirOutputsAndBadOnesNameTheFile() throws Exception {
		Path output = dir.resolve("face-2.png");
		assertEquals(dir.resolve("face-2.json"), ProvenanceJson.sidecarOf(output));
		assertEquals(dir.resolve("poem.v2.json"), ProvenanceJson.sidecarOf(dir.resolve("poem.v2.txt")));
		assertEquals(dir.resolve("tune.json"), ProvenanceJson.sidecarOf(dir.resolve("tune")));
		assertEquals(Optional.empty(), ProvenanceJson.readSidecar(output));

		Files.writeString(dir.resolve("face-2.json"), ProvenanceJson.toJson(Fixtures.provenance()));
		assertEquals(Optional.of(Fixtures.provenance()), ProvenanceJson.readSidecar(output));

		Files.writeString(dir.resolve("face-2.json"), "{\"generator\": \"x\", \"generatorVersion\": \"1\", \"seed\": \"abc\"}");
		assertMessage(() -> ProvenanceJson.readSidecar(output), dir.resolve("face-2.json").toString(), "seed",
				"whole number");
	}

	@Test
	void pngProvenanceRoundTripKeepsPixelsAndOtherChunks() throws Exception {
		byte[] original = Fixtures.insertBeforeIend(Fixtures.png(1),
				Fixtures.chunk("tEXt", "Software\0Test painter".getBytes(StandardCharsets.ISO_8859_1)));
		Provenance p = Fixtures.provenance();
		byte[] embedded = PngProvenance.embed(original, p);

		assertEquals(List.of("IHDR", "IDAT", "tEXt", "iTXt", "IEND"), Fixtures.chunkTypes(embedded));
		int iend = original.length - 12;
		assertArrayEquals(Arrays.copyOf(original, iend), Arrays.copyOf(embedded, iend), "bytes before IEND untouched");
		assertArrayEquals(Arrays.copyOfRange(original, iend, original.length),
				Arrays.copyOfRange(embedded, embedded.length - 12, embedded.length), "IEND last");
		assertArrayEquals(Fixtures.pixels(ImageIO.read(new ByteArrayInputStream(original))),
				Fixtures.pixels(ImageIO.read(new ByteArrayInputStream(embedded))));

		Provenance back = PngProvenance.read(embedded).orElseThrow();
		assertEquals(p, back);
		assertArrayEquals(p.latent(), back.latent());
		assertEquals(p.parents(), back.parents());

		Path file = dir.resolve("face.png");
		Files.write(file, embedded);
		assertEquals(Optional.of(p), PngProvenance.read(file));
		assertEquals(Optional.empty(), PngProvenance.read(original));
	}

	@Test
	void embeddingAgainReplacesTheOldRecord() throws Exception {
		byte[] once = PngProvenance.embed(Fixtures.png(2), Fixtures.plainProvenance(1));
		byte[] twice = PngProvenance.embed(once, Fixtures.plainProvenance(2));
		assertEquals(List.of("IHDR", "IDAT", "iTXt", "IEND"), Fixtures.chunkTypes(twice));
		assertEquals(Fixtures.plainProvenance(2), PngProvenance.read(twice).orElseThrow());
	}

	@Test
	void aCompressedRecordIsReadToo() throws Exception {
		ByteArrayOutputStream data = new ByteArrayOutputStream();
		data.writeBytes((PngProvenance.KEYWORD + "\0\1\0\0\0").getBytes(StandardCharsets.ISO_8859_1));
		try (DeflaterOutputStream z = new DeflaterOutputStream(data)) {
			z.write(ProvenanceJson.toJson(Fixtures.provenance()).getBytes(StandardCharsets.UTF_8));
		}
		byte[] png = Fixtures.insertBeforeIend(Fixtures.png(3), Fixtures.chunk("iTXt", data.toByteArray()));
		assertEquals(Optional.of(Fixtures.provenance()), PngProvenance.read(png));
	}

	@Test
	void brokenPngsAreRefusedWithAReason() throws Exception {
		byte[] png = Fixtures.png(4);
		Provenance p = Fixtures.plainProvenance(1);
		assertMessage(() -> PngProvenance.embed("not a png at all".getBytes(StandardCharsets.UTF_8), p), "Not a valid PNG",
				"signature");
		assertMessage(() -> PngProvenance.embed(Arrays.copyOf(png, png.length / 2), p), "truncated");
		byte[] badCrc = png.clone();
		badCrc[50] ^= 0x55; // inside the data of IDAT (it starts at byte 41)
		assertNotEquals(png[50], badCrc[50]);
		assertMessage(() -> PngProvenance.embed(badCrc, p), "CRC");
		byte[] badRecord = Fixtures.insertBeforeIend(png,
				Fixtures.chunk("iTXt", (PngProvenance.KEYWORD + "\0\0\0\0\0{\"seed\": 1}").getBytes(StandardCharsets.UTF_8)));
		Path file = dir.resolve("bad.png");
		Files.write(file, badRecord);
		assertMessage(() -> PngProvenance.read(file), file.toString(), "generator", "missing");
	}

	private static void assertMessage(org.junit.jupiter.api.function.Executable action, String... parts) {
		IOException e = assertThrows(IOException.class, action);
		for (String part : parts) {
			assertTrue(e.getMessage().contains(part), "'" + part + "' not in: " + e.getMessage());
		}
	}
}
