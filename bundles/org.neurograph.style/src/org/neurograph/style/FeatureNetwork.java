package org.neurograph.style;

import java.util.List;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The image features optimisation-based style transfer compares: a convolutional network written into a SameDiff
 * graph. Style is matched on the Gram matrices of several layers (several scales), content on one deeper layer.
 */
public interface FeatureNetwork {

	/**
	 * The layers the network gives for {@code image} (a {@code 1 x 3 x H x W} variable of RGB in 0..255), added to
	 * {@code sd}.
	 */
	Features build(SameDiff sd, SDVariable image);

	/** A short description for provenance and logs, e.g. "built-in random features (seed 1)". */
	String description();

	/**
	 * The layers of one image.
	 *
	 * @param style   the layers whose Gram matrices carry the style, from fine to coarse
	 * @param content the layer that carries the content
	 */
	record Features(List<SDVariable> style, SDVariable content) {
	}
}
