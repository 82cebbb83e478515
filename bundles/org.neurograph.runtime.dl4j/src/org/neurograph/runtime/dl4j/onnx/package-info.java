/**
 * Writing ONNX graphs in code ({@link org.neurograph.runtime.dl4j.onnx.OnnxGraphBuilder}) over the ONNX protobuf
 * classes that nd4j-api ships (package {@code onnx}), so that capability bundles can turn weights they hold (a style
 * checkpoint, a trained DL4J network) into models for ONNX Runtime without a protobuf library of their own.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.neurograph.runtime.dl4j.onnx;
