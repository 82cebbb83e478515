package org.neurograph.style;

import java.awt.Image;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.Map;

import org.neurograph.api.CancelledException;
import org.neurograph.api.Progress;

/**
 * Applies a {@link StyleModel} to an image of any size. An image larger than a tile is cut into overlapping tiles
 * (evenly spaced, so every seam overlaps by at least {@link StyleOptions#overlap()} pixels); each tile's output is
 * weighted by a ramp that falls to zero towards its neighbours and the weighted outputs are averaged, so no seam
 * shows. Each tile is run with up to {@link StyleOptions#overlap()} pixels of the image around it as context, and,
 * when the model's folder holds the graphs the importer derives ({@link StyleModel#sharesStatistics()}), with the
 * instance-normalisation statistics of the whole image (taken once from a copy of at most {@value #STATISTICS_SIDE}
 * pixels a side) instead of its own: a tiled render then matches an untiled one to a grey level or so. Rows are
 * finished and written as soon as no later tile touches them: besides the input and the output image, memory holds
 * one tile and one band of tile-high rows, whatever the image size. Tile sides the model chooses are padded to
 * multiples of 4 with the image's own neighbouring pixels (edge pixels repeated at the border).
 * <p>
 * Then, per pixel, {@link StyleOptions#keepColours()} replaces the stylised luminance's colour by the original's
 * (the original plus the change in luminance, in every channel), and {@link StyleOptions#strength()} blends with the
 * original.
 */
public final class Stylizer {

	/**
	 * The largest side of the copy the whole image's statistics are taken from (models that choose their input size):
	 * large enough that the statistics barely differ from the full image's, small enough for bounded memory.
	 */
	static final int STATISTICS_SIDE = 1024;

	private final StyleModel model;

	/** A stylizer for {@code model}. */
	public Stylizer(StyleModel model) {
		this.model = model;
	}

	/** The number of tiles {@link #apply} runs for an image of {@code width} x {@code height}. */
	public int tileCount(int width, int height, StyleOptions options) {
		return axis(width, tileWidth(options), overlap(options)).length
				* axis(height, tileHeight(options), overlap(options)).length;
	}

	/**
	 * The stylised image, the size of {@code image}. Reports one unit of work per tile.
	 *
	 * @throws StyleModelException if the model fails
	 * @throws CancelledException  if {@code progress} is cancelled (checked between tiles)
	 */
	public BufferedImage apply(BufferedImage image, StyleOptions options, Progress progress)
			throws StyleModelException, CancelledException {
		BufferedImage source = Images.toRgb(image);
		int width = source.getWidth();
		int height = source.getHeight();
		if (options.strength() == 0) {
			BufferedImage copy = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
			copy.setData(source.getRaster());
			return copy;
		}
		int tileW = tileWidth(options);
		int tileH = tileHeight(options);
		int[] xs = axis(width, tileW, overlap(options));
		int[] ys = axis(height, tileH, overlap(options));
		int lenX = Math.min(tileW, width);
		int lenY = Math.min(tileH, height);
		TileNorms norms = xs.length * ys.length > 1 && model.sharesStatistics() ? norms(source) : null;
		int margin = model.fixedWidth() > 0 ? 0 : overlap(options);
		BufferedImage result = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Map<Integer, float[]> band = new HashMap<>();
		for (int r = 0; r < ys.length; r++) {
			for (int c = 0; c < xs.length; c++) {
				if (progress.isCancelled()) {
					throw new CancelledException();
				}
				progress.subTask("tile " + (r * xs.length + c + 1) + " of " + xs.length * ys.length);
				float[] out = runTile(source, new Rectangle(xs[c], ys[r], lenX, lenY), margin, norms);
				accumulate(band, out, xs, c, ys, r, lenX, lenY, width);
				progress.worked(1);
			}
			int done = r + 1 < ys.length ? ys[r + 1] : height;
			for (int y = ys[r]; y < done; y++) { // rows above ys[r] were finished after the previous tile row
				float[] row = band.remove(y);
				if (row != null) {
					finishRow(row, source, result, y, options);
				}
			}
		}
		return result;
	}

