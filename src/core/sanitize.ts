// Text from servers and runbooks is untrusted: an alert annotation could carry escape sequences
// that move the cursor, rewrite the terminal title (OSC) or hide text. Everything shown on a
// terminal goes through here first.

// CSI (ESC [ … final byte), OSC (ESC ] … BEL or ESC \), DCS/SOS/PM/APC strings, and lone
// two-byte ESC sequences; also the 8-bit C1 forms of CSI (0x9b) and OSC (0x9d).
const escapeSequences =
  // eslint-disable-next-line no-control-regex
  /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]?|(?:\u001b[\]PX^_]|[\u009d\u0090\u0098\u009e\u009f])[\s\S]*?(?:\u0007|\u001b\\|\u009c|$)|\u001b[ -/]*[0-~]?/g;
// C0 and C1 control characters other than tab and newline, and DEL.
// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
// Characters that reorder text invisibly (bidi overrides) and could disguise a command.
const bidiControls = /[\u202a-\u202e\u2066-\u2069]/g;

/** Removes escape sequences and control characters, keeping tabs and newlines. */
export function sanitizeText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(escapeSequences, '')
    .replace(controlCharacters, '')
    .replace(bidiControls, '');
}

/** As sanitizeText, and folds newlines and tabs to spaces: for table cells and one-line labels. */
export function sanitizeLine(text: string): string {
  return sanitizeText(text).replace(/\s+/g, ' ').trim();
}
