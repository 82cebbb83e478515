package org.neurograph.style;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;

/** The SameDiff layers the feature networks are made of (NCHW, kernels {@code [kh, kw, in, out]}). */
final class Layers {

	private Layers() {
	}

	/** A 3x3 convolution with "same" padding and stride 1; {@code bias} may be null. */
	static SDVariable conv3x3(SameDiff sd, SDVariable x, SDVariable weights, SDVariable bias) {
		Conv2DConfig config = Conv2DConfig.builder().kH(3).kW(3).sH(1).sW(1).paddingMode(PaddingMode.SAME)
				.dataFormat("NCHW").build();
		return bias == null ? sd.cnn().conv2d(x, weights, config) : sd.cnn().conv2d(x, weights, bias, config);
	}

	/** 2x2 average pooling with stride 2. */
	static SDVariable averagePool(SameDiff sd, SDVariable x) {
		return sd.cnn().avgPooling2d(x, Pooling2DConfig.builder().kH(2).kW(2).sH(2).sW(2)
				.paddingMode(PaddingMode.VALID).isNHWC(false).build());
	}
}
