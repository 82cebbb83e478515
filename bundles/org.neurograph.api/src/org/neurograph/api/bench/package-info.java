/**
 * Benchmarks a bundle offers to {@code neurograph cli bench NAME}: speed and memory are measured here, never in
 * unit tests.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.neurograph.api.bench;
