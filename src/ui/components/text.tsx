// The one way the screen draws text. Every string child passes through the sanitizer before Ink
// sees it, so text from a server, runbook or journal cannot reach the terminal raw even where a
// view forgot to clean it; lint forbids Ink's own Text everywhere else in src/ui.
import { Text as InkText, type TextProps } from 'ink';
import type { ReactNode } from 'react';
import { sanitizeText } from '../../core/sanitize.js';

/** Ink's Text, with every string child sanitized (escape sequences, controls, bidi, zero-width). */
export function Text(props: TextProps) {
  const { children, ...rest } = props;
  return <InkText {...rest}>{safeChildren(children)}</InkText>;
}

// Strings are cleaned here; elements are left alone: they are our components, which draw through
// this Text themselves.
function safeChildren(node: ReactNode): ReactNode {
  if (typeof node === 'string') return sanitizeText(node);
  if (Array.isArray(node)) return node.map((child: ReactNode) => safeChildren(child));
  return node;
}
