// http_config `proxy_url`: requests to a source go through an HTTP(S) proxy. Plain-http targets
// are sent to the proxy as absolute-URI requests; https targets go through a CONNECT tunnel, with
// the source's own TLS settings (CA, client certificate, server name) applied inside the tunnel.
// Credentials in the proxy URL (`http://user:pass@proxy:3128`) become Proxy-Authorization.
import type http from 'node:http';
import type https from 'node:https';
import { checkServerIdentity, type PeerCertificate } from 'node:tls';
import { HttpProxyAgent } from 'http-proxy-agent';
import { HttpsProxyAgent } from 'https-proxy-agent';
import type { TlsConfig } from '../core/config/config.js';

// https-proxy-agent takes the target's TLS options from the request, which node-fetch does not fill
// in (and its constructor's options are for the connection to the proxy itself), so they are added
// to each tunnel here: the source's CA, client certificate and server name apply to the target.
class TunnelAgent extends HttpsProxyAgent<string> {
  constructor(
    proxyUrl: string,
    private readonly targetTls: https.AgentOptions,
  ) {
    super(proxyUrl);
  }

  override connect(...[request, options]: Parameters<HttpsProxyAgent<string>['connect']>) {
    // The library leaves the target's host out of the TLS options, so an IP address would be
    // checked as "localhost"; the certificate is checked against the host actually asked for.
    const expected = this.targetTls.servername ?? options.host ?? '';
    return super.connect(request, {
      ...options,
      ...this.targetTls,
      checkServerIdentity: (_name: string, certificate: PeerCertificate) =>
        checkServerIdentity(expected, certificate),
    } as typeof options);
  }
}

/** Picks the agent for a request's URL (node-fetch calls it again after a redirect). */
export type AgentFor = (target: URL) => http.Agent;

const cache = new Map<string, AgentFor>();

/**
 * Agents that send every request through `proxyUrl`; one pair per proxy and TLS setting. `tls`
 * holds the source's TLS options already read (CA, certificate, key), used inside the tunnel.
 */
export function proxyAgents(
  proxyUrl: string,
  tls: https.AgentOptions | undefined,
  tlsKey?: TlsConfig,
): AgentFor {
  const key = `${proxyUrl}\u0000${tlsKey ? JSON.stringify(tlsKey) : ''}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const plain = new HttpProxyAgent(proxyUrl);
  const tunnel = new TunnelAgent(proxyUrl, tls ?? {});
  const agentFor: AgentFor = (target) => (target.protocol === 'https:' ? tunnel : plain);
  cache.set(key, agentFor);
  return agentFor;
}
