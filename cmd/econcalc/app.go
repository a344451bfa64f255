package main

import (
	"econcalc/cmd/internal/input"
	"econcalc/cmd/internal/report"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"syscall"

	"github.com/urfave/cli/v2"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "0.1.0-dev"

// env is the process's streams, threaded through every command so that tests
// run commands in-process.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	quiet          bool        // --quiet: no warnings
	output         *outputFile // --output FILE, which stdout then is
}

var quietFlag = &cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print no warnings (errors are still printed)"}

// commandHelpTemplate is urfave/cli's, with the description, which ends in
// runnable examples, moved after the options so that help ends with them.
const commandHelpTemplate = `NAME:
   {{template "helpNameTemplate" .}}

USAGE:
   {{template "usageTemplate" .}}{{if .VisibleFlags}}

OPTIONS:{{template "visibleFlagTemplate" .}}{{end}}{{if .Description}}

DESCRIPTION:
   {{template "descriptionTemplate" .}}{{end}}
`

// notef tells the user something worth knowing that is not a problem, such
// as which columns were read; --quiet silences it too.
func (e *env) notef(format string, args ...any) {
	if !e.quiet {
		fmt.Fprintf(e.stderr, "econcalc: "+format+"\n", args...)
	}
}

func (e *env) warnf(format string, args ...any) {
	if e.quiet {
		return
	}
	fmt.Fprintf(e.stderr, "econcalc: warning: "+format+"\n", args...)
}

// run is the whole program: it parses args, runs a command and maps its
// error to an exit status, here and nowhere else.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) (status int) {
	defer report.RemoveTempFiles()
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "econcalc: internal error: %v\n", r)
			status = exitInternal
		}
	}()
	meter := input.StartProgress(stderr)
	defer meter.Finish()
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr}
	defer func() { e.output.discard() }() // by a panic too
	input.SetWarnings(func(msg string) { e.warnf("%s", msg) })
	defer input.SetWarnings(nil)
	app := newApp(e)
	err := app.Run(hoistFlags(app, args))
	err = e.output.close(err) // --output FILE is replaced only on success
	switch {
	case err == nil || errors.Is(err, syscall.EPIPE):
		return exitOK
	}
	fmt.Fprintf(stderr, "econcalc: %v\n", err)
	return exitStatus(err)
}

func newApp(e *env) *cli.App {
	app := &cli.App{
		Name:    "econcalc",
		Usage:   "exact economic indicators from CSV: growth, bases, investment, dividends, poverty",
		Version: version,
		Description: "econcalc reads CSV files (or standard input; UTF-8 or GB18030, English or Chinese headers)\n" +
			"and prints figures as a table, csv, tsv, json, markdown or an .xlsx workbook. Arithmetic is exact decimal,\n" +
			"periods are compared by calendar, and bad input is an error naming file, line and column.\n\n" +
			"Exit status:\n" +
			"   0  success (also when a pipe such as | head closes early)\n" +
			"   1  bad input data: a message naming file, line and column\n" +
			"   2  bad usage: an unknown command or flag, a bad flag value, options that do not combine\n" +
			"   3  internal error: a bug, never the input's fault\n" +
			"   4  the result could not be written (a full disk, a closed device)\n\n" +
			"econcalc help COMMAND (or econcalc COMMAND --help) describes a command, its columns and\n" +
			"its options, and ends with examples to run.",
		Commands: []*cli.Command{
			growthCommand(e),
			baseCommand(e),
			remainingCommand(e),
			povertyCommand(e),
			investCommand(e),
			targetsCommand(e),
			dividendCommand(e),
			completionCommand(e),
			manCommand(e),
			helpCommand(),
		},
		// urfave/cli adds --help to the app only when it has no command
		// named help; econcalc has one (helpCommand), so it is added here.
		Flags:                []cli.Flag{cli.HelpFlag},
		Writer:               e.stdout,
		ErrWriter:            e.stderr,
		HideHelpCommand:      true,
		EnableBashCompletion: true,
		ExitErrHandler:       func(*cli.Context, error) {}, // run decides the exit status
		OnUsageError: func(c *cli.Context, err error, _ bool) error {
			return usagef("%s (see econcalc --help)", flagMistake(err, c.App.Flags))
		},
		Action: func(c *cli.Context) error {
			if c.Args().Present() {
				return unknownCommand(c.App, c.Args().First())
			}
			return cli.ShowAppHelp(c)
		},
	}
	for _, cmd := range app.Commands {
		name := cmd.Name
		cmd.OnUsageError = func(_ *cli.Context, err error, _ bool) error {
			return usagef("%s (see econcalc %s --help)", flagMistake(err, cmd.Flags), name)
		}
		cmd.CustomHelpTemplate = commandHelpTemplate
		if cmd.Name != "completion" && cmd.Name != "man" && cmd.Name != "help" {
			cmd.Flags = append(cmd.Flags, quietFlag)
			cmd.Before = func(c *cli.Context) error {
				e.quiet = c.Bool("quiet")
				return e.redirectOutput(c)
			}
		}
	}
	return app
}

