/**
 * Neurograph's deep-learning runtime on DL4J and ND4J (CPU backend, linux-x86_64): starting ND4J lazily and safely
 * ({@link org.neurograph.runtime.dl4j.Dl4jRuntime}), its settings ({@link org.neurograph.runtime.dl4j.Dl4jPreferences})
 * and loading and saving model files without the Java-serialization hazards of DL4J's own {@code ModelSerializer}
 * ({@link org.neurograph.runtime.dl4j.SafeModelSerializer}).
 * <p>
 * The bundle also exports the DL4J, ND4J, JavaCPP and ONNX-protobuf packages it embeds; capability bundles use
 * them directly once {@link org.neurograph.runtime.dl4j.Dl4jRuntime#start()} has returned.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.neurograph.runtime.dl4j;
