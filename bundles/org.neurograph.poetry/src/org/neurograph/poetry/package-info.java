/**
 * Character-level LSTMs for text: a trainer ({@link org.neurograph.poetry.CharLstmTrainer}, DL4J) on text corpora, a
 * generator ({@link org.neurograph.poetry.CharRnnGenerator}) with prime, temperature, top-k, length and stanza form,
 * plain-Java inference ({@link org.neurograph.poetry.CharLstm}, {@link org.neurograph.poetry.TextSampler},
 * {@link org.neurograph.poetry.PoemWriter}), the model file ({@link org.neurograph.poetry.CharLstmFiles}), the import
 * of ml5.js char-rnn checkpoints ({@link org.neurograph.poetry.Ml5CharRnn}) and the {@code poetry} benchmark.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.neurograph.poetry;