	private int tileWidth(StyleOptions options) {
		return model.fixedWidth() > 0 ? model.fixedWidth() : options.tileSize();
	}

	private int tileHeight(StyleOptions options) {
		return model.fixedHeight() > 0 ? model.fixedHeight() : options.tileSize();
	}

	private int overlap(StyleOptions options) {
		int smallest = Math.min(tileWidth(options), tileHeight(options));
		return Math.min(options.overlap(), smallest / 4);
	}

	/** Evenly spaced tile starts along a side of {@code size}, neighbours overlapping by at least {@code overlap}. */
	static int[] axis(int size, int tile, int overlap) {
		if (size <= tile) {
			return new int[] { 0 };
		}
		int n = (int) Math.ceil((double) (size - overlap) / (tile - overlap));
		n = Math.max(n, 2);
		int[] starts = new int[n];
		for (int k = 0; k < n; k++) {
			starts[k] = (int) Math.round((double) k * (size - tile) / (n - 1));
		}
		return starts;
	}

	/** The blending weight of position {@code t} of tile {@code k} along one side. */
	static float weight(int[] starts, int k, int length, int t) {
		float w = 1f;
		if (k > 0) {
			int shared = starts[k - 1] + length - starts[k];
			if (shared > 0) {
				w = Math.min(w, (t + 0.5f) / shared);
			}
		}
		if (k < starts.length - 1) {
			int shared = starts[k] + length - starts[k + 1];
			if (shared > 0) {
				w = Math.min(w, (length - t - 0.5f) / shared);
			}
		}
		return w;
	}

	/**
	 * The whole image's normalisation, from a copy scaled down to at most {@link #STATISTICS_SIDE} pixels a side (to
	 * the model's fixed size, if it has one).
	 */
	private TileNorms norms(BufferedImage source) throws StyleModelException {
		int w = source.getWidth();
		int h = source.getHeight();
		if (model.fixedWidth() > 0) {
			w = model.fixedWidth();
			h = model.fixedHeight();
		} else if (w > STATISTICS_SIDE || h > STATISTICS_SIDE) {
			double scale = Math.min((double) STATISTICS_SIDE / w, (double) STATISTICS_SIDE / h);
			w = Math.max(4, (int) (w * scale) / 4 * 4);
			h = Math.max(4, (int) (h * scale) / 4 * 4);
		}
		BufferedImage small = source;
		if (w != source.getWidth() || h != source.getHeight()) {
			small = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
			small.createGraphics().drawImage(source.getScaledInstance(w, h, Image.SCALE_AREA_AVERAGING), 0, 0,
					null);
		}
		int ph = roundUp4(h);
		int pw = roundUp4(w);
		return model.statistics(planar(small, new Rectangle(0, 0, w, h), ph, pw), ph, pw);
	}

	/**
	 * The model's output for the tile {@code tile}, cropped to it: the model sees the tile plus up to {@code margin}
	 * pixels of the image around it, padded to its input size by repeating edge pixels.
	 */
	private float[] runTile(BufferedImage source, Rectangle tile, int margin, TileNorms norms)
			throws StyleModelException {
		int x0 = Math.max(0, tile.x - margin);
		int y0 = Math.max(0, tile.y - margin);
		int x1 = Math.min(source.getWidth(), tile.x + tile.width + margin);
		int y1 = Math.min(source.getHeight(), tile.y + tile.height + margin);
		Rectangle region = new Rectangle(x0, y0, x1 - x0, y1 - y0);
		int ph = model.fixedHeight() > 0 ? model.fixedHeight() : roundUp4(region.height);
		int pw = model.fixedWidth() > 0 ? model.fixedWidth() : roundUp4(region.width);
		float[] in = planar(source, region, ph, pw);
		float[] out = norms == null ? model.run(in, ph, pw) : model.run(in, ph, pw, norms);
		int plane = ph * pw;
		int lenX = tile.width;
		int lenY = tile.height;
		int ox = tile.x - x0;
		int oy = tile.y - y0;
		float[] cropped = new float[3 * lenY * lenX];
		for (int ch = 0; ch < 3; ch++) {
			for (int y = 0; y < lenY; y++) {
				System.arraycopy(out, ch * plane + (oy + y) * pw + ox, cropped, (ch * lenY + y) * lenX, lenX);
			}
		}
		return cropped;
	}