// helpCommand is econcalc help [COMMAND]: the help of econcalc, or of a
// command exactly as COMMAND --help prints it. urfave/cli's own help
// command is hidden (HideHelpCommand), since for a topic it does not know
// it prints a message of its own and exits 3.
func helpCommand() *cli.Command {
	return &cli.Command{
		Name:      "help",
		Usage:     "show the help of econcalc, or of a command: econcalc help growth is econcalc growth --help",
		UsageText: "econcalc help [COMMAND]",
		// Else urfave/cli gives this command a help subcommand of its own,
		// and econcalc help help would not come here.
		HideHelpCommand: true,
		BashComplete: func(c *cli.Context) {
			for _, cmd := range c.App.Commands {
				fmt.Fprintln(c.App.Writer, cmd.Name)
			}
		},
		Action: func(c *cli.Context) error {
			root := c.Lineage()[1] // the app's context: help is a command of the app
			switch {
			case c.NArg() == 0:
				return cli.ShowAppHelp(root)
			case c.NArg() > 1:
				return usagef("help takes one command, such as econcalc help growth (see econcalc --help)")
			case c.App.Command(c.Args().First()) == nil:
				return unknownCommand(c.App, c.Args().First())
			}
			return cli.ShowCommandHelp(root, c.Args().First())
		},
	}
}

// unknownCommand is a usage error naming the command typed and, when it
// looks like a slip, the one meant: grwoth → growth.
func unknownCommand(app *cli.App, typed string) error {
	var names []string
	for _, cmd := range app.Commands {
		names = append(names, cmd.Names()...)
	}
	if meant := nearest(typed, names); meant != "" {
		return usagef("unknown command %q: did you mean %q? (see econcalc --help)", typed, meant)
	}
	return usagef("unknown command %q (see econcalc --help)", typed)
}

// flagMistake says what was wrong with a flag in the words econcalc uses
// elsewhere, for the two mistakes Go's flag package words its own way: a
// flag not defined, which gets the nearest one defined (--formt → --format),
// and a flag without its value. Any other parse error is returned as it is.
func flagMistake(err error, flags []cli.Flag) string {
	msg := err.Error()
	if typed, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
		var names []string
		for _, f := range flags {
			names = append(names, f.Names()...)
		}
		if meant := nearest(typed, names); meant != "" {
			return fmt.Sprintf("unknown flag %s: did you mean %s?", dashed(typed), dashed(meant))
		}
		return "unknown flag " + dashed(typed)
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: -"); ok {
		return dashed(name) + " needs a value"
	}
	return msg
}

// dashed writes a flag name as it is typed: -o, --format.
func dashed(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

// nearest is the candidate closest to typed in edits (a letter added,
// dropped or changed, or two neighbours swapped), when it is close enough to
// be a slip: one edit in every three letters typed, never more than two, and
// never as many as the letters typed; the earliest candidate wins a tie.
// Else it is "". urfave/cli's Suggest always names some candidate, however
// far, and only where its own usage-error printing runs, which econcalc
// replaces.
func nearest(typed string, candidates []string) string {
	typed = strings.ToLower(typed)
	allowed := min(2, max(1, len([]rune(typed))/3))
	allowed = min(allowed, len([]rune(typed))-1)
	best, bestDist := "", allowed+1
	for _, c := range candidates {
		if d := editDistance(typed, c); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

// editDistance counts the edits that turn a into b: insertions, deletions,
// substitutions and swaps of neighbouring letters (the optimal string
// alignment distance), by letter, not by byte.
func editDistance(a, b string) int {
	s, t := []rune(a), []rune(b)
	// d[i][j] is the distance between s[:i] and t[:j].
	d := make([][]int, len(s)+1)
	for i := range d {
		d[i] = make([]int, len(t)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(s); i++ {
		for j := 1; j <= len(t); j++ {
			cost := 1
			if s[i-1] == t[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && s[i-1] == t[j-2] && s[i-2] == t[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(s)][len(t)]
}

// hoistFlags moves a command's flags in front of its file arguments, since
// urfave/cli v2 stops reading flags at the first argument and users type
// them last: econcalc growth data.csv --format csv.
func hoistFlags(app *cli.App, args []string) []string {
	i := 1
	for i < len(args) && strings.HasPrefix(args[i], "-") {
		i++ // global flags such as --help and --version
	}
	if i >= len(args) || args[len(args)-1] == completionFlag {
		return args
	}
	cmd := app.Command(args[i])
	if cmd == nil {
		return args
	}
	var flags, files []string
	rest := args[i+1:]
	for j := 0; j < len(rest); j++ {
		a := rest[j]
		switch {
		case a == "--":
			files = append(files, rest[j+1:]...)
			j = len(rest)
		case a == "-" || !strings.HasPrefix(a, "-"):
			files = append(files, a)
		default:
			flags = append(flags, a)
			if !strings.Contains(a, "=") && takesValue(cmd, strings.TrimLeft(a, "-")) {
				if j+1 == len(rest) {
					// The value is missing: the flag goes last, so that the
					// parser says so instead of taking "--" for the value.
					return append(append([]string{}, args[:i+1]...), flags...)
				}
				j++
				flags = append(flags, rest[j])
			}
		}
	}
	out := append(append([]string{}, args[:i+1]...), flags...)
	if slices.Contains(flags, "--help") || slices.Contains(flags, "-h") {
		return out // help for the command, whatever files follow
	}
	if len(files) > 0 {
		out = append(append(out, "--"), files...)
	}
	return out
}

// takesValue reports whether the command's flag of that name reads the next
// argument as its value. Unknown flags take none; the parser rejects them.
func takesValue(cmd *cli.Command, name string) bool {
	for _, f := range cmd.Flags {
		for _, n := range f.Names() {
			if n == name {
				_, isBool := f.(*cli.BoolFlag)
				return !isBool
			}
		}
	}
	return false
}
