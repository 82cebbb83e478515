package org.neurograph.examples.flowfield.internal;

import java.awt.Color;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Named colour schemes for {@link FlowFieldPainter}: one background colour and a few stroke colours each.
 */
public enum Palette {

    /** Glowing oranges, golds and reds on charcoal. */
    EMBER("Ember", 0x170D09, 0xFF6B35, 0xF7C548, 0xD62828, 0xFFE8C2, 0x9E2A2B),
    /** Deep blues and sea-foam on a midnight background. */
    OCEAN("Ocean", 0x04141F, 0x0B6E99, 0x35A7C9, 0x8AD8E8, 0xE0F7FA, 0x1D4E89),
    /** Mossy greens with a hint of old gold on dark green. */
    FOREST("Forest", 0x0E1811, 0x2D6A4F, 0x52B788, 0x95D5B2, 0xD8F3DC, 0xB7A36B),
    /** Pinks, apricot and violets on a twilight purple. */
    DUSK("Dusk", 0x1B1030, 0xFF7B9C, 0xFFC15E, 0x7B5EA7, 0xC89CE8, 0x3F88C5),
    /** Blossom pinks, sage and ink on warm paper. */
    SAKURA("Sakura", 0xFBF3EE, 0xE07A8F, 0xF2B5C4, 0x7C9885, 0x3D405B, 0xC9A227),
    /** Graphite inks on off-white paper. */
    MONO("Mono", 0xF2EFE9, 0x111111, 0x3A3A3A, 0x6B6B6B, 0x9A9A9A);

    private final String label;
    private final Color background;
    private final List<Color> strokes;

    Palette(String label, int background, int... strokes) {
        this.label = label;
        this.background = new Color(background);
        this.strokes = Arrays.stream(strokes).mapToObj(Color::new).toList();
    }

    /** {@return human-readable name for user interfaces} */
    public String label() {
        return label;
    }

    /** {@return opaque canvas colour} */
    public Color background() {
        return background;
    }

    /** {@return opaque stroke colours in a fixed order (unmodifiable, never empty)} */
    public List<Color> strokes() {
        return strokes;
    }

    /**
     * Looks a palette up by its constant name, ignoring case and surrounding whitespace.
     *
     * @param name a constant name such as {@code "ocean"}
     * @return the matching palette
     * @throws IllegalArgumentException if {@code name} is null or names no palette; the message lists the valid names
     */
    public static Palette byName(String name) {
        if (name != null) {
            String wanted = name.strip().toUpperCase(Locale.ROOT);
            for (Palette p : values()) {
                if (p.name().equals(wanted)) {
                    return p;
                }
            }
        }
        String valid = Arrays.stream(values()).map(Palette::name).collect(Collectors.joining(", "));
        throw new IllegalArgumentException("Unknown palette '" + name + "'; valid names are: " + valid);
    }
}
