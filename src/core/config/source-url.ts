// A source's base URL as a user writes it, checked and split: credentials in the URL
// (`https://user:pass@host`) become basic auth, so the URL itself never carries a secret into a
// table, an error or a log.

/** A checked base URL, its display name, and any credentials that were in it. */
export interface SourceUrl {
  /** `https://mimir.example/prometheus`: no credentials, no trailing slash. */
  readonly url: string;
  /** `mimir.example/prometheus`. */
  readonly name: string;
  readonly basicAuth: { readonly username: string; readonly password: string } | undefined;
}

/** Parses a base URL; returns a sentence saying what is wrong instead when it cannot be used. */
export function parseSourceUrl(text: string): SourceUrl | { readonly problem: string } {
  let parsed: URL;
  try {
    parsed = new URL(text.trim());
  } catch {
    return { problem: 'not a URL (expected e.g. http://localhost:9093)' };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return { problem: `${parsed.protocol} is not supported (use http:// or https://)` };
  }
  if (parsed.search !== '' || parsed.hash !== '') {
    return { problem: 'a base URL cannot have a ?query or #fragment' };
  }
  const basicAuth =
    parsed.username === ''
      ? undefined
      : { username: decodeURIComponent(parsed.username), password: decodeURIComponent(parsed.password) };
  const path = parsed.pathname.replace(/\/+$/, '');
  return { url: `${parsed.origin}${path}`, name: `${parsed.host}${path}`, basicAuth };
}

/** A URL with any `user:password@` removed: for messages. Text that is not a URL is returned as is. */
export function redactUrl(text: string): string {
  try {
    const parsed = new URL(text);
    if (parsed.username === '' && parsed.password === '') return text;
    parsed.username = '';
    parsed.password = '';
    return parsed.toString();
  } catch {
    return text.replace(/\/\/[^/@\s]*@/, '//');
  }
}
