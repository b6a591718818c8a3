// What the workspace is doing with the keyboard: the checklist, or one of its dialogs and views
// (note, silence, export, search, skip, the alert's past), each with what it has typed so far.
import type { ExportFormat } from '../../app/services.js';

/** What the workspace is doing with the keyboard. */
export type WorkspaceMode =
  | { readonly kind: 'checklist' }
  | { readonly kind: 'note'; readonly text: string }
  | { readonly kind: 'silence-duration'; readonly index: number }
  | { readonly kind: 'silence-comment'; readonly durationMs: number; readonly text: string }
  | {
      readonly kind: 'silence-confirm';
      readonly durationMs: number;
      readonly comment: string;
      /** The incident's own alerts (by identifying labels), or every alert of the name. */
      readonly scope: 'alerts' | 'group';
      /** The matchers as an editable line, escaped so every character shows. */
      readonly text: string;
      /** Why the edited line cannot be used, when it cannot. */
      readonly error: string | undefined;
    }
  | { readonly kind: 'export-format'; readonly index: number }
  | { readonly kind: 'export-path'; readonly format: ExportFormat; readonly text: string }
  | { readonly kind: 'search'; readonly text: string }
  | { readonly kind: 'skip-reason'; readonly stepId: string; readonly text: string }
  | { readonly kind: 'confirm-quit' }
  /** The list of past incidents of the alert, `index` selected. */
  | { readonly kind: 'past-list'; readonly index: number }
  /** One past incident's timeline, read-only: undefined lines while loading. */
  | {
      readonly kind: 'past-view';
      readonly index: number;
      readonly id: string;
      readonly lines: readonly string[] | undefined;
      readonly scroll: number;
    }
  | { readonly kind: 'confirm-close'; readonly activeSilences: number };
