// Prometheus's `http_config` YAML shape, which `--http.config.file` takes (as amtool does) and which a
// source in sitrep's config file may also carry inline: authorization, basic_auth, oauth2 (client
// credentials), proxy_url, tls_config.
import {
  readObject,
  readOptionalBoolean,
  readOptionalString,
  readString,
  readStringList,
  readStringMap,
  rejectUnknownKeys,
  ShapeError,
  type ShapePath,
} from '../alerts/shape.js';
import type { AuthConfig, Secret } from './config.js';

/** The parts of a source's settings an http_config can give; each may be absent. */
export interface HttpSettings {
  readonly auth?: Exclude<AuthConfig, { kind: 'none' }>;
  readonly tls?: {
    readonly caFile?: string;
    readonly certFile?: string;
    readonly keyFile?: string;
    readonly serverName?: string;
    readonly insecureSkipVerify?: boolean;
  };
  readonly headers?: Readonly<Record<string, string>>;
  /** OAuth 2.0 client credentials: a token from `tokenUrl` goes in `Authorization: Bearer`. */
  readonly oauth2?: OAuth2Settings;
  /** An http:// or https:// proxy every request to the source goes through. */
  readonly proxyUrl?: string;
}

/** Prometheus's `oauth2` block: the client credentials grant (RFC 6749, section 4.4). */
export interface OAuth2Settings {
  readonly clientId: string;
  readonly clientSecret: Secret;
  readonly tokenUrl: string;
  readonly scopes: readonly string[];
  /** Extra form fields sent to the token endpoint (e.g. `audience`). */
  readonly endpointParams: Readonly<Record<string, string>>;
}

/** Keys of an http_config that sitrep uses. */
export const httpConfigKeys = [
  'authorization',
  'basic_auth',
  'bearer_token',
  'bearer_token_file',
  'oauth2',
  'proxy_url',
  'tls_config',
];
/** Keys Prometheus accepts that make no difference to sitrep: read and ignored. */
export const ignoredHttpConfigKeys = ['follow_redirects', 'enable_http2'];

/**
 * Reads the http_config keys of `object` (other keys are the caller's business). `resolvePath`
 * turns a file path into an absolute one, relative to the file it was written in. Throws ShapeError.
 */
export function readHttpSettings(
  object: Readonly<Record<string, unknown>>,
  path: ShapePath,
  resolvePath: (file: string) => string,
): HttpSettings {
  const file = (value: unknown, at: ShapePath) => {
    const text = readOptionalString(value, at);
    return text === undefined || text === '' ? undefined : resolvePath(text);
  };
  const auths: Exclude<AuthConfig, { kind: 'none' }>[] = [];
  if (object['authorization'] !== undefined && object['authorization'] !== null) {
    const at = [...path, 'authorization'];
    const a = readObject(object['authorization'], at);
    rejectUnknownKeys(a, ['type', 'credentials', 'credentials_file'], at);
    const type = readOptionalString(a['type'], [...at, 'type']) ?? 'Bearer';
    if (type.toLowerCase() === 'basic') throw new ShapeError([...at, 'type'], 'use basic_auth for Basic');
    auths.push({
      kind: 'authorization',
      type,
      credentials: secret(
        a['credentials'],
        file(a['credentials_file'], [...at, 'credentials_file']),
        at,
        'credentials',
      ),
    });
  }
  if (object['bearer_token'] !== undefined || object['bearer_token_file'] !== undefined) {
    const tokenFile = file(object['bearer_token_file'], [...path, 'bearer_token_file']);
    auths.push({
      kind: 'authorization',
      type: 'Bearer',
      credentials: secret(object['bearer_token'], tokenFile, path, 'bearer_token'),
    });
  }
  if (object['basic_auth'] !== undefined && object['basic_auth'] !== null) {
    const at = [...path, 'basic_auth'];
    const b = readObject(object['basic_auth'], at);
    rejectUnknownKeys(b, ['username', 'password', 'password_file'], at);
    const passwordFile = file(b['password_file'], [...at, 'password_file']);
    const hasPassword = b['password'] !== undefined || passwordFile !== undefined;
    auths.push({
      kind: 'basic',
      username: readString(b['username'], [...at, 'username']),
      password: hasPassword ? secret(b['password'], passwordFile, at, 'password') : undefined,
    });
  }
  const oauth2 =
    object['oauth2'] === undefined || object['oauth2'] === null
      ? undefined
      : readOAuth2(object['oauth2'], [...path, 'oauth2'], file);
  if (auths.length + (oauth2 ? 1 : 0) > 1)
    throw new ShapeError(path, 'at most one of authorization, bearer_token, basic_auth and oauth2');
  const tls =
    object['tls_config'] === undefined || object['tls_config'] === null
      ? undefined
      : readTls(object['tls_config'], [...path, 'tls_config'], file);
  const proxyUrl = readProxyUrl(object['proxy_url'], [...path, 'proxy_url']);
  return {
    ...(auths[0] === undefined ? {} : { auth: auths[0] }),
    ...(oauth2 === undefined ? {} : { oauth2 }),
    ...(tls === undefined ? {} : { tls }),
    ...(proxyUrl === undefined ? {} : { proxyUrl }),
  };
}

