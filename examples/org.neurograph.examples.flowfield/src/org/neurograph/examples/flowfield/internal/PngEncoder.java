package org.neurograph.examples.flowfield.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

import javax.imageio.ImageIO;

/** Encodes images as PNG bytes using the JDK's built-in ImageIO writer. */
public final class PngEncoder {

    private PngEncoder() {
    }

    /**
     * Encodes {@code img} as a PNG file.
     *
     * @param img the image to encode
     * @return the complete PNG file contents
     * @throws UncheckedIOException if no PNG writer is available or encoding fails
     */
    public static byte[] encode(BufferedImage img) {
        Objects.requireNonNull(img, "img");
        ByteArrayOutputStream out = new ByteArrayOutputStream(img.getWidth() * img.getHeight() / 2 + 1024);
        try {
            if (!ImageIO.write(img, "png", out)) {
                throw new IOException("no ImageIO writer accepts this image as PNG (type " + img.getType() + ")");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to encode " + img.getWidth() + "x" + img.getHeight()
                    + " image as PNG: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }
}
