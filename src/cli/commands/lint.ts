// `sitrep lint [PATHS...]`: checks runbooks and Prometheus rule files and prints each finding as
// `file:line:col: error|warning: message`, the way compilers do, so editors can jump to it.
import fs from 'node:fs';
import path from 'node:path';
import { countOf } from '../../core/format/count.js';
import { ExitCode, UsageError } from '../../core/errors.js';
import { lintRules, lintRunbook, type KnownRule, type LintFinding } from '../../core/runbook/lint.js';
import { annotationTarget, hasRunbookNamed, type LibraryEntry } from '../../core/runbook/match.js';
import { parseRunbook } from '../../core/runbook/parse-runbook.js';
import { looksLikeRuleFile, parseRuleFile, type RuleFileRule } from '../../core/runbook/rule-file.js';
import { sanitizeLine } from '../../core/sanitize.js';
import {
  filesUnder,
  isRunbookFileName,
  readRunbookText,
  RunbookReadError,
} from '../../store/runbook-files.js';
import { writeJson, type Command, type CommandContext } from '../command.js';
import { wantsJson } from '../global-flags.js';
import { parseCommandArgs } from '../parse-args.js';
import { openRunbookLibrary } from '../../sources/runbook-library-open.js';
import { appendAll } from '../../core/bounded.js';

const options = {
  json: { type: 'boolean' },
  'errors-only': { type: 'boolean' },
  'runbooks.dir': { type: 'string', multiple: true },
} as const;

const help = `Usage: sitrep lint [PATHS...] [--json] [--errors-only]

Checks runbooks (*.md) and Prometheus rule files (*.yml, *.yaml with a \`groups:\` list), given as
files or folders (searched recursively). Without PATHS it checks ./runbooks.

Runbooks: the front matter is valid YAML with the known keys; there is at least one diagnosis
step; every probe parses as PromQL; every {{ $labels.x }} in a probe names a label the alert has
(its expression keeps it, or the rule sets it). Rule files: every expr parses; every {{ $labels.x }}
in an annotation names a label the expression keeps (sum by (server) keeps only server); every
alert has a runbook (by front matter, file name or its runbook annotation) in the given paths, the
runbook folders or the bundled set. The expressions for the probe check come from the rule files
given, rule files in the runbook's own folder, or a rule pasted into the runbook.

Each finding is printed as FILE:LINE:COLUMN: error|warning: MESSAGE.

Flags:
  --json              the findings as JSON: { version, files, errors, warnings, findings: [
                      { file, line, column, severity, message } ] }
  --errors-only       only errors fail (warnings are still printed)
  --runbooks.dir DIR  another runbook folder to look for runbooks in (repeat for more)

Exit codes: 0 no findings, 1 findings (only errors with --errors-only), 2 bad usage.`;

/** `sitrep lint`. */
export const lintCommand: Command = {
  name: 'lint',
  help,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs('lint', args, options);
    const targets = collect(positionals.length > 0 ? positionals : defaultPaths(context), context);
    const findings = await lintTargets(targets, context, values['runbooks.dir'] ?? []);
    const errors = findings.filter((f) => f.severity === 'error').length;
    const warnings = findings.length - errors;
    if (wantsJson(values, context)) {
      const document = {
        version: 1,
        files: targets.runbooks.length + targets.rules.length,
        errors,
        warnings,
        findings: findings.map((f) => ({
          file: f.file,
          line: f.position.line,
          column: f.position.column,
          severity: f.severity,
          message: f.message,
        })),
      };
      writeJson(context, document);
    } else {
      for (const f of findings) {
        context.stdout.write(
          `${sanitizeLine(f.file)}:${f.position.line}:${f.position.column}: ${f.severity}: ${sanitizeLine(f.message)}\n`,
        );
      }
      const files = targets.runbooks.length + targets.rules.length;
      context.stderr.write(
        `sitrep lint: ${countOf(files, 'file')}, ${countOf(errors, 'error')}, ${countOf(warnings, 'warning')}\n`,
      );
    }
    const failed = errors > 0 || (values['errors-only'] !== true && warnings > 0);
    return failed ? ExitCode.failure : ExitCode.ok;
  },
};

interface Target {
  readonly file: string;
  /** The folder the path was given as (or the file's own folder): relative runbook paths start here. */
  readonly root: string;
}

interface Targets {
  readonly runbooks: Target[];
  readonly rules: Target[];
}

function defaultPaths(context: CommandContext): string[] {
  const local = path.join(context.cwd, 'runbooks');
  if (fs.existsSync(local)) return [local];
  throw new UsageError(
    'lint: what should be checked? There is no ./runbooks folder here.',
    'Give files or folders: sitrep lint runbooks/ rules/alerts.yml',
  );
}

