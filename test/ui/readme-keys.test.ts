// The README lists every key; this keeps it true when the keymap changes.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keymap } from '../../src/ui/keymap.js';
import { repoRoot } from '../helpers/stack.js';

describe('README keys table', () => {
  const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  it.each(keymap.map((b) => [b.action, b.help] as const))('lists %s (%s)', (_action, help) => {
    expect(readme).toMatch(new RegExp(`\\|\\s*${help.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\s*\\|`));
  });
});
