/**
 * Neurograph's ONNX Runtime: loading ONNX models safely ({@link org.neurograph.runtime.onnx.OnnxRuntime}, an OSGi
 * service), describing their inputs and outputs ({@link org.neurograph.runtime.onnx.ModelSignature}) and running
 * them on float tensors held in direct buffers ({@link org.neurograph.runtime.onnx.FloatTensor}).
 * <p>
 * The bundle also exports the {@code ai.onnxruntime} packages it embeds (ONNX Runtime 1.29.0, CPU, linux-x64).
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.neurograph.runtime.onnx;
