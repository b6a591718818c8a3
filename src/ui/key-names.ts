import type { Key } from 'ink';

/**
 * Turns one Ink input event into the key names it contains, in order. Ink hands a burst of plain
 * characters over as one string ("jj", "j\r"), so each character is a key of its own; escape
 * sequences (arrows, page keys) arrive one per event.
 */
export function keyNames(input: string, key: Key): string[] {
  const special = specialKeyName(key);
  if (special !== undefined) return [key.ctrl && special.length === 1 ? `ctrl+${special}` : special];
  if (key.ctrl && input.length > 0) return [`ctrl+${input.toLowerCase()}`];
  return [...input].map(characterName);
}

function specialKeyName(key: Key): string | undefined {
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.pageUp) return 'pageup';
  if (key.pageDown) return 'pagedown';
  if (key.home) return 'home';
  if (key.end) return 'end';
  if (key.return) return 'return';
  if (key.escape) return 'escape';
  if (key.tab) return key.shift ? 'shift+tab' : 'tab';
  if (key.backspace || key.delete) return 'backspace';
  return undefined;
}

function characterName(char: string): string {
  switch (char) {
    case '\r':
    case '\n':
      return 'return';
    case '\t':
      return 'tab';
    case '\u007f':
    case '\b':
      return 'backspace';
    case ' ':
      return 'space';
    default:
      return char;
  }
}
