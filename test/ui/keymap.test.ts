import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { keyNames } from '../../src/ui/key-names.js';
import { actionFor, keymap, type KeyScope } from '../../src/ui/keymap.js';

const noKey: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

describe('keyNames', () => {
  it('splits a burst of plain characters into keys', () => {
    expect(keyNames('jj\r', noKey)).toEqual(['j', 'j', 'return']);
    expect(keyNames('G /', noKey)).toEqual(['G', 'space', '/']);
  });

  it('names special keys and ctrl chords', () => {
    expect(keyNames('', { ...noKey, downArrow: true })).toEqual(['down']);
    expect(keyNames('', { ...noKey, return: true })).toEqual(['return']);
    expect(keyNames('c', { ...noKey, ctrl: true })).toEqual(['ctrl+c']);
  });
});

describe('keymap', () => {
  const screens: KeyScope[][] = [
    ['inbox', 'list', 'global'],
    ['workspace', 'list', 'global'],
  ];

  it.each(screens)('binds no key twice on a screen (%s)', (...scopes) => {
    const seen = new Map<string, string>();
    for (const binding of keymap.filter((b) => scopes.includes(b.scope))) {
      for (const key of binding.keys) {
        expect(seen.get(key), `${key} is bound to ${seen.get(key)} and ${binding.action}`).toBeUndefined();
        seen.set(key, binding.action);
      }
    }
  });

  it('resolves keys in the most specific scope first', () => {
    expect(actionFor('s', ['inbox', 'list', 'global'])).toBe('toggleSilenced');
    expect(actionFor('s', ['workspace', 'list', 'global'])).toBe('skip');
    expect(actionFor('q', ['workspace', 'list', 'global'])).toBe('quit');
    expect(actionFor('z', ['inbox', 'list', 'global'])).toBeUndefined();
  });
});
