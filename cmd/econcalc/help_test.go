package main

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"
)

func TestEditDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"growth", "growth", 0},
		{"grwoth", "growth", 1},      // w and o swapped: one edit, not two
		{"grwth", "growth", 1},       // o dropped
		{"growtth", "growth", 1},     // t doubled
		{"grawth", "growth", 1},      // o changed to a
		{"gorwht", "growth", 2},      // two swaps
		{"dividends", "dividend", 1}, // s added
		{"", "base", 4},
		{"base", "", 4},
		{"年份", "年度", 1}, // counted by letter, not by byte
	} {
		if got := editDistance(c.a, c.b); got != c.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

// nearest takes a candidate as a slip when it is at most
// min(2, max(1, letters ÷ 3)) edits away, and fewer edits than letters typed.
func TestNearest(t *testing.T) {
	commands := []string{"growth", "base", "remaining", "poverty", "invest", "dividend", "completion", "man", "help"}
	for _, c := range []struct {
		typed, want string
	}{
		{"grwoth", "growth"},       // 1 edit; 6 letters allow 2
		{"GROWTH", "growth"},       // 0 edits once lower-cased
		{"remianing", "remaining"}, // 1 edit; 9 letters allow 2
		{"gorwht", "growth"},       // 2 edits; 6 letters allow 2
		{"bse", "base"},            // 1 edit; 3 letters allow 1
		{"ma", "man"},              // 1 edit; 2 letters allow 1
		{"grwtj", ""},              // 2 edits from growth; 5 letters allow 1
		{"x", ""},                  // 1 letter allows none: any letter is 1 edit from any other
		{"frobnicate", ""},         // far from every command
	} {
		if got := nearest(c.typed, commands); got != c.want {
			t.Errorf("nearest(%q) = %q, want %q", c.typed, got, c.want)
		}
	}
	// A tie goes to the earlier candidate: dase is 1 edit from both.
	if got := nearest("dase", []string{"base", "case"}); got != "base" {
		t.Errorf(`nearest("dase", base, case) = %q, want "base"`, got)
	}
}

func TestFlagMistake(t *testing.T) {
	flags := []cli.Flag{
		&cli.StringFlag{Name: "format", Aliases: []string{"o"}},
		&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}},
	}
	for _, c := range []struct{ err, want string }{
		{"flag provided but not defined: -formt", "unknown flag --formt: did you mean --format?"},
		{"flag provided but not defined: -qiuet", "unknown flag --qiuet: did you mean --quiet?"},
		{"flag provided but not defined: -bogus", "unknown flag --bogus"},
		{"flag provided but not defined: -x", "unknown flag -x"},
		{"flag needs an argument: -format", "--format needs a value"},
		{"flag needs an argument: -o", "-o needs a value"},
		// Other messages from the parser pass through as they are.
		{`invalid boolean value "maybe" for -quiet: parse error`, `invalid boolean value "maybe" for -quiet: parse error`},
	} {
		if got := flagMistake(errors.New(c.err), flags); got != c.want {
			t.Errorf("flagMistake(%q) = %q, want %q", c.err, got, c.want)
		}
	}
}

// A flag typed last without its value stays last, without the files, so
// that the parser reports the missing value instead of reading "--" as it.
func TestHoistFlagsMissingValue(t *testing.T) {
	app := newApp(&env{stdin: strings.NewReader(""), stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}})
	for args, want := range map[string]string{
		"econcalc growth a.csv --format":           "econcalc growth --format",
		"econcalc growth a.csv --ytd --decimals":   "econcalc growth --ytd --decimals",
		"econcalc growth a.csv --ytd":              "econcalc growth --ytd -- a.csv", // a bool needs no value
		"econcalc growth a.csv --format csv b.csv": "econcalc growth --format csv -- a.csv b.csv",
	} {
		if got := hoistFlags(app, strings.Fields(args)); !reflect.DeepEqual(got, strings.Fields(want)) {
			t.Errorf("hoistFlags(%q) = %q, want %q", args, got, want)
		}
	}
}

// econcalc help CMD prints what CMD --help prints, for every command the
// app has, so that a command added later is covered too.
func TestHelpCommandIsHelpFlag(t *testing.T) {
	app := newApp(&env{stdin: strings.NewReader(""), stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}})
	runOut := func(args ...string) (int, string, string) {
		var stdout, stderr bytes.Buffer
		status := run(append([]string{"econcalc"}, args...), strings.NewReader(""), &stdout, &stderr)
		return status, stdout.String(), stderr.String()
	}
	for _, cmd := range app.Commands {
		if cmd.Name == "help" {
			continue // help --help is urfave/cli's: the app's help
		}
		flagStatus, want, _ := runOut(cmd.Name, "--help")
		status, got, stderr := runOut("help", cmd.Name)
		if status != exitOK || flagStatus != exitOK || got != want || stderr != "" {
			t.Errorf("help %s: status %d (--help %d), stderr %q, same output as %s --help: %v",
				cmd.Name, status, flagStatus, stderr, cmd.Name, got == want)
		}
		if !strings.Contains(got, "econcalc "+cmd.Name) {
			t.Errorf("help %s does not name the command:\n%s", cmd.Name, got)
		}
	}
	_, want, _ := runOut("--help")
	if status, got, _ := runOut("help"); status != exitOK || got != want {
		t.Errorf("help: status %d, same output as --help: %v", status, got == want)
	}
}

// Mistakes in the words typed are bad usage: exit 2, one line on stderr
// starting "econcalc: ", nothing on stdout.
func TestMistakesAreOneLineUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"grwoth"},
		{"help", "grwoth"},
		{"help", "growth", "invest"},
		{"growth", "--formt", "csv"},
		{"growth", "a.csv", "--format"},
		{"--verison"},
		{"remaining", "--persons", "98.99"},
		{"dividend", "--pool", "100000.005"},
		{"poverty", "--line", "3335", "--exit-threshold", "101"},
	} {
		var stdout, stderr bytes.Buffer
		status := run(append([]string{"econcalc"}, args...), strings.NewReader(""), &stdout, &stderr)
		msg := stderr.String()
		if status != exitUsage || stdout.Len() != 0 || !strings.HasPrefix(msg, "econcalc: ") || strings.Count(msg, "\n") != 1 {
			t.Errorf("%q: status %d, stdout %d bytes, stderr %q; want 2, nothing, one line", args, status, stdout.Len(), msg)
		}
	}
}
