package org.neurograph.assets.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurograph.api.Artifact;
import org.neurograph.api.AssetKind;
import org.neurograph.api.MediaKind;
import org.neurograph.api.Provenance;
import org.neurograph.assets.Asset;
import org.neurograph.assets.AssetCatalog;
import org.neurograph.assets.OutputStore;
import org.neurograph.assets.PngProvenance;
import org.neurograph.assets.ProvenanceJson;

class OutputStoreTest {
	private static final LocalDate DAY = LocalDate.of(2025, 5, 1);

	@TempDir
	Path project;

	private Path day() {
		return project.resolve("outputs").resolve("2025-05-01");
	}

	private List<String> names() throws IOException {
		try (Stream<Path> files = Files.list(day())) {
			return files.map(p -> p.getFileName().toString()).sorted().toList();
		}
	}

	@Test
	void worksGetUniqueNamesAndSidecarsAndNothingIsOverwritten() throws Exception {
		Files.createDirectories(day());
		Files.writeString(day().resolve("img.png"), "the user's own file");
		Files.writeString(day().resolve("img-3.json"), "{}"); // a stray sidecar also takes its name
		OutputStore store = new OutputStore(project);
		Provenance p1 = Fixtures.plainProvenance(1);
		Provenance p2 = Fixtures.provenance();
		byte[] png1 = Fixtures.png(1);
		List<Path> written = store.write(List.of(Artifact.png("img", png1, p1), Artifact.png("img", Fixtures.png(2), p2),
				Artifact.text("poem", "roses are red\n", p1)), DAY);

		assertEquals(List.of(day().resolve("img-2.png"), day().resolve("img-4.png"), day().resolve("poem.txt")), written);
		assertEquals("the user's own file", Files.readString(day().resolve("img.png")));
		assertEquals(List.of("img-2.json", "img-2.png", "img-3.json", "img-4.json", "img-4.png", "img.png", "poem.json",
				"poem.txt"), names());
		assertEquals(Optional.of(p1), ProvenanceJson.readSidecar(written.get(0)));
		assertEquals(Optional.of(p2), ProvenanceJson.readSidecar(written.get(1)));
		assertEquals(Optional.of(p1), ProvenanceJson.readSidecar(written.get(2)));
		assertEquals(Optional.of(p1), PngProvenance.read(written.get(0)));
		assertArrayEquals(Fixtures.pixels(ImageIO.read(new ByteArrayInputStream(png1))),
				Fixtures.pixels(ImageIO.read(written.get(0).toFile())));
		assertEquals("roses are red\n", Files.readString(written.get(2)));

		byte[] before = Files.readAllBytes(written.get(0));
		List<Path> again = store.write(List.of(Artifact.png("img", Fixtures.png(3), p1)), DAY);
		assertEquals(List.of(day().resolve("img-5.png")), again);
		assertArrayEquals(before, Files.readAllBytes(written.get(0)));
	}

	@Test
	void badArtifactsAreRefusedAndLeaveNothing() throws Exception {
		OutputStore store = new OutputStore(project);
		Provenance p = Fixtures.plainProvenance(1);
		IOException broken = assertThrows(IOException.class,
				() -> store.write(List.of(Artifact.png("broken", "not a png".getBytes(StandardCharsets.UTF_8), p)), DAY));
		assertTrue(broken.getMessage().contains("'broken'") && broken.getMessage().contains("broken PNG"), broken.getMessage());
		IOException json = assertThrows(IOException.class, () -> store.write(
				List.of(new Artifact("data", MediaKind.TEXT, "json", "application/json", new byte[] { '{', '}' }, p)), DAY));
		assertTrue(json.getMessage().contains(".json"), json.getMessage());
		assertEquals(List.of(), names());
	}

	@Test
	void theCatalogListsOutputsWithTheirProvenanceButNotTheSidecars() throws Exception {
		new OutputStore(project).write(List.of(Artifact.png("b", Fixtures.png(1), Fixtures.provenance()),
				Artifact.text("a", "text", Fixtures.plainProvenance(9))), DAY);
		List<Asset> outputs = new AssetCatalog(project).list(AssetKind.OUTPUT);
		assertEquals(List.of("2025-05-01/a.txt", "2025-05-01/b.png"), outputs.stream().map(Asset::name).toList());
		Asset b = outputs.get(1);
		assertEquals(day().resolve("b.png"), b.location());
		assertEquals(Map.of("generator", "org.example.faces", "generatorVersion", "1.4.0", "model", "faces-64", "seed",
				"1234567890123", "parents", "outputs/2025-05-01/a.png, outputs/b.png", "created", "2025-05-01T12:34:56.789Z"),
				b.metadata());
		assertEquals(Optional.of(b), new AssetCatalog(project).find(AssetKind.OUTPUT, "2025-05-01/b.png"));
	}
}
