package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFormatOfFile(t *testing.T) {
	for path, want := range map[string]string{
		"r.xlsx": "xlsx", "R.XLSX": "xlsx", "dir.csv/r.csv": "csv", "r.tsv": "tsv",
		"r.json": "json", "r.md": "markdown", "r.markdown": "markdown",
		"r.txt": "", "r": "", "r.xls": "", "xlsx": "", "": "",
	} {
		if got := formatOfFile(path); got != want {
			t.Errorf("formatOfFile(%q) = %q, want %q", path, got, want)
		}
	}
}

// TestEveryCommandTakesTheFormatFromTheOutput: every command that writes a
// report refuses a --format that --output's extension contradicts, before
// it reads anything, and writes the format the extension names when no
// --format is given.
func TestEveryCommandTakesTheFormatFromTheOutput(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "r.xlsx")
	commands := 0
	for _, cmd := range newApp(&env{}).Commands {
		hasOutput := false
		for _, f := range cmd.Flags {
			hasOutput = hasOutput || f.Names()[0] == "output"
		}
		if !hasOutput {
			continue
		}
		commands++
		var stdout, stderr bytes.Buffer
		args := []string{"econcalc", cmd.Name, "-o", "csv", "--output", out}
		if status := run(args, strings.NewReader(""), &stdout, &stderr); status != exitUsage ||
			!strings.Contains(stderr.String(), "--format csv does not match --output") {
			t.Errorf("%v: status %d, %q; want bad usage", args, status, stderr.String())
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("%v made %s", args, out)
		}
	}
	if commands < 7 {
		t.Errorf("%d commands write a report, want 7", commands)
	}
	demo := filepath.Join("..", "..", "testdata", "demo")
	for _, c := range []struct {
		args  []string
		start string
	}{
		{[]string{"invest", filepath.Join(demo, "projects.csv"), "--as-of", "2017-10", "--output", out}, "PK\x03\x04"},
		{[]string{"dividend", filepath.Join(demo, "signed_households.csv"), "--pool", "10", "--output", out}, "PK\x03\x04"},
		{[]string{"dividend", filepath.Join(demo, "signed_households.csv"), "--pool", "10", "--output", filepath.Join(dir, "r.json")}, "[\n  {"},
	} {
		var stdout, stderr bytes.Buffer
		if status := run(append([]string{"econcalc"}, c.args...), nil, &stdout, &stderr); status != exitOK {
			t.Fatalf("%v: status %d, %s", c.args, status, stderr.String())
		}
		got, err := os.ReadFile(c.args[len(c.args)-1])
		if err != nil || !strings.HasPrefix(string(got), c.start) {
			t.Errorf("%v wrote %.20q, %v; want it to begin %q", c.args, got, err, c.start)
		}
	}
}
