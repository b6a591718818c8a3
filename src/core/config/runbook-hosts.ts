// Which hosts sitrep may fetch a remote runbook from. A `runbook_url` comes from an alert, and an
// alert can be posted by anyone who can reach Alertmanager; a fetched runbook's PromQL runs when
// its steps are focused. So remote runbooks come only from hosts the user named:
// `runbooks.allowed_hosts` in the config file, SITREP_RUNBOOK_ALLOWED_HOSTS, or
// --runbooks.allowed-host. An entry is a host name (`wiki.example.com`), a host and port
// (`wiki.example.com:8443`), or every subdomain of a domain (`*.example.com`).

/** Whether `url`'s host is one of `allowed` (compared without case). */
export function isAllowedRunbookHost(url: string, allowed: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const hostname = parsed.hostname.toLowerCase();
  const host = parsed.host.toLowerCase();
  return allowed.some((entry) => {
    const rule = entry.trim().toLowerCase();
    if (rule === '') return false;
    if (rule.startsWith('*.')) return hostname.endsWith(rule.slice(1)) && hostname.length > rule.length - 1;
    return rule.includes(':') && !rule.startsWith('[') ? rule === host : rule === hostname || rule === host;
  });
}

/** The host part of a URL to name in messages (`wiki.example.com`); the text itself if not a URL. */
export function runbookHostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** A comma-separated list (an environment variable) as host entries. */
export function splitHostList(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter((h) => h !== '');
}
