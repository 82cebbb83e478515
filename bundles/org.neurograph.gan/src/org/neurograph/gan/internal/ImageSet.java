package org.neurograph.gan.internal;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

/**
 * Training images in memory as planar bytes at the training size: read from a dataset folder's image files (PNG,
 * JPEG, GIF, BMP; any size, centre-cropped and resized) and IDX files (MNIST format, gzipped or not), with a report of
 * what could not be read and how many images are near-duplicates.
 */
public final class ImageSet {
	private static final double DUPLICATE_LEVELS = 4;
	private static final int DUPLICATE_CANDIDATES = 32;
	private static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "gif", "bmp");

	private final int size;
	private final int channels;
	private final List<byte[]> images;
	private final DatasetReport report;

	private ImageSet(int size, int channels, List<byte[]> images, DatasetReport report) {
		this.size = size;
		this.channels = channels;
		this.images = images;
		this.report = report;
	}

	/**
	 * Reads every image under {@code folder} (recursively, in name order), at most {@code limit}. Files that cannot be
	 * decoded are listed in the report, not thrown.
	 */
	public static ImageSet read(Path folder, int size, int channels, int limit, int minimum) throws IOException {
		if (!Files.isDirectory(folder)) {
			throw new IOException("The dataset folder " + folder + " does not exist.");
		}
		List<Path> files;
		try (Stream<Path> s = Files.walk(folder)) {
			files = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted()
					.toList();
		}
		List<byte[]> images = new ArrayList<>();
		List<String> unreadable = new ArrayList<>();
		for (Path f : files) {
			if (images.size() >= limit) {
				break;
			}
			String rel = folder.relativize(f).toString();
			if (IdxReader.isIdxImageFile(f)) {
				try {
					IdxReader.IdxImages idx = IdxReader.read(f, limit - images.size());
					for (byte[] px : idx.pixels()) {
						images.add(Images.toPlanes(Images.centreCropResize(grey(px, idx.rows(), idx.columns()), size),
								channels));
					}
				} catch (IOException e) {
					unreadable.add(rel + " (" + e.getMessage() + ")");
				}
			} else if (IMAGE_EXTENSIONS.contains(extension(f))) {
				BufferedImage img = decode(f);
				if (img == null) {
					unreadable.add(rel);
				} else {
					images.add(Images.toPlanes(Images.centreCropResize(img, size), channels));
				}
			}
		}
		return new ImageSet(size, channels, images, new DatasetReport(images.size(), minimum, unreadable,
				countNearDuplicates(images, size)));
	}

	/** Wraps images already in memory (planar bytes at {@code size}); for tests and benchmarks. */
	public static ImageSet of(List<byte[]> images, int size, int channels) {
		return new ImageSet(size, channels, List.copyOf(images),
				new DatasetReport(images.size(), 1, List.of(), countNearDuplicates(images, size)));
	}

	private static BufferedImage decode(Path f) {
		try {
			return ImageIO.read(f.toFile());
		} catch (IOException | RuntimeException e) {
			return null; // listed as unreadable by the caller
		}
	}

	private static String extension(Path f) {
		String n = f.getFileName().toString();
		int dot = n.lastIndexOf('.');
		return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
	}

	private static BufferedImage grey(byte[] px, int rows, int cols) {
		BufferedImage img = new BufferedImage(cols, rows, BufferedImage.TYPE_BYTE_GRAY);
		img.getRaster().setDataElements(0, 0, cols, rows, px);
		return img;
	}

	/**
	 * Images whose difference hash matches an earlier image's and whose pixels differ from it by less than
	 * {@value #DUPLICATE_LEVELS} levels on average. Only the first {@value #DUPLICATE_CANDIDATES} distinct images of
	 * each hash are compared, which keeps the check linear on large sets.
	 */
	private static int countNearDuplicates(List<byte[]> images, int size) {
		Map<Long, List<byte[]>> byHash = new HashMap<>();
		int duplicates = 0;
		for (byte[] img : images) {
			List<byte[]> same = byHash.computeIfAbsent(Images.differenceHash(img, size), h -> new ArrayList<>());
			if (same.stream().limit(DUPLICATE_CANDIDATES).anyMatch(other -> meanDifference(img, other) < DUPLICATE_LEVELS)) {
				duplicates++;
			} else {
				same.add(img);
			}
		}
		return duplicates;
	}

	private static double meanDifference(byte[] a, byte[] b) {
		long sum = 0;
		for (int i = 0; i < a.length; i++) {
			sum += Math.abs((a[i] & 0xff) - (b[i] & 0xff));
		}
		return (double) sum / a.length;
	}

	public int size() {
		return size;
	}

	public int channels() {
		return channels;
	}

	public int count() {
		return images.size();
	}

	public DatasetReport report() {
		return report;
	}

	/**
	 * A minibatch of {@code n} images drawn with {@code random}, as planar floats in [-1, 1], each flipped
	 * horizontally with probability 1/2 if {@code flip}.
	 */
	public float[] batch(int n, SplittableRandom random, boolean flip) {
		int plane = size * size;
		int per = channels * plane;
		float[] out = new float[n * per];
		for (int b = 0; b < n; b++) {
			byte[] img = images.get(random.nextInt(images.size()));
			boolean mirror = flip && random.nextBoolean();
			for (int c = 0; c < channels; c++) {
				for (int y = 0; y < size; y++) {
					for (int x = 0; x < size; x++) {
						int src = c * plane + y * size + (mirror ? size - 1 - x : x);
						out[b * per + c * plane + y * size + x] = (img[src] & 0xff) / 127.5f - 1f;
					}
				}
			}
		}
		return out;
	}
}
