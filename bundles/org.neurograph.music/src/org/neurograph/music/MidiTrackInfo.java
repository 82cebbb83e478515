package org.neurograph.music;

/**
 * What a track of a MIDI file holds, so that a user can choose the melody track.
 *
 * @param index       the track's index in the file, from 0
 * @param name        its name, or an empty string
 * @param notes       how many notes it has outside the percussion channel
 * @param lowest      its lowest pitch (0 if it has no notes)
 * @param highest     its highest pitch (0 if it has no notes)
 * @param percussion  how many notes it has on the percussion channel (10), which imports ignore
 */
public record MidiTrackInfo(int index, String name, int notes, int lowest, int highest, int percussion) {
}
