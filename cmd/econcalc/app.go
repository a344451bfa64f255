package main

import (
	"econcalc/cmd/internal/input"
	"econcalc/cmd/internal/report"
	"errors"
	"fmt"
	"io"
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
	quiet          bool // --quiet: no warnings
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
	input.SetWarnings(func(msg string) { e.warnf("%s", msg) })
	defer input.SetWarnings(nil)
	app := newApp(e)
	err := app.Run(hoistFlags(app, args))
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
			"and prints figures as a table, csv, tsv, json or markdown. Arithmetic is exact decimal,\n" +
			"periods are compared by calendar, and bad input is an error naming file, line and column.\n\n" +
			"Exit status: 0 success, 1 bad input data, 2 bad usage, 3 internal error,\n" +
			"4 the result could not be written (a full disk, a closed device).",
		Commands: []*cli.Command{
			growthCommand(e),
			baseCommand(e),
			remainingCommand(e),
			povertyCommand(e),
			investCommand(e),
			dividendCommand(e),
			completionCommand(e),
			manCommand(e),
		},
		Writer:               e.stdout,
		ErrWriter:            e.stderr,
		HideHelpCommand:      true,
		EnableBashCompletion: true,
		ExitErrHandler:       func(*cli.Context, error) {}, // run decides the exit status
		OnUsageError: func(_ *cli.Context, err error, _ bool) error {
			return usagef("%v (see econcalc --help)", err)
		},
		Action: func(c *cli.Context) error {
			if c.Args().Present() {
				return usagef("unknown command %q (see econcalc --help)", c.Args().First())
			}
			return cli.ShowAppHelp(c)
		},
	}
	for _, cmd := range app.Commands {
		name := cmd.Name
		cmd.OnUsageError = func(_ *cli.Context, err error, _ bool) error {
			return usagef("%v (see econcalc %s --help)", err, name)
		}
		cmd.CustomHelpTemplate = commandHelpTemplate
		if cmd.Name != "completion" && cmd.Name != "man" {
			cmd.Flags = append(cmd.Flags, quietFlag)
			cmd.Before = func(c *cli.Context) error {
				e.quiet = c.Bool("quiet")
				return nil
			}
		}
	}
	return app
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
			if !strings.Contains(a, "=") && takesValue(cmd, strings.TrimLeft(a, "-")) && j+1 < len(rest) {
				j++
				flags = append(flags, rest[j])
			}
		}
	}
	out := append(append([]string{}, args[:i+1]...), flags...)
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
