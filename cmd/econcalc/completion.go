package main

import (
	"fmt"

	"github.com/urfave/cli/v2"
)

// completionFlag is what urfave/cli answers with the words that may come next.
const completionFlag = "--generate-bash-completion"

// bashCompletion asks econcalc itself what may come next, so the script never
// drifts from the commands and flags; where nothing fits it completes files.
const bashCompletion = `# econcalc bash completion: source it, or save it as
#   ~/.local/share/bash-completion/completions/econcalc
_econcalc() {
  local cur="${COMP_WORDS[COMP_CWORD]}"
  local words=("${COMP_WORDS[@]:0:COMP_CWORD}")
  local opts
  if [[ "$cur" == -* ]]; then
    opts=$("${words[@]}" "$cur" ` + completionFlag + ` 2>/dev/null)
  else
    opts=$("${words[@]}" ` + completionFlag + ` 2>/dev/null)
  fi
  COMPREPLY=($(compgen -W "$opts" -- "$cur"))
}
complete -o default -F _econcalc econcalc
`

const zshCompletion = `#compdef econcalc
# econcalc zsh completion: save it as _econcalc in a directory on $fpath.
_econcalc() {
  local -a opts
  local cur=${words[-1]}
  if [[ "$cur" == -* ]]; then
    opts=("${(@f)$(${words[@]:0:#words[@]-1} $cur ` + completionFlag + ` 2>/dev/null)}")
  else
    opts=("${(@f)$(${words[@]:0:#words[@]-1} ` + completionFlag + ` 2>/dev/null)}")
  fi
  if [[ "${opts[1]}" != "" ]]; then
    _describe 'values' opts
  else
    _files
  fi
}
compdef _econcalc econcalc
`

func completionCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "completion",
		Usage:     "print a shell completion script: bash, zsh or fish",
		UsageText: "econcalc completion bash|zsh|fish",
		Description: `Examples:
   source <(econcalc completion bash)
   econcalc completion bash > ~/.local/share/bash-completion/completions/econcalc
   econcalc completion zsh > ~/.zfunc/_econcalc
   econcalc completion fish > ~/.config/fish/completions/econcalc.fish`,
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return usagef("completion takes one shell: bash, zsh or fish")
			}
			var script string
			switch c.Args().First() {
			case "bash":
				script = bashCompletion
			case "zsh":
				script = zshCompletion
			case "fish":
				s, err := c.App.ToFishCompletion()
				if err != nil {
					return err
				}
				script = s
			default:
				return usagef("completion: unknown shell %q: use bash, zsh or fish", c.Args().First())
			}
			_, err := fmt.Fprint(e.stdout, script)
			return err
		},
	}
}

func manCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:        "man",
		Usage:       "print the manual page (troff), made from the same definitions as --help",
		UsageText:   "econcalc man > econcalc.1",
		Description: "Examples:\n   econcalc man > econcalc.1 && man ./econcalc.1",
		Action: func(c *cli.Context) error {
			page, err := c.App.ToManWithSection(1)
			if err != nil {
				return err
			}
			_, err = fmt.Fprint(e.stdout, page)
			return err
		},
	}
}
