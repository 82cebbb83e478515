/**
 * The Neurograph SDK: what a generator plugin implements ({@link org.neurograph.api.Generator}) and the value
 * types it exchanges with the workbench and the command line: typed parameters ({@link org.neurograph.api.ParameterSpec}),
 * requests, artifacts and their {@link org.neurograph.api.Provenance}.
 * <p>
 * This package depends on the JDK alone. Its version follows semantic versioning: types a third party
 * implements are {@code @ConsumerType}, the rest {@code @ProviderType}.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.neurograph.api;
