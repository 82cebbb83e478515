/**
 * Music for Neurograph: a token-friendly tune model ({@link org.neurograph.music.Tune}: a header and timed
 * {@link org.neurograph.music.Event}s with MIDI pitches and exact lengths), ABC 2.1 reading and writing
 * ({@link org.neurograph.music.AbcReader}, {@link org.neurograph.music.AbcWriter}), Standard MIDI File import and
 * export ({@link org.neurograph.music.MidiImport}, {@link org.neurograph.music.MidiExport}), synthesis with Java's
 * Gervill synthesizer: rendering to WAV ({@link org.neurograph.music.AudioRenderer}) and playback
 * ({@link org.neurograph.music.TunePlayer}); and a folk-rnn style tune LSTM: tokens
 * ({@link org.neurograph.music.TuneTokens}), a DL4J trainer ({@link org.neurograph.music.TuneLstmTrainer}) on tune
 * collections ({@link org.neurograph.music.TuneCollection}), the model ({@link org.neurograph.music.TuneModel}), a
 * constrained plain-Java sampler ({@link org.neurograph.music.TuneWriter}), a generator
 * ({@link org.neurograph.music.TuneLstmGenerator}) and the {@code music} benchmark. Headless: no user interface here.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.neurograph.music;
