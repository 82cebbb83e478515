package org.neurograph.gan.tests;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/** Procedural training images: coloured discs, squares and triangles on a dark ground, drawn from a seed. */
final class Shapes {
	private Shapes() {
	}

	static BufferedImage draw(long seed, int width, int height) {
		SplittableRandom r = new SplittableRandom(seed);
		BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = img.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setColor(new Color(20, 20, 30));
		g.fillRect(0, 0, width, height);
		g.setColor(Color.getHSBColor((float) r.nextDouble(), 0.8f, 1f));
		int s = Math.min(width, height);
		int size = s / 3 + r.nextInt(s / 3);
		int x = r.nextInt(Math.max(1, width - size));
		int y = r.nextInt(Math.max(1, height - size));
		switch (r.nextInt(3)) {
		case 0 -> g.fillOval(x, y, size, size);
		case 1 -> g.fillRect(x, y, size, size);
		default -> g.fillPolygon(new int[] { x, x + size, x + size / 2 }, new int[] { y + size, y + size, y }, 3);
		}
		g.dispose();
		return img;
	}
}
