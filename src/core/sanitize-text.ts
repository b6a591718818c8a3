// Text from servers, runbooks and journals is untrusted: an alert label could carry escape sequences
// that move the cursor, rewrite the terminal title (OSC), ring the bell or hide text, bidi controls
// that reorder what is shown, or zero-width characters that make two values look alike. Such text
// becomes displayable only by passing through here: the result is typed `SafeText`, and the screen's
// one text component (src/ui/components/text.tsx) sanitizes whatever else it is given.
//
// This file holds no cutting to a width, so it loads nothing heavy: commands that print JSON or an
// error (http-error.ts, `sitrep alerts --json`) import it and never pay the ~20 ms string-width
// takes to start (its grapheme segmenter and emoji tables). sanitize.ts adds cutting (`maxLength`)
// on top of the same functions.

declare const safeTextBrand: unique symbol;

/** Text that holds no escape sequence, control, bidi or zero-width character: safe to draw. */
export type SafeText = string & { readonly [safeTextBrand]: true };

// CSI (ESC [ … final byte), OSC (ESC ] … BEL or ESC \), DCS/SOS/PM/APC strings, and lone
// two-byte ESC sequences; also the 8-bit C1 forms: CSI (0x9b), and OSC, DCS, SOS, PM, APC strings
// (0x9d, 0x90, 0x98, 0x9e, 0x9f) ended by BEL, ESC \ or ST (0x9c).
const escapeSequences =
  // eslint-disable-next-line no-control-regex
  /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]?|(?:\u001b[\]PX^_]|[\u009d\u0090\u0098\u009e\u009f])[\s\S]*?(?:\u0007|\u001b\\|\u009c|$)|\u001b[ -/]*[0-~]?/g;
// C0 and C1 control characters other than tab and newline (BEL included), and DEL.
// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
// Characters that reorder text invisibly and could disguise a value or a command: the bidi
// embeddings, overrides and isolates, and the left-to-right, right-to-left and Arabic letter marks.
const bidiControls = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;
// Invisible characters: zero-width space, non-joiner and joiner, word joiner and the invisible
// operators, the byte-order mark, soft hyphen, Mongolian vowel separator, and the line and
// paragraph separators (which some terminals treat as line breaks).
const invisible = /[\u200b-\u200d\u2060-\u2064\ufeff\u00ad\u180e\u2028\u2029]/g;

// Every character any of the patterns above starts with (a CR, a C0 or C1 control, a bidi or an
// invisible character), and a few neighbours: text without one is already safe, and is returned
// after one scan instead of five replacements (a 10,000-event export sanitizes 30,000 texts).
const mayNeedSanitizing =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;

/** Removes escape sequences and control, bidi and invisible characters, keeping tabs and newlines. */
export function sanitizeText(text: string): SafeText {
  if (!mayNeedSanitizing.test(text)) return text as SafeText;
  return text
    .replace(/\r\n?/g, '\n')
    .replace(escapeSequences, '')
    .replace(controlCharacters, '')
    .replace(bidiControls, '')
    .replace(invisible, '') as SafeText;
}

/** As sanitizeText, and folds newlines and tabs to spaces: for one-line messages and labels. */
export function sanitizeLine(text: string): SafeText {
  return sanitizeText(text).replace(/\s+/g, ' ').trim() as SafeText;
}
