// What the screen does with journal events that never reached the disk when sitrep exits: one more
// attempt, then a recovery file and words for the terminal (src/store/journal-rescue.ts).
import { describeUnsaved, rescueOpenJournals } from '../store/journal-rescue.js';

/**
 * Closes every open journal after one more attempt to write; resolves with the text to print
 * about events that still could not be saved (and where they were put), or undefined when all was
 * saved.
 */
export async function rescueUnsavedEvents(): Promise<string | undefined> {
  const unsaved = await rescueOpenJournals();
  return unsaved.length === 0 ? undefined : describeUnsaved(unsaved);
}
