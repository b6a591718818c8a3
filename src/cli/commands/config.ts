// `sitrep config path|get|set|unset|list`: the config file, one dotted key at a time.
import { stringify } from 'yaml';
import { flatten, getAt, redactSecrets } from '../../core/config/key-path.js';
import { ExitCode, UsageError } from '../../core/errors.js';
import { sanitizeLine, sanitizeText } from '../../core/sanitize.js';
import { configKey, openSettings } from '../../store/settings.js';
import type { Command, CommandContext } from '../command.js';
import { parseCommandArgs } from '../parse-args.js';

const help = `Usage: sitrep config path | get KEY | set KEY VALUE | unset KEY | list

Manages the config file, $XDG_CONFIG_HOME/sitrep/config.yml (~/.config/sitrep/config.yml; another
with --config.file or SITREP_CONFIG_FILE), written with mode 0600 because it can hold tokens. Flags
and environment variables override it.

  path            print the file's path
  get KEY         print one value (secrets redacted unless --show-secrets)
  set KEY VALUE   set a value; the whole file is checked first, nothing is written if it is wrong
  unset KEY       remove a value
  list            print every key=value, secrets redacted

Keys (dotted; a list item by its number, e.g. alertmanager.1.url):
  timeout                      per request, e.g. 10s
  output                       simple, extended or json
  max_response_size            e.g. 256MiB (the default holds 100,000 alerts)
  http_config_file             Prometheus http_config YAML for every source (alias http.config.file)
  alertmanager.url             a URL; or a list: alertmanager.0.url, alertmanager.1.url, …
  prometheus.url               e.g. https://mimir.example/prometheus ("" switches Prometheus off)
  runbooks.dirs                a runbook folder; or a list: runbooks.dirs.0, runbooks.dirs.1, …
  runbooks.allowed_hosts       a host remote runbooks may be fetched from (or *.domain); or a list
  <source>.name                shown in tables and errors
  <source>.headers.NAME        an extra header, e.g. prometheus.headers.X-Scope-OrgID
  <source>.timeout, <source>.max_response_size, <source>.http_config_file
  <source>.authorization.type | .credentials | .credentials_file
  <source>.basic_auth.username | .password | .password_file
  <source>.tls_config.ca_file | .cert_file | .key_file | .server_name | .insecure_skip_verify
  <source>.oauth2.client_id | .client_secret | .client_secret_file | .token_url | .scopes.N
  <source>.oauth2.endpoint_params.NAME    extra form fields for the token endpoint (e.g. audience)
  <source>.proxy_url           an http:// or https:// proxy (user:password@ for proxy auth); runbook
                               URLs are fetched through Prometheus's (or else an Alertmanager's)
where <source> is alertmanager, alertmanager.N or prometheus. Prefer *_file keys for secrets: a
value given to \`set\` stays in your shell history.`;

function print(value: unknown): string {
  if (typeof value === 'object' && value !== null)
    return sanitizeText(stringify(value)).replace(/\n?$/, '\n');
  return `${sanitizeLine(String(value))}\n`;
}

function expectArgs(positionals: readonly string[], count: number, usage: string): void {
  if (positionals.length !== count) {
    throw new UsageError(`config: expected ${usage}`, 'Run `sitrep config --help`.');
  }
}

function get(key: string, showSecrets: boolean, context: CommandContext): number {
  const parts = configKey(key);
  const settings = openSettings(context.env);
  const value = getAt(showSecrets ? settings.document() : redactSecrets(settings.document()), parts);
  if (value === undefined) {
    context.stderr.write(`sitrep: config: ${sanitizeLine(key)} is not set in ${settings.path}\n`);
    return ExitCode.failure;
  }
  context.stdout.write(print(value));
  return ExitCode.ok;
}

/** `sitrep config`. */
export const configCommand: Command = {
  name: 'config',
  help,
  // eslint-disable-next-line @typescript-eslint/require-await -- every command's run is async
  async run(args, context) {
    const { values, positionals } = parseCommandArgs('config', args, { 'show-secrets': { type: 'boolean' } });
    const [action, ...rest] = positionals;
    const settings = openSettings(context.env);
    switch (action) {
      case 'path':
        expectArgs(rest, 0, '`config path`');
        context.stdout.write(`${settings.path}\n`);
        return ExitCode.ok;
      case 'get':
        expectArgs(rest, 1, '`config get KEY`');
        return get(rest[0] ?? '', values['show-secrets'] === true, context);
      case 'set': {
        expectArgs(rest, 2, '`config set KEY VALUE`');
        const [key = '', value = ''] = rest;
        settings.set(key, value);
        const shown = sanitizeLine(String(redactSecrets(value, configKey(key))));
        context.stderr.write(`sitrep: set ${sanitizeLine(key)}=${shown} in ${settings.path}\n`);
        return ExitCode.ok;
      }
      case 'unset': {
        expectArgs(rest, 1, '`config unset KEY`');
        const key = rest[0] ?? '';
        if (!settings.unset(key)) {
          context.stderr.write(`sitrep: config: ${sanitizeLine(key)} was not set\n`);
          return ExitCode.failure;
        }
        return ExitCode.ok;
      }
      case 'list':
        expectArgs(rest, 0, '`config list`');
        for (const [key, value] of flatten(redactSecrets(settings.document()))) {
          context.stdout.write(`${sanitizeLine(key)}=${sanitizeLine(String(value))}\n`);
        }
        return ExitCode.ok;
      case undefined:
        throw new UsageError('config: missing action', 'Use one of: path, get, set, unset, list.');
      default:
        throw new UsageError(
          `config: unknown action "${sanitizeLine(action)}"`,
          'Use one of: path, get, set, unset, list.',
        );
    }
  },
};