	/**
	 * The pixels of {@code region} in planar RGB of {@code ph x pw} values, repeating the region's last row and
	 * column where the size exceeds it.
	 */
	private static float[] planar(BufferedImage source, Rectangle region, int ph, int pw) {
		int plane = ph * pw;
		float[] in = new float[3 * plane];
		int[] row = new int[region.width];
		for (int py = 0; py < ph; py++) {
			source.getRGB(region.x, region.y + Math.min(py, region.height - 1), region.width, 1, row, 0, region.width);
			for (int px = 0; px < pw; px++) {
				int rgb = row[Math.min(px, region.width - 1)];
				int i = py * pw + px;
				in[i] = rgb >> 16 & 0xff;
				in[plane + i] = rgb >> 8 & 0xff;
				in[2 * plane + i] = rgb & 0xff;
			}
		}
		return in;
	}

	/** Adds the weighted tile into the band's rows (per row: R, G, B sums, then the weight sums). */
	private static void accumulate(Map<Integer, float[]> band, float[] tile, int[] xs, int c, int[] ys, int r,
			int lenX, int lenY, int width) {
		for (int t = 0; t < lenY; t++) {
			float wy = weight(ys, r, lenY, t);
			float[] row = band.computeIfAbsent(ys[r] + t, y -> new float[4 * width]);
			for (int s = 0; s < lenX; s++) {
				float w = wy * weight(xs, c, lenX, s);
				int x = xs[c] + s;
				row[x] += w * tile[t * lenX + s];
				row[width + x] += w * tile[(lenY + t) * lenX + s];
				row[2 * width + x] += w * tile[(2 * lenY + t) * lenX + s];
				row[3 * width + x] += w;
			}
		}
	}

	/** Writes row {@code y}: the blended style, the colours kept or not, the strength applied. */
	private static void finishRow(float[] row, BufferedImage source, BufferedImage result, int y, StyleOptions o) {
		int width = source.getWidth();
		for (int x = 0; x < width; x++) {
			float w = row[3 * width + x];
			result.setRGB(x, y, mix(source.getRGB(x, y), row[x] / w, row[width + x] / w, row[2 * width + x] / w,
					(float) o.strength(), o.keepColours()));
		}
	}

	/**
	 * {@code styled} (the model's output for {@code original} at full strength, with its own colours) blended with
	 * {@code original} as {@link #apply} does for {@code strength} and {@code keepColours}: for live previews, where
	 * the model runs once and the sliders only blend.
	 */
	public static BufferedImage blend(BufferedImage original, BufferedImage styled, double strength,
			boolean keepColours) {
		int w = original.getWidth();
		int h = original.getHeight();
		BufferedImage result = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				int s = styled.getRGB(x, y);
				result.setRGB(x, y, mix(original.getRGB(x, y), s >> 16 & 0xff, s >> 8 & 0xff, s & 0xff,
						(float) strength, keepColours));
			}
		}
		return result;
	}

	/** One pixel: the style's {@code r, g, b} over the original's {@code rgb}. */
	private static int mix(int rgb, float r, float g, float b, float strength, boolean keepColours) {
		float r0 = rgb >> 16 & 0xff;
		float g0 = rgb >> 8 & 0xff;
		float b0 = rgb & 0xff;
		if (keepColours) {
			float dy = luminance(r, g, b) - luminance(r0, g0, b0);
			r = r0 + dy;
			g = g0 + dy;
			b = b0 + dy;
		}
		return pack(r0 + strength * (r - r0), g0 + strength * (g - g0), b0 + strength * (b - b0));
	}

	/** Rec. 601 luma, as in JPEG's YCbCr. */
	static float luminance(float r, float g, float b) {
		return 0.299f * r + 0.587f * g + 0.114f * b;
	}

	private static int pack(float r, float g, float b) {
		return channel(r) << 16 | channel(g) << 8 | channel(b);
	}

	private static int channel(float v) {
		return Math.max(0, Math.min(255, Math.round(v)));
	}

	private static int roundUp4(int n) {
		return (n + 3) & ~3;
	}
}
