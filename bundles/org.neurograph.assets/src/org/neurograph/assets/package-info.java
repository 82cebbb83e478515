/**
 * Project-based asset management: the Neurograph project nature and layout ({@link org.neurograph.assets.NeurographProject}),
 * atomic writes ({@link org.neurograph.assets.AtomicFiles}), provenance as JSON and inside PNG files, the output
 * store, the asset catalog and the dataset importer. Everything but {@code NeurographProject}'s workspace methods and
 * {@code NeurographNature} works on plain {@link java.nio.file.Path} project folders, so that the command line can
 * use it without a workspace.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.neurograph.assets;
