// `sitrep config unset` on a file that no longer checks: the key the check complains about (an
// unknown key, a wrong value) can still be removed, so the tool can repair what it refuses to
// read. The edit goes through the YAML document, keeping the rest of the file (comments too).
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument, type Document } from 'yaml';
import { ShapeError } from '../core/alerts/shape.js';
import { checkConfigDocument } from './config-path.js';

/**
 * Removes `parts` from an invalid config file when that key is one of the things that make it
 * invalid (a problem is at the key or inside it). Returns false, changing nothing, when the file
 * is valid, is not YAML, or its problems lie elsewhere.
 */
export function unsetInvalidKey(file: string, parts: readonly string[]): boolean {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return false;
  }
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return false;
  const within = (at: readonly string[]) => parts.length > 0 && parts.every((part, i) => at[i] === part);
  if (!problemPaths(file, doc).some(within)) return false;
  const keys = asKeys(parts);
  if (!doc.hasIn(keys)) return false;
  doc.deleteIn(keys);
  // Written beside and renamed over, so a crash leaves the old file or the new one, never half.
  const temp = path.join(path.dirname(file), `.config.yml.${process.pid}.tmp`);
  fs.writeFileSync(temp, doc.toString(), { mode: 0o600 });
  fs.renameSync(temp, file);
  return true;
}

// Every problem's key path: the check reports one at a time, so each is removed from a scratch
// copy before checking again. Stops at a problem with no key to remove (a missing one).
function problemPaths(file: string, doc: Document): string[][] {
  const scratch = doc.clone();
  const found: string[][] = [];
  for (let round = 0; round < 100; round += 1) {
    try {
      checkConfigDocument(file, scratch.toJS() as unknown);
      break;
    } catch (error) {
      if (!(error instanceof ShapeError)) throw error;
      const at = error.path.map(String);
      found.push(at);
      if (at.length === 0 || !scratch.hasIn(asKeys(at))) break;
      scratch.deleteIn(asKeys(at));
    }
  }
  return found;
}

function asKeys(parts: readonly string[]): (string | number)[] {
  return parts.map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}
