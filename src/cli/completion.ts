/**
 * `session-cookie-inspector completion bash|zsh`: a completion script for the shell, made from the
 * same option list as the parser and --help (cli-arguments.ts), so it never offers an option that
 * does not exist. It completes options, `--format` and `--fail-under` values, `--explain` ids,
 * and file names for HAR files, flows, secrets lists and `--save-har`.
 */
import { LETTERS } from '../core/letter.js';
import { FORMATS, OPTIONS, type OptionSpec, type ValueKind } from './cli-arguments.js';
import { explainableIds } from './explain.js';

export const SHELLS = ['bash', 'zsh'] as const;
const COMMAND = 'session-cookie-inspector';

/** The words a value of this kind completes to, or null for a file name or free text. */
function wordsFor(kind: ValueKind | undefined): readonly string[] | null {
  switch (kind) {
    case 'format':
      return FORMATS;
    case 'letter':
      return LETTERS;
    case 'finding-id':
      return explainableIds();
    default:
      return null;
  }
}

const flagsOf = (option: OptionSpec) => [`--${option.name}`, ...(option.short === undefined ? [] : [`-${option.short}`])];

function bashScript(): string {
  const cases = OPTIONS.filter((option) => option.value !== undefined).map((option) => {
    const words = wordsFor(option.values);
    const reply =
      words !== null
        ? `COMPREPLY=($(compgen -W "${words.join(' ')}" -- "$cur"))`
        : option.values === 'file'
          ? 'COMPREPLY=($(compgen -f -- "$cur"))'
          : 'COMPREPLY=()';
    return `    ${flagsOf(option).join('|')}) ${reply}; return ;;`;
  });
  return `# ${COMMAND} completion for bash. Load it in ~/.bashrc with:
#   source <(${COMMAND} completion bash)
_session_cookie_inspector() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}"
  if [[ $COMP_CWORD -eq 2 && "\${COMP_WORDS[1]}" == completion ]]; then
    COMPREPLY=($(compgen -W "${SHELLS.join(' ')}" -- "$cur")); return
  fi
  case "$prev" in
${cases.join('\n')}
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "${OPTIONS.flatMap(flagsOf).join(' ')}" -- "$cur")); return
  fi
  # A URL is typed by hand; a HAR file (or - for standard input) is a file name.
  COMPREPLY=($(compgen -f -- "$cur"))
  if [[ $COMP_CWORD -eq 1 ]]; then COMPREPLY+=($(compgen -W "completion" -- "$cur")); fi
}
complete -o filenames -F _session_cookie_inspector ${COMMAND}
`;
}

/** The option's help on one line, as zsh's _arguments takes a description: no brackets or colons. */
const zshDescription = (option: OptionSpec) =>
  option.help
    .join(' ')
    .replace(/[[\]:]/g, ' ')
    .replace(/'/g, "'\\''")
    .replace(/\s+/g, ' ')
    .trim();

/** One _arguments spec: `'(-h --help)'{-h,--help}'[show this help]'`, `'*--secrets[...]:file:_files'`. */
function zshSpec(option: OptionSpec): string {
  const names = flagsOf(option);
  const alternatives = names.length > 1 ? `{${names.join(',')}}` : names[0];
  // A repeatable option may come again; the others exclude themselves (and their other name) once given.
  const head = option.multiple ? `'*'${alternatives}'` : names.length > 1 ? `'(${names.join(' ')})'${alternatives}'` : `'${names[0]}`;
  let value = '';
  if (option.value !== undefined) {
    const words = wordsFor(option.values);
    const label = option.value.replace(/[[\]<>]/g, '');
    const action = words !== null ? `(${words.join(' ')})` : option.values === 'file' ? '_files' : ' ';
    // `--explain` alone lists every id: its value is optional (`::`).
    value = `${option.value.startsWith('[') ? '::' : ':'}${label}:${action}`;
  }
  return `${head}[${zshDescription(option)}]${value}'`;
}

function zshScript(): string {
  return `#compdef ${COMMAND}
# ${COMMAND} completion for zsh. Save it as _${COMMAND} in a folder of $fpath, or load it in
# ~/.zshrc (after compinit) with:
#   source <(${COMMAND} completion zsh)
_${COMMAND}() {
  if (( CURRENT == 3 )) && [[ $words[2] == completion ]]; then
    _values shell ${SHELLS.join(' ')}; return
  fi
  _arguments -s \\
${OPTIONS.map((option) => `    ${zshSpec(option)} \\`).join('\n')}
    '*:URL or HAR file (- for standard input):_files'
}
if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
  _${COMMAND} "$@"
else
  compdef _${COMMAND} ${COMMAND}
fi
`;
}

/** The script for `shell`, or null for a shell this command does not complete in. */
export function completionScript(shell: string): string | null {
  if (shell === 'bash') return bashScript();
  if (shell === 'zsh') return zshScript();
  return null;
}
