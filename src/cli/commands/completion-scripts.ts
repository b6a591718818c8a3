// The text of the bash, zsh and fish completion scripts. Alert names come from the file the last
// `sitrep alerts` wrote ($XDG_CACHE_HOME/sitrep/alert-names), read by the shell: no request is made
// while completing.

/** What the scripts complete. Every word is a plain command or flag name (no shell quoting needed). */
export interface CompletionWords {
  readonly commands: readonly { readonly name: string; readonly summary: string }[];
  /** Global flags, `--alertmanager.url` … */
  readonly globals: readonly string[];
  /** Each command's own flags. */
  readonly flags: Readonly<Record<string, readonly string[]>>;
}

const outputs = 'simple extended wide json';
const fileFlags = ['--config.file', '--http.config.file', '--file', '--runbooks.dir'];
const nameCommands = ['runbook', 'probe', 'alerts', 'alert'];
const namesFile = '"${XDG_CACHE_HOME:-$HOME/.cache}/sitrep/alert-names"';

/** `sitrep completion bash`. */
export function bashScript(words: CompletionWords): string {
  const perCommand = Object.entries(words.flags)
    .map(([name, flags]) => `      ${name}) flags="${flags.join(' ')}" ;;`)
    .join('\n');
  return `# sitrep completion for bash. Load it with:  source <(sitrep completion bash)
_sitrep() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}"
  local names_file=${namesFile} cmd="" flags="" i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in
      -*) ;;
      *) case "\${COMP_WORDS[i-1]}" in ${[...words.globals.filter((f) => f !== '--json'), '--alert'].join('|')}) ;; *) cmd="\${COMP_WORDS[i]}"; break ;; esac ;;
    esac
  done
  case "$prev" in
    -o|--output) COMPREPLY=($(compgen -W "${outputs}" -- "$cur")); return ;;
    ${fileFlags.join('|')}) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    --alert) [[ -r $names_file ]] && COMPREPLY=($(compgen -W "$(< "$names_file")" -- "$cur")); return ;;
  esac
  if [[ $cur == -* ]]; then
    case "$cmd" in
${perCommand}
    esac
    COMPREPLY=($(compgen -W "${words.globals.join(' ')} --help $flags" -- "$cur"))
    return
  fi
  case "$cmd" in
    "") COMPREPLY=($(compgen -W "${words.commands.map((c) => c.name).join(' ')}" -- "$cur")) ;;
    ${nameCommands.join('|')}) [[ -r $names_file ]] && COMPREPLY=($(compgen -W "$(< "$names_file")" -- "$cur")) ;;
    completion) COMPREPLY=($(compgen -W "bash zsh fish" -- "$cur")) ;;
  esac
}
complete -F _sitrep sitrep
`;
}

/** `sitrep completion zsh`. */
export function zshScript(words: CompletionWords): string {
  const described = words.commands.map((c) => `    '${c.name}:${c.summary.replace(/'/g, '')}'`).join('\n');
  const perCommand = Object.entries(words.flags)
    .map(([name, flags]) => `    ${name}) flags=(${flags.join(' ')}) ;;`)
    .join('\n');
  return `#compdef sitrep
# sitrep completion for zsh. Load it with  source <(sitrep completion zsh)  after compinit, or save
# it as _sitrep in a folder on $fpath.
_sitrep() {
  local -a commands names flags
  commands=(
${described}
  )
  local names_file=${namesFile} cmd="" i
  [[ -r $names_file ]] && names=(\${(f)"$(<$names_file)"})
  for (( i = 2; i < CURRENT; i++ )); do
    [[ \${words[i]} != -* && \${words[i-1]} != (${[...words.globals.filter((f) => f !== '--json'), '--alert'].join('|')}) ]] && { cmd=\${words[i]}; break; }
  done
  case \${words[CURRENT-1]} in
    -o|--output) compadd ${outputs}; return ;;
    ${fileFlags.join('|')}) _files; return ;;
    --alert) compadd -a names; return ;;
  esac
  if [[ \${words[CURRENT]} == -* ]]; then
    case $cmd in
${perCommand}
    esac
    compadd -- ${words.globals.join(' ')} --help $flags
    return
  fi
  case $cmd in
    '') _describe 'command' commands ;;
    ${nameCommands.join('|')}) compadd -a names ;;
    completion) compadd bash zsh fish ;;
  esac
}
if [[ $funcstack[1] == _sitrep ]]; then _sitrep "$@"; else compdef _sitrep sitrep; fi
`;
}

/** `sitrep completion fish`. */
export function fishScript(words: CompletionWords): string {
  const names = `(cat (set -q XDG_CACHE_HOME; and echo $XDG_CACHE_HOME; or echo ~/.cache)/sitrep/alert-names 2>/dev/null)`;
  const long = (flag: string) => flag.replace(/^--/, '');
  const lines = [
    '# sitrep completion for fish. Load it with  sitrep completion fish | source',
    '# or save it as ~/.config/fish/completions/sitrep.fish',
    'complete -c sitrep -f',
    ...words.commands.map(
      (c) => `complete -c sitrep -n __fish_use_subcommand -a ${c.name} -d '${c.summary.replace(/'/g, '')}'`,
    ),
    ...words.globals.map((f) =>
      f === '--output'
        ? `complete -c sitrep -s o -l output -x -a '${outputs}'`
        : f === '--json'
          ? 'complete -c sitrep -l json'
          : `complete -c sitrep -l ${long(f)} -r${fileFlags.includes(f) ? ' -F' : ''}`,
    ),
    `complete -c sitrep -l alert -x -a '${names}'`,
    `complete -c sitrep -n '__fish_seen_subcommand_from ${nameCommands.join(' ')}' -a '${names}'`,
    "complete -c sitrep -n '__fish_seen_subcommand_from completion' -a 'bash zsh fish'",
    ...Object.entries(words.flags).flatMap(([name, flags]) =>
      flags.map((f) => `complete -c sitrep -n '__fish_seen_subcommand_from ${name}' -l ${long(f)}`),
    ),
  ];
  return `${lines.join('\n')}\n`;
}
