package org.neurograph.runtime.dl4j.tests;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLambdaLayer;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/** A layer a plugin might define: y = scale * tanh(x). Stands for any layer class that lives outside DL4J. */
public class ScaledTanhLayer extends SameDiffLambdaLayer {

	private static final long serialVersionUID = 1L;

	private double scale;

	/** For JSON deserialization. */
	public ScaledTanhLayer() {
		this(1);
	}

	/** A layer multiplying tanh by {@code scale}. */
	public ScaledTanhLayer(double scale) {
		this.scale = scale;
	}

	public double getScale() {
		return scale;
	}

	public void setScale(double scale) {
		this.scale = scale;
	}

	@Override
	public SDVariable defineLayer(SameDiff sameDiff, SDVariable layerInput) {
		return sameDiff.math().tanh(layerInput).mul(scale);
	}

	@Override
	public InputType getOutputType(int layerIndex, InputType inputType) {
		return inputType;
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof ScaledTanhLayer other && super.equals(o) && other.scale == scale;
	}

	@Override
	public int hashCode() {
		return 31 * super.hashCode() + Double.hashCode(scale);
	}
}
