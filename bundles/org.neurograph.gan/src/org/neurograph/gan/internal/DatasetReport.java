package org.neurograph.gan.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * What the check of a training set found: how many images were read, which files could not be read, how many images
 * are near-duplicates of an earlier one, and whether there are fewer than {@code minimum} images.
 */
public record DatasetReport(int images, int minimum, List<String> unreadable, int nearDuplicates) {

	public DatasetReport {
		unreadable = List.copyOf(unreadable);
	}

	/** True if there are fewer images than a GAN needs to learn anything but copies. */
	public boolean tooFew() {
		return images < minimum;
	}

	/** One line per finding, for the user; empty when the set looks fine. */
	public List<String> warnings() {
		List<String> w = new ArrayList<>();
		if (tooFew()) {
			w.add("Only " + images + " images: a GAN needs at least " + minimum
					+ " to learn more than copies. Add images to the dataset.");
		}
		if (!unreadable.isEmpty()) {
			w.add(unreadable.size() + " files could not be read and are skipped: " + String.join(", ", unreadable));
		}
		if (nearDuplicates > 0) {
			w.add(nearDuplicates + " images are near-duplicates of others; they weigh more in training.");
		}
		return w;
	}

	/** The report as text for the run's samples. */
	public String toText() {
		StringBuilder b = new StringBuilder("Dataset check: ").append(images).append(" images read, ")
				.append(unreadable.size()).append(" unreadable, ").append(nearDuplicates).append(" near-duplicates.\n");
		for (String line : warnings()) {
			b.append("- ").append(line).append('\n');
		}
		return b.toString();
	}
}
