// One-line text entry driven by key names, so typing that arrives in a burst ("n", "disk full",
// "⏎" in one write) is applied in order like any other keys.

/** What a key did to a text field. */
export type TextFieldStep =
  | { readonly kind: 'edit'; readonly text: string }
  | { readonly kind: 'submit'; readonly text: string }
  | { readonly kind: 'cancel' }
  | { readonly kind: 'ignore' };

/** Applies one key to the text: characters append, backspace deletes, ⏎ submits, esc cancels. */
export function textFieldKey(text: string, key: string): TextFieldStep {
  switch (key) {
    case 'return':
      return { kind: 'submit', text };
    case 'escape':
      return { kind: 'cancel' };
    case 'backspace':
      return { kind: 'edit', text: [...text].slice(0, -1).join('') };
    case 'space':
      return { kind: 'edit', text: `${text} ` };
    case 'tab':
      return { kind: 'edit', text: `${text} ` };
    default:
      return [...key].length === 1 ? { kind: 'edit', text: text + key } : { kind: 'ignore' };
  }
}
