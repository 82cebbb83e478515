package org.neurograph.style;

/**
 * The per-channel normalisation of a whole image, for every instance normalisation of a style network in node order:
 * each tile computes {@code x * factor + offset} instead of normalising by its own statistics.
 *
 * @param factors per normalisation, per channel: {@code scale / sqrt(variance + epsilon)}
 * @param offsets per normalisation, per channel: {@code shift - mean * factor}
 */
record TileNorms(float[][] factors, float[][] offsets) {
}
