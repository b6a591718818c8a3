import { describe, expect, it } from 'vitest';
import { authorName } from '../../src/app/author.js';

const os = () => 'osuser';
const none = () => {
  throw new Error('no user database');
};

describe('who notes and silences are from', () => {
  it('falls back SITREP_AUTHOR → USER → LOGNAME → the OS user name', () => {
    expect(authorName({ SITREP_AUTHOR: 'alice', USER: 'u', LOGNAME: 'l' }, os)).toBe('alice');
    expect(authorName({ USER: 'u', LOGNAME: 'l' }, os)).toBe('u');
    expect(authorName({ LOGNAME: 'l' }, os)).toBe('l');
    expect(authorName({ USER: '  ', SITREP_AUTHOR: '' }, os)).toBe('osuser');
  });

  it('is undefined when nothing names anyone', () => {
    expect(authorName({}, none)).toBeUndefined();
  });
});
