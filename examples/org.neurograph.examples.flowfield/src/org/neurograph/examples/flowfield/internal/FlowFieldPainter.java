package org.neurograph.examples.flowfield.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.MultipleGradientPaint.CycleMethod;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * Paints flow-field artwork: particles drift along a seeded gradient-noise vector field and leave tapered,
 * semi-transparent, anti-aliased brush strokes behind.
 *
 * <p>Output is a pure function of {@link Settings}: all randomness derives from {@link Settings#seed()} via
 * {@link SplittableRandom}, trigonometry uses {@link StrictMath}, and drawing is single-threaded in a fixed order,
 * so repeated calls give bit-identical images on the same JDK.
 */
public final class FlowFieldPainter {

    /** Canvas area (in pixels) per particle at density 1.0. */
    private static final double PIXELS_PER_PARTICLE = 200.0;
    /** Distance a particle travels per step, in pixels. */
    private static final double STEP_PIXELS = 1.5;
    /** Noise lattice cells across the shorter image side: lower means broader, calmer currents. */
    private static final double FIELD_CELLS = 2.4;
    /** Cells across the shorter side for the noise that groups stroke colours into drifting regions. */
    private static final double COLOUR_CELLS = 1.6;
    private static final int FIELD_OCTAVES = 3;
    private static final double MIN_STROKE_WIDTH = 0.7;
    private static final double MAX_STROKE_WIDTH = 9.0;
    private static final int COLOUR_JITTER = 12;
    private static final int CANCEL_CHECK_INTERVAL = 128;
    private static final double TAU = 2 * Math.PI;

    private FlowFieldPainter() {
    }

    /**
     * Painting parameters; all values are validated on construction.
     *
     * @param seed         master seed; equal settings always produce the same image
     * @param palette      background and stroke colours
     * @param width        image width in pixels, 16..4096
     * @param height       image height in pixels, 16..4096
     * @param density      stroke count multiplier, 0.05..4.0 (1.0 is a well-covered canvas)
     * @param turbulence   how strongly the field swirls, 0.1..8.0 (0.1 is near-parallel, 1.0 flowing swirls, 8.0 tangled loops)
     * @param strokeLength steps traced per particle, 4..400 (each step is 1.5 px)
     */
    public record Settings(long seed, Palette palette, int width, int height, double density, double turbulence,
            int strokeLength) {

        /** Validates ranges; throws {@link IllegalArgumentException} naming the offending field. */
        public Settings {
            Objects.requireNonNull(palette, "palette");
            checkRange("width", width, 16, 4096);
            checkRange("height", height, 16, 4096);
            checkRange("density", density, 0.05, 4.0);
            checkRange("turbulence", turbulence, 0.1, 8.0);
            checkRange("strokeLength", strokeLength, 4, 400);
        }

        private static void checkRange(String field, int value, int min, int max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(
                        field + " must be between " + min + " and " + max + " (inclusive) but was " + value);
            }
        }

        private static void checkRange(String field, double value, double min, double max) {
            if (!(value >= min && value <= max)) { // also rejects NaN
                throw new IllegalArgumentException(
                        field + " must be between " + min + " and " + max + " (inclusive) but was " + value);
            }
        }
    }

    /**
     * Paints an image for {@code s}.
     *
     * @param s         what to paint
     * @param cancelled polled every few hundred strokes; once it returns true painting stops
     * @return a new {@link BufferedImage#TYPE_INT_RGB} image, or {@code null} if cancelled before completion
     */
    public static BufferedImage paint(Settings s, BooleanSupplier cancelled) {
        Objects.requireNonNull(s, "s");
        Objects.requireNonNull(cancelled, "cancelled");

        SplittableRandom master = new SplittableRandom(s.seed());
        GradientNoise field = new GradientNoise(master.nextLong());
        GradientNoise colourField = new GradientNoise(master.nextLong());
        SplittableRandom random = master.split();

        int w = s.width();
        int h = s.height();
        double shortSide = Math.min(w, h);
        double fieldScale = FIELD_CELLS / shortSide;
        double colourScale = COLOUR_CELLS / shortSide;
        double baseAngle = random.nextDouble() * TAU;
        double swirl = TAU * s.turbulence();
        List<Color> colours = s.palette().strokes();
        int particles = Math.max(1, (int) Math.round(s.density() * w * h / PIXELS_PER_PARTICLE));
        // Strokes may start a little outside the canvas so edges are covered as densely as the centre.
        double margin = 0.05 * shortSide;

        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            paintBackground(g, s.palette().background(), w, h);

            int steps = s.strokeLength();
            double[] xs = new double[steps + 1];
            double[] ys = new double[steps + 1];
            double[] angles = new double[steps + 1];
            for (int i = 0; i < particles; i++) {
                if (i % CANCEL_CHECK_INTERVAL == 0 && cancelled.getAsBoolean()) {
                    return null;
                }
                double x = -margin + random.nextDouble() * (w + 2 * margin);
                double y = -margin + random.nextDouble() * (h + 2 * margin);
                // Thin strokes are common, broad washes rare: a skewed distribution gives texture and depth.
                double t = random.nextDouble();
                double weight = t * t * t;
                double strokeWidth = MIN_STROKE_WIDTH + (MAX_STROKE_WIDTH - MIN_STROKE_WIDTH) * weight;
                double alpha = 0.85 - 0.6 * weight;
                Color colour = pickColour(colours, colourField.fractal(x * colourScale, y * colourScale, 2),
                        random, alpha);

                int points = trace(field, x, y, steps, fieldScale, baseAngle, swirl, w, h, margin, xs, ys, angles);
                if (points >= 3) {
                    g.setColor(colour);
                    g.fill(ribbon(xs, ys, angles, points, strokeWidth / 2));
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Fills the canvas with the background colour, softly lifted towards the centre. */
    private static void paintBackground(Graphics2D g, Color background, int w, int h) {
        Color centre = blend(background, isDark(background) ? Color.WHITE : Color.BLACK, 0.07);
        float radius = (float) (0.75 * Math.hypot(w, h));
        g.setPaint(new RadialGradientPaint(new Point2D.Float(w / 2f, h / 2f), radius, new float[] {0f, 1f},
                new Color[] {centre, background}, CycleMethod.NO_CYCLE));
        g.fillRect(0, 0, w, h);
    }

    /**
     * Follows the field from (x, y), recording positions and headings until {@code steps} steps are taken or the
     * particle leaves the padded canvas.
     *
     * @return the number of points recorded
     */
    private static int trace(GradientNoise field, double x, double y, int steps, double fieldScale, double baseAngle,
            double swirl, int w, int h, double margin, double[] xs, double[] ys, double[] angles) {
        int n = 0;
        for (int k = 0; k <= steps; k++) {
            if (x < -margin || y < -margin || x > w + margin || y > h + margin) {
                break;
            }
            double angle = baseAngle + swirl * field.fractal(x * fieldScale, y * fieldScale, FIELD_OCTAVES);
            xs[n] = x;
            ys[n] = y;
            angles[n] = angle;
            n++;
            x += STEP_PIXELS * StrictMath.cos(angle);
            y += STEP_PIXELS * StrictMath.sin(angle);
        }
        return n;
    }

    /** Builds a closed outline around the traced path whose width swells in the middle and tapers at both ends. */
    private static Path2D ribbon(double[] xs, double[] ys, double[] angles, int n, double halfWidth) {
        double[] nx = new double[n];
        double[] ny = new double[n];
        for (int i = 0; i < n; i++) {
            double taper = StrictMath.sin(Math.PI * i / (n - 1));
            double r = halfWidth * Math.sqrt(taper);
            nx[i] = -StrictMath.sin(angles[i]) * r;
            ny[i] = StrictMath.cos(angles[i]) * r;
        }
        Path2D.Double path = new Path2D.Double(Path2D.WIND_NON_ZERO, 2 * n + 1);
        path.moveTo(xs[0] + nx[0], ys[0] + ny[0]);
        for (int i = 1; i < n; i++) {
            path.lineTo(xs[i] + nx[i], ys[i] + ny[i]);
        }
        for (int i = n - 1; i >= 0; i--) {
            path.lineTo(xs[i] - nx[i], ys[i] - ny[i]);
        }
        path.closePath();
        return path;
    }

    /**
     * Picks a palette colour: the colour noise {@code zone} selects a neighbourhood in the palette, randomness
     * spreads around it, and each channel is jittered slightly.
     */
    private static Color pickColour(List<Color> colours, double zone, SplittableRandom random, double alpha) {
        double spread = (random.nextDouble() - random.nextDouble()) * 0.35;
        double position = 0.5 + zone * 1.1 + spread;
        int index = (int) Math.floor(position * colours.size());
        Color base = colours.get(Math.floorMod(index, colours.size()));
        return new Color(jitter(base.getRed(), random), jitter(base.getGreen(), random), jitter(base.getBlue(), random),
                (int) Math.round(alpha * 255));
    }

    private static int jitter(int channel, SplittableRandom random) {
        return Math.clamp(channel + random.nextInt(-COLOUR_JITTER, COLOUR_JITTER + 1), 0, 255);
    }

    private static boolean isDark(Color c) {
        return 0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue() < 128;
    }

    private static Color blend(Color a, Color b, double t) {
        return new Color((int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
                (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
    }
}
