// Failures in words a person on call can act on: Node's TLS codes as what went wrong and the
// config key that fixes it, and an HTML error page (a proxy's 502) as its visible words only.
import { sanitizeLine } from '../core/sanitize-text.js';

/**
 * Node's TLS error codes in words, with the config key that fixes each: the CA file, the client
 * certificate, the server name. An unknown code keeps the code, after the words.
 */
export function tlsWords(code: string): { readonly cause: string; readonly hint: string } {
  const trust =
    'Set tls_config.ca_file to the CA that signed it (--http.config.file or `sitrep config set <source>.tls_config.ca_file FILE`); tls_config.insecure_skip_verify: true turns checking off, for test servers only.';
  switch (code) {
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'CERT_UNTRUSTED':
      return { cause: "the server's certificate is not signed by a CA sitrep trusts", hint: trust };
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
      return { cause: "the server's certificate is self-signed, and sitrep does not trust it", hint: trust };
    case 'CERT_HAS_EXPIRED':
      return {
        cause: "the server's certificate has expired",
        hint: 'Renew the certificate on the server (or check this machine’s clock).',
      };
    case 'CERT_NOT_YET_VALID':
      return {
        cause: "the server's certificate is not valid yet",
        hint: 'Check the clocks of this machine and the server.',
      };
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
    case 'HOSTNAME_MISMATCH':
      return {
        cause: "the server's certificate is for another host name",
        hint: 'Use a host name the certificate names in the URL, or set tls_config.server_name to one.',
      };
    case 'ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE':
    case 'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED':
    case 'ERR_SSL_TLSV1_ALERT_UNKNOWN_CA':
    case 'ERR_SSL_SSLV3_ALERT_CERTIFICATE_UNKNOWN':
      return {
        cause:
          'the server wants a client certificate (mutual TLS) and refused the one sent, or none was sent',
        hint: 'Set tls_config.cert_file and tls_config.key_file to a certificate the server trusts.',
      };
    case 'ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED':
      return {
        cause: 'the server refused the client certificate: it has expired',
        hint: 'Renew the certificate in tls_config.cert_file.',
      };
    case 'ERR_SSL_WRONG_VERSION_NUMBER':
      return {
        cause: 'the server does not speak TLS on this port',
        hint: 'Is the URL http://, not https://?',
      };
    default:
      return {
        cause: `the TLS handshake failed (${code})`,
        hint: 'Check tls_config (ca_file, cert_file, key_file, server_name) in --http.config.file or the config file.',
      };
  }
}

/** Whether a body is an HTML (or XML) page rather than JSON or plain text. */
export function looksLikeHtml(text: string): boolean {
  return /^\s*(<!doctype html|<html|<head|<body|<\?xml|<[a-z][a-z0-9]*[\s>])/i.test(text);
}

/** The visible words of an HTML page, in one short line: never its markup. */
export function htmlExcerpt(html: string): string {
  const words = html
    .replace(/<(head|script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/gi, ' ')
    .replace(/&lt;/gi, '<')
    .replace(/&gt;/gi, '>')
    .replace(/&quot;/gi, '"')
    .replace(/&#39;/gi, "'")
    .replace(/&amp;/gi, '&')
    .replace(/\s+/g, ' ')
    .trim();
  const line = sanitizeLine(words);
  const excerpt = line.length > 120 ? `${line.slice(0, 119)}…` : line;
  return excerpt === '' ? 'an HTML page' : `an HTML page: "${excerpt}"`;
}
