/**
 * The image GAN: {@link org.neurograph.gan.GanModel} renders latent vectors with a trained generator,
 * {@link org.neurograph.gan.LatentTools} moves through latent space (interpolation, walks, breeding, mutation),
 * {@link org.neurograph.gan.GanOutputs} turns results into artifacts with provenance (latent vector, parents) and
 * {@link org.neurograph.gan.AnimatedGif} encodes frame sequences. The trainer, generator and benchmark are
 * Declarative Services components in the internal package.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.neurograph.gan;
