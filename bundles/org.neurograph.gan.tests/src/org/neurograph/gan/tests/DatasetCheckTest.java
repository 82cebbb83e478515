package org.neurograph.gan.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurograph.gan.internal.DatasetReport;
import org.neurograph.gan.internal.ImageSet;

class DatasetCheckTest {
	@TempDir
	Path dir;

	@Test
	void reportsUnreadableFilesTinySetsAndNearDuplicates() throws IOException {
		BufferedImage a = Shapes.draw(0, 40, 30);
		ImageIO.write(a, "png", dir.resolve("a.png").toFile());
		ImageIO.write(a, "bmp", dir.resolve("a-copy.bmp").toFile());
		Files.createDirectories(dir.resolve("sub"));
		ImageIO.write(Shapes.draw(5, 64, 64), "jpg", dir.resolve("sub/b.jpg").toFile());
		Files.writeString(dir.resolve("broken.png"), "not a picture");
		Files.writeString(dir.resolve("notes.txt"), "ignored: not an image");

		ImageSet set = ImageSet.read(dir, 32, 3, 1000, 10);
		DatasetReport report = set.report();
		assertEquals(3, set.count());
		assertEquals(List.of("broken.png"), report.unreadable());
		assertEquals(1, report.nearDuplicates());
		assertTrue(report.tooFew());
		String warnings = String.join("\n", report.warnings());
		assertTrue(warnings.contains("Only 3 images"), warnings);
		assertTrue(warnings.contains("broken.png"), warnings);
		assertTrue(warnings.contains("1 images are near-duplicates"), warnings);
	}

	@Test
	void aHealthySetHasNoWarnings() throws IOException {
		for (int i = 0; i < 12; i++) {
			ImageIO.write(Shapes.draw(i, 32, 32), "png", dir.resolve("s" + i + ".png").toFile());
		}
		ImageSet set = ImageSet.read(dir, 32, 1, 1000, 10);
		assertEquals(12, set.count());
		assertFalse(set.report().tooFew());
		assertEquals(List.of(), set.report().warnings(), set.report().toText());
	}

	@Test
	void batchesAreInRangeAndFlipsMirror() throws IOException {
		BufferedImage img = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = img.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, 16, 32); // left half white
		g.dispose();
		ImageIO.write(img, "png", dir.resolve("half.png").toFile());
		ImageSet set = ImageSet.read(dir, 32, 1, 10, 1);
		SplittableRandom random = new SplittableRandom(1);
		boolean sawFlip = false;
		boolean sawPlain = false;
		for (int i = 0; i < 20; i++) {
			float[] b = set.batch(1, random, true);
			for (float v : b) {
				assertTrue(v >= -1f && v <= 1f);
			}
			sawPlain |= b[0] == 1f && b[31] == -1f;
			sawFlip |= b[0] == -1f && b[31] == 1f;
		}
		assertTrue(sawFlip && sawPlain, "some batches flipped, some not");
		float[] noFlip = set.batch(1, random, false);
		assertEquals(1f, noFlip[0]);
	}
}
