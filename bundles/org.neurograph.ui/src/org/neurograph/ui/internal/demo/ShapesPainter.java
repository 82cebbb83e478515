package org.neurograph.ui.internal.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

/**
 * Paints the small images of the demo dataset {@code shapes}: simple coloured shapes (circle, square, triangle,
 * star, ring, diamond) on soft gradient backgrounds, the same every time.
 */
final class ShapesPainter {
	/** Width and height of each image. */
	static final int SIZE = 96;

	private static final String[] SHAPES = { "circle", "square", "triangle", "star", "ring", "diamond" };
	private static final Color[][] SCHEMES = { //
			{ new Color(0xFDF0D5), new Color(0xF7C59F), new Color(0xC1121F) }, //
			{ new Color(0xE0F2F1), new Color(0x9AD1D4), new Color(0x003049) }, //
	};

	private ShapesPainter() {
	}

	/** Writes every shape in every colour scheme as a PNG into {@code folder}; returns the files. */
	static List<Path> paintAll(Path folder) throws IOException {
		List<Path> files = new ArrayList<>();
		for (int s = 0; s < SCHEMES.length; s++) {
			for (int i = 0; i < SHAPES.length; i++) {
				Path file = folder.resolve(String.format("%s-%d.png", SHAPES[i], s + 1));
				if (!ImageIO.write(paint(SHAPES[i], SCHEMES[s], i + s), "png", file.toFile())) {
					throw new IOException("No PNG writer is available.");
				}
				files.add(file);
			}
		}
		return files;
	}

	private static BufferedImage paint(String shape, Color[] scheme, int turn) {
		BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setPaint(new GradientPaint(0, 0, scheme[0], SIZE, SIZE, scheme[1]));
			g.fillRect(0, 0, SIZE, SIZE);
			g.rotate(turn * Math.PI / 12, SIZE / 2.0, SIZE / 2.0);
			g.setColor(scheme[2]);
			Shape outline = outline(shape);
			if (shape.equals("ring")) {
				g.setStroke(new BasicStroke(10f));
				g.draw(outline);
			} else {
				g.fill(outline);
			}
		} finally {
			g.dispose();
		}
		return image;
	}

	private static Shape outline(String shape) {
		double c = SIZE / 2.0;
		double r = SIZE * 0.32;
		return switch (shape) {
		case "circle" -> new Ellipse2D.Double(c - r, c - r, 2 * r, 2 * r);
		case "square" -> new RoundRectangle2D.Double(c - r, c - r, 2 * r, 2 * r, 8, 8);
		case "triangle" -> polygon(3, r * 1.15);
		case "star" -> star(r * 1.15, r * 0.48);
		case "ring" -> new Ellipse2D.Double(c - r, c - r, 2 * r, 2 * r);
		case "diamond" -> polygon(4, r * 1.2);
		default -> new Rectangle2D.Double(c - r, c - r, 2 * r, 2 * r);
		};
	}

	private static Shape polygon(int corners, double radius) {
		Path2D.Double path = new Path2D.Double();
		for (int i = 0; i < corners; i++) {
			double a = -Math.PI / 2 + i * 2 * Math.PI / corners;
			double x = SIZE / 2.0 + radius * Math.cos(a);
			double y = SIZE / 2.0 + radius * Math.sin(a);
			if (i == 0) {
				path.moveTo(x, y);
			} else {
				path.lineTo(x, y);
			}
		}
		path.closePath();
		return path;
	}

	private static Shape star(double outer, double inner) {
		Path2D.Double path = new Path2D.Double();
		for (int i = 0; i < 10; i++) {
			double radius = i % 2 == 0 ? outer : inner;
			double a = -Math.PI / 2 + i * Math.PI / 5;
			double x = SIZE / 2.0 + radius * Math.cos(a);
			double y = SIZE / 2.0 + radius * Math.sin(a);
			if (i == 0) {
				path.moveTo(x, y);
			} else {
				path.lineTo(x, y);
			}
		}
		path.closePath();
		return path;
	}
}
