/**
 * Style transfer. Fast feed-forward style models (Johnson et al.) are imported into a project's {@code models/}
 * folder as ONNX graphs ({@link org.neurograph.style.StyleModelImporter}: model-zoo ONNX files as they are,
 * deeplearn.js / ml5 checkpoint folders converted) and applied to images of any size in overlapping, blended tiles
 * ({@link org.neurograph.style.Stylizer}); optimisation-based transfer after Gatys et al. runs on DL4J's SameDiff
 * ({@link org.neurograph.style.GatysTransfer}). Both are offered as generators to the workbench and the command line.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.neurograph.style;