function readOAuth2(
  value: unknown,
  at: ShapePath,
  file: (value: unknown, at: ShapePath) => string | undefined,
): OAuth2Settings {
  const o = readObject(value, at);
  rejectUnknownKeys(
    o,
    ['client_id', 'client_secret', 'client_secret_file', 'scopes', 'token_url', 'endpoint_params'],
    at,
  );
  const tokenUrl = readString(o['token_url'], [...at, 'token_url']);
  if (!/^https?:\/\/[^/]/i.test(tokenUrl)) {
    throw new ShapeError([...at, 'token_url'], 'expected an http:// or https:// URL');
  }
  return {
    clientId: readString(o['client_id'], [...at, 'client_id']),
    clientSecret: secret(
      o['client_secret'],
      file(o['client_secret_file'], [...at, 'client_secret_file']),
      at,
      'client_secret',
    ),
    tokenUrl,
    scopes:
      o['scopes'] === undefined || o['scopes'] === null ? [] : readStringList(o['scopes'], [...at, 'scopes']),
    endpointParams: readStringMap(o['endpoint_params'], [...at, 'endpoint_params']),
  };
}

function readProxyUrl(value: unknown, at: ShapePath): string | undefined {
  const text = readOptionalString(value, at);
  if (text === undefined || text === '') return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ShapeError(at, 'expected a URL such as http://proxy.example:3128');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ShapeError(
      at,
      `a ${url.protocol.replace(':', '')} proxy is not supported (use http:// or https://)`,
    );
  }
  return text;
}

function secret(inline: unknown, fromFile: string | undefined, at: ShapePath, key: string): Secret {
  const value = readOptionalString(inline, [...at, key]);
  if (value !== undefined && fromFile !== undefined) {
    throw new ShapeError(at, `give ${key} or ${key}_file, not both`);
  }
  if (fromFile !== undefined) return { kind: 'file', path: fromFile };
  if (value === undefined || value === '')
    throw new ShapeError([...at, key], `missing (or give ${key}_file)`);
  return { kind: 'inline', value };
}

function readTls(
  value: unknown,
  at: ShapePath,
  file: (value: unknown, at: ShapePath) => string | undefined,
): NonNullable<HttpSettings['tls']> {
  const t = readObject(value, at);
  rejectUnknownKeys(t, ['ca_file', 'cert_file', 'key_file', 'server_name', 'insecure_skip_verify'], at);
  const entries = {
    caFile: file(t['ca_file'], [...at, 'ca_file']),
    certFile: file(t['cert_file'], [...at, 'cert_file']),
    keyFile: file(t['key_file'], [...at, 'key_file']),
    serverName: readOptionalString(t['server_name'], [...at, 'server_name']),
    insecureSkipVerify: readOptionalBoolean(t['insecure_skip_verify'], [...at, 'insecure_skip_verify']),
  };
  if ((entries.certFile === undefined) !== (entries.keyFile === undefined)) {
    throw new ShapeError(at, 'cert_file and key_file go together (a client certificate needs its key)');
  }
  return Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined));
}

/** Reads a whole `--http.config.file` document. Throws ShapeError. */
export function readHttpConfigDocument(json: unknown, resolvePath: (file: string) => string): HttpSettings {
  if (json === undefined || json === null) return {};
  const object = readObject(json, []);
  rejectUnknownKeys(object, [...httpConfigKeys, ...ignoredHttpConfigKeys], []);
  return readHttpSettings(object, [], resolvePath);
}

/**
 * Later layers win: auth (oauth2 included) is replaced whole, the proxy too, TLS settings and
 * headers key by key.
 */
export function mergeHttpSettings(...layers: readonly (HttpSettings | undefined)[]): HttpSettings {
  let auth: HttpSettings['auth'];
  let oauth2: OAuth2Settings | undefined;
  let proxyUrl: string | undefined;
  let tls: NonNullable<HttpSettings['tls']> = {};
  let headers: Readonly<Record<string, string>> = {};
  for (const layer of layers) {
    if (!layer) continue;
    if (layer.auth || layer.oauth2) {
      auth = layer.auth;
      oauth2 = layer.oauth2;
    }
    if (layer.proxyUrl) proxyUrl = layer.proxyUrl;
    if (layer.tls) tls = { ...tls, ...layer.tls };
    if (layer.headers) headers = { ...headers, ...layer.headers };
  }
  return {
    ...(auth ? { auth } : {}),
    ...(oauth2 ? { oauth2 } : {}),
    ...(proxyUrl ? { proxyUrl } : {}),
    tls,
    headers,
  };
}
