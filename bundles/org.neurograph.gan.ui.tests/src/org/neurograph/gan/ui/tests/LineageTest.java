package org.neurograph.gan.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.neurograph.api.Artifact;
import org.neurograph.api.Provenance;
import org.neurograph.assets.OutputStore;
import org.neurograph.gan.ui.internal.Lineage;

/** The lineage graph's model: ancestors read from provenance on disk, edges and generations. */
class LineageTest {
	private static final LocalDate DAY = LocalDate.of(2026, 12, 6);

	@Test
	void ancestorsComeFromProvenanceAndGenerationsCountFromTheRoots() throws Exception {
		Path project = Files.createTempDirectory("lineage");
		OutputStore store = new OutputStore(project);
		String a = write(store, "a", List.of());
		String b = write(store, "b", List.of());
		String c = write(store, "c", List.of(a, b));
		String d = write(store, "d", List.of(c, b));
		String lost = "outputs/2026-12-06/deleted.png";
		String e = write(store, "e", List.of(d, lost));

		Lineage lineage = new Lineage();
		lineage.addWithAncestors(project, e);
		assertEquals(List.of(e, d, c, a, b), lineage.nodes().stream().map(Lineage.Node::name).toList(),
				"the work and every ancestor on disk, once each");
		assertNotNull(lineage.node(a).image(), "thumbnails are read");
		assertFalse(lineage.node(e).picked());
		Map<String, Integer> gen = lineage.generations();
		assertEquals(0, gen.get(a));
		assertEquals(0, gen.get(b));
		assertEquals(1, gen.get(c));
		assertEquals(2, gen.get(d), "one more than its latest parent");
		assertEquals(3, gen.get(e));
		List<String> edges = lineage.edges().stream().map(x -> x[0] + ">" + x[1]).toList();
		assertEquals(5, edges.size(), "a missing parent draws no edge: " + edges);
		assertTrue(edges.containsAll(List.of(a + ">" + c, b + ">" + c, c + ">" + d, b + ">" + d, d + ">" + e)));

		lineage.add(new Lineage.Node("outputs/x.png", List.of(e), null, true));
		assertEquals(4, lineage.generations().get("outputs/x.png"));
		assertTrue(lineage.node("outputs/x.png").picked());
	}

	private static String write(OutputStore store, String name, List<String> parents) throws Exception {
		BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
		img.setRGB(1, 1, name.hashCode() & 0xffffff);
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		ImageIO.write(img, "png", png);
		Provenance p = new Provenance("org.neurograph.gan", "1.0.0", "tiny", "00", Map.of(), 1, new float[] { 1, 2 },
				parents, Instant.now());
		Path file = store.write(List.of(Artifact.png(name, png.toByteArray(), p)), DAY).get(0);
		return "outputs/" + DAY + "/" + file.getFileName();
	}
}
