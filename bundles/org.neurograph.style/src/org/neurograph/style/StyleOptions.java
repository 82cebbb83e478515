package org.neurograph.style;

/**
 * How a fast style model is applied.
 *
 * @param strength     0 returns the original, 1 the model's output; values between blend the two
 * @param keepColours  transfer luminance only: the result keeps the original's colours
 * @param tileSize     the side of the square tiles larger images are cut into (a multiple of 4, at least 64;
 *                     models with a fixed input size use that size instead)
 * @param overlap      how many pixels neighbouring tiles share; their seams are blended across it
 */
public record StyleOptions(double strength, boolean keepColours, int tileSize, int overlap) {

	/** Strength 1, the model's colours, 512-pixel tiles overlapping by 64. */
	public static final StyleOptions DEFAULT = new StyleOptions(1.0, false, 512, 64);

	/** Checks the ranges. */
	public StyleOptions {
		if (!(strength >= 0 && strength <= 1)) {
			throw new IllegalArgumentException("strength must be from 0 to 1, not " + strength);
		}
		if (tileSize < 64 || tileSize % 4 != 0) {
			throw new IllegalArgumentException("tile size must be a multiple of 4 of at least 64, not " + tileSize);
		}
		if (overlap < 0 || overlap > tileSize / 4) {
			throw new IllegalArgumentException("overlap must be from 0 to a quarter of the tile size, not " + overlap);
		}
	}

	/** A copy with another strength. */
	public StyleOptions withStrength(double value) {
		return new StyleOptions(value, keepColours, tileSize, overlap);
	}

	/** A copy that keeps (or not) the original's colours. */
	public StyleOptions withKeepColours(boolean value) {
		return new StyleOptions(strength, value, tileSize, overlap);
	}

	/** A copy with other tiles. */
	public StyleOptions withTiles(int size, int overlapPixels) {
		return new StyleOptions(strength, keepColours, size, overlapPixels);
	}
}
