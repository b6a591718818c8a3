import { memo } from 'react';
import { Text } from './text.js';
import { bindingsFor, type KeyScope } from '../keymap.js';

/** The footer: the most useful keys of the current screen, from the keymap (memoized on the scopes). */
export const KeyHints = memo(function KeyHints({ scopes }: { scopes: readonly KeyScope[] }) {
  const hints = bindingsFor(scopes, true).map((b) => `${b.label} ${b.hint ?? ''}`);
  return (
    <Text dimColor wrap="truncate">
      {hints.join('  ')}
    </Text>
  );
});
