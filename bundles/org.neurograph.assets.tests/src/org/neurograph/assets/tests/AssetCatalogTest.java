package org.neurograph.assets.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurograph.api.AssetKind;
import org.neurograph.assets.Asset;
import org.neurograph.assets.AssetCatalog;
import org.neurograph.assets.NeurographProject;

class AssetCatalogTest {
	@TempDir
	Path project;

	private AssetCatalog catalog;

	private void write(String relative, String text) throws Exception {
		Path file = project.resolve(relative);
		Files.createDirectories(file.getParent());
		Files.writeString(file, text);
	}

	@BeforeEach
	void makeProject() throws Exception {
		NeurographProject.ensureLayout(project);
		write("datasets/faces/dataset.json", "{\"kind\": \"IMAGE_DATASET\", \"files\": 2, \"sources\": [\"/x\"]}");
		write("datasets/faces/a.txt", "declared kind wins over the files");
		write("datasets/Poems/one.txt", "sniffed: no dataset.json");
		write("datasets/Poems/two", "fortune-style file");
		write("datasets/reels/a.abc", "X:1");
		write("datasets/reels/b.mid", "MThd");
		write("datasets/reels/readme.txt", "one text among tunes");
		write("datasets/.import-123/x.png", "an import under way");
		write("datasets/stuff/notes.pdf", "nothing a dataset holds");
		write("models/portraits/model.json",
				"{\"architecture\": \"DCGAN\", \"imageSize\": 64, \"final\": true, \"metrics\": {\"loss\": 0.1}, \"tags\": [\"a\"]}");
		write("models/broken/model.json", "{\"architecture\": ");
		write("models/bare/weights.bin", "no card");
		write("runs/run-1/run.json", "{\"trainer\": \"gan\", \"step\": 1200}");
		write("outputs/2025-05-01/x.png", "a work");
		write("outputs/2025-05-01/x.json", "{}");
		write("outputs/loose.txt", "a work outside a day folder");
		catalog = new AssetCatalog(project);
	}

	private List<String> names(AssetKind kind) throws Exception {
		return catalog.list(kind).stream().map(Asset::name).toList();
	}

	@Test
	void listsEachKindSortedByName() throws Exception {
		assertEquals(List.of("faces"), names(AssetKind.IMAGE_DATASET));
		assertEquals(List.of("Poems"), names(AssetKind.TEXT_CORPUS));
		assertEquals(List.of("reels"), names(AssetKind.TUNE_COLLECTION));
		assertEquals(List.of("bare", "broken", "portraits"), names(AssetKind.MODEL));
		assertEquals(List.of("run-1"), names(AssetKind.RUN));
		assertEquals(List.of("2025-05-01/x.png", "loose.txt"), names(AssetKind.OUTPUT));
		assertEquals(List.of(), new AssetCatalog(project.resolve("nowhere")).list(AssetKind.MODEL));
	}

	@Test
	void metadataComesFromTheDescriptors() throws Exception {
		Asset portraits = catalog.find(AssetKind.MODEL, "portraits").orElseThrow();
		assertEquals(project.resolve("models/portraits"), portraits.location());
		assertEquals(Map.of("architecture", "DCGAN", "imageSize", "64", "final", "true"), portraits.metadata());
		assertEquals(Map.of(), catalog.find(AssetKind.MODEL, "bare").orElseThrow().metadata());
		String problem = catalog.find(AssetKind.MODEL, "broken").orElseThrow().metadata().get(AssetCatalog.PROBLEM);
		assertTrue(problem.startsWith("model.json cannot be read: not valid JSON"), problem);
		assertEquals(Map.of("trainer", "gan", "step", "1200"), catalog.find(AssetKind.RUN, "run-1").orElseThrow().metadata());
		assertEquals(Map.of("kind", "IMAGE_DATASET", "files", "2"),
				catalog.find(AssetKind.IMAGE_DATASET, "faces").orElseThrow().metadata());
	}

	@Test
	void findNeedsTheRightKindAndStaysInItsFolder() throws Exception {
		assertTrue(catalog.find(AssetKind.TEXT_CORPUS, "Poems").isPresent());
		assertEquals(Optional.empty(), catalog.find(AssetKind.IMAGE_DATASET, "Poems"));
		assertEquals(Optional.empty(), catalog.find(AssetKind.MODEL, "missing"));
		assertEquals(Optional.empty(), catalog.find(AssetKind.MODEL, "../runs/run-1"));
		assertEquals(Optional.empty(), catalog.find(AssetKind.RUN, "../runs/run-1"));
		assertEquals(Optional.empty(), catalog.find(AssetKind.IMAGE_DATASET, ".import-123"));
		assertEquals(Optional.empty(), catalog.find(AssetKind.OUTPUT, "2025-05-01/x.json"));
	}

	@Test
	void kindOfKnowsTheAssetsAndNothingElse() throws Exception {
		assertEquals(Optional.of(AssetKind.IMAGE_DATASET), catalog.kindOf(Path.of("datasets/faces")));
		assertEquals(Optional.of(AssetKind.IMAGE_DATASET), catalog.kindOf(project.resolve("datasets/faces")));
		assertEquals(Optional.of(AssetKind.TEXT_CORPUS), catalog.kindOf(Path.of("datasets/Poems")));
		assertEquals(Optional.of(AssetKind.TUNE_COLLECTION), catalog.kindOf(Path.of("datasets/reels")));
		assertEquals(Optional.of(AssetKind.MODEL), catalog.kindOf(Path.of("models/bare")));
		assertEquals(Optional.of(AssetKind.RUN), catalog.kindOf(Path.of("runs/run-1")));
		assertEquals(Optional.of(AssetKind.OUTPUT), catalog.kindOf(Path.of("outputs/2025-05-01/x.png")));
		assertEquals(Optional.of(AssetKind.OUTPUT), catalog.kindOf(Path.of("outputs/loose.txt")));
		for (String none : List.of("datasets/stuff", "datasets/faces/a.txt", "outputs/2025-05-01/x.json", "outputs/2025-05-01",
				"outputs", "models", "models/portraits/model.json", "datasets/.import-123", "elsewhere", "../outside")) {
			assertEquals(Optional.empty(), catalog.kindOf(Path.of(none)), none);
		}
	}

	@Test
	void sha256IsLowerCaseHex() throws Exception {
		write("models/bare/abc.bin", "abc");
		assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
				AssetCatalog.sha256(project.resolve("models/bare/abc.bin")));
	}
}
