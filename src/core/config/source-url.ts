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

/** `host:port`, `host:port/path` or `host/path` written without a scheme. */
const hostAndPort = /^[a-z0-9.-]+(:\d+)?(\/\S*)?$/i;

/** Parses a base URL; returns a sentence saying what is wrong instead when it cannot be used. */
export function parseSourceUrl(text: string): SourceUrl | { readonly problem: string } {
  const trimmed = text.trim();
  // `localhost:9093` parses as a URL whose scheme is `localhost:`; say what is missing instead.
  if (!trimmed.includes('://') && hostAndPort.test(trimmed)) {
    return { problem: `missing http:// or https:// (e.g. http://${trimmed})` };
  }
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return { problem: 'not a URL (expected e.g. http://localhost:9093)' };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return { problem: `not http:// or https:// (${parsed.protocol} is not supported)` };
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