function collect(paths: readonly string[], context: CommandContext): Targets {
  const targets: Targets = { runbooks: [], rules: [] };
  for (const given of paths) {
    const full = path.resolve(context.cwd, given);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(full);
    } catch {
      throw new UsageError(`lint: ${given} does not exist`);
    }
    if (stat.isDirectory()) {
      for (const file of filesUnder(full, (name) => isRunbookFileName(name) || isYamlName(name))) {
        if (path.basename(file) === '_index.md') continue; // a Hugo section page, not a runbook
        if (isRunbookFileName(path.basename(file))) targets.runbooks.push({ file, root: full });
        else if (looksLikeRuleFile(readOr(file))) targets.rules.push({ file, root: full });
      }
    } else if (isYamlName(full)) targets.rules.push({ file: full, root: path.dirname(full) });
    else targets.runbooks.push({ file: full, root: path.dirname(full) });
  }
  return targets;
}

function isYamlName(name: string): boolean {
  return /\.ya?ml$/i.test(name);
}

function readOr(file: string): string {
  try {
    return readRunbookText(file).text;
  } catch {
    return '';
  }
}

async function lintTargets(
  targets: Targets,
  context: CommandContext,
  flagDirs: readonly string[],
): Promise<LintFinding[]> {
  const display = (file: string) => {
    const relative = path.relative(context.cwd, file);
    return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
  };
  const findings: LintFinding[] = [];
  const unreadable = (file: string, error: unknown) =>
    findings.push({
      file: display(file),
      position: { line: 1, column: 1 },
      severity: 'error',
      message: error instanceof RunbookReadError ? error.reason : String(error),
    });

  const entries: LibraryEntry[] = [];
  for (const target of targets.runbooks) {
    try {
      const { text } = readRunbookText(target.file);
      const runbook = parseRunbook(text, { fileName: path.basename(target.file) });
      entries.push({
        path: target.file,
        relativePath: path.relative(target.root, target.file).split(path.sep).join('/'),
        tier: 'user',
        runbook,
        text,
      });
    } catch (error) {
      unreadable(target.file, error);
    }
  }
  const known: KnownRule[] = [];
  const ruleFiles: { target: Target; rules: readonly RuleFileRule[] }[] = [];
  for (const target of targets.rules) {
    try {
      const parsed = parseRuleFile(readRunbookText(target.file).text);
      findings.push(
        ...parsed.problems.map((p) => ({
          file: display(target.file),
          position: p.position ?? { line: 1, column: 1 },
          severity: p.severity,
          message: p.message,
        })),
      );
      ruleFiles.push({ target, rules: parsed.rules });
      appendAll(
        known,
        parsed.rules.map((rule) => ({ file: display(target.file), rule })),
      );
    } catch (error) {
      unreadable(target.file, error);
    }
  }
  appendAll(known, siblingRules(entries, targets, display));
  for (const entry of entries) appendAll(findings, lintRunbook(display(entry.path), entry.runbook, known));

  const library = [
    ...entries,
    ...(await openRunbookLibrary(context, flagDirs)).entries.filter(
      (e) => !entries.some((own) => own.path === e.path),
    ),
  ];
  for (const { target, rules } of ruleFiles) {
    const hasRunbook = (rule: RuleFileRule) => {
      if (hasRunbookNamed(rule.alert, library)) return true;
      const annotation = (
        rule.annotations.get('runbook_url') ?? rule.annotations.get('runbook')
      )?.value.trim();
      if (!annotation) return false;
      if (annotationTarget(annotation, library, { allowHttp: true })) return true;
      // A relative path may also be meant from the rule file's folder or the folder above it.
      return [target.root, path.dirname(target.file), path.dirname(path.dirname(target.file))].some((dir) =>
        fs.existsSync(path.resolve(dir, annotation)),
      );
    };
    appendAll(findings, lintRules(display(target.file), rules, hasRunbook));
  }
  return findings.sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.position.line - b.position.line ||
      a.position.column - b.position.column,
  );
}

// Rule files beside the runbooks that were not given: they still tell which labels an alert has.
function siblingRules(
  entries: readonly LibraryEntry[],
  targets: Targets,
  display: (file: string) => string,
): KnownRule[] {
  const given = new Set(targets.rules.map((t) => t.file));
  const folders = new Set(entries.map((entry) => path.dirname(entry.path)));
  const found: KnownRule[] = [];
  for (const folder of folders) {
    let names: string[];
    try {
      names = fs.readdirSync(folder).filter(isYamlName).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      const file = path.join(folder, name);
      if (given.has(file)) continue;
      const text = readOr(file);
      if (!looksLikeRuleFile(text)) continue;
      appendAll(
        found,
        parseRuleFile(text).rules.map((rule) => ({ file: display(file), rule })),
      );
    }
  }
  return found;
}
