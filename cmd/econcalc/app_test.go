package main

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestHoistFlags(t *testing.T) {
	app := newApp(&env{stdin: strings.NewReader(""), stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}})
	for _, c := range []struct {
		name string
		args string
		want string
	}{
		{"flag after the file", "econcalc growth a.csv --format csv", "econcalc growth --format csv -- a.csv"},
		{"short alias takes a value", "econcalc growth a.csv -o json b.csv", "econcalc growth -o json -- a.csv b.csv"},
		{"bool flag takes no value", "econcalc growth a.csv --ytd b.csv", "econcalc growth --ytd -- a.csv b.csv"},
		{"bool flag with a value", "econcalc growth a.csv --ytd=false", "econcalc growth --ytd=false -- a.csv"},
		{"name=value form", "econcalc growth a.csv --format=csv", "econcalc growth --format=csv -- a.csv"},
		{"repeated slice flag", "econcalc growth a.csv --value-col x --value-col y", "econcalc growth --value-col x --value-col y -- a.csv"},
		{"a negative value is a value", "econcalc growth a.csv --decimals -1", "econcalc growth --decimals -1 -- a.csv"},
		{"- is standard input, a file", "econcalc growth - --format json", "econcalc growth --format json -- -"},
		{"-- ends the flags", "econcalc growth a.csv -- --odd.csv --format", "econcalc growth -- a.csv --odd.csv --format"},
		{"flags already first", "econcalc growth --format csv a.csv", "econcalc growth --format csv -- a.csv"},
		{"no files", "econcalc growth --format csv", "econcalc growth --format csv"},
		{"another command's flags", "econcalc base a.csv --rate-col r", "econcalc base --rate-col r -- a.csv"},
		{"global flags", "econcalc --help", "econcalc --help"},
		{"no command", "econcalc", "econcalc"},
		{"unknown command left to the parser", "econcalc bogus a.csv --format csv", "econcalc bogus a.csv --format csv"},
	} {
		got := hoistFlags(app, strings.Fields(c.args))
		if want := strings.Fields(c.want); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: hoistFlags(%q) = %q, want %q", c.name, c.args, got, want)
		}
	}
}

// Through run, a flag typed after the file is honoured, and - reads stdin.
func TestRunReadsFlagsAfterFiles(t *testing.T) {
	data := "period,v\n2016,100\n2017,120\n"
	file := filepath.Join(t.TempDir(), "a.csv")
	if err := os.WriteFile(file, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	want := "series,period,value,yoy_change,yoy_pct\nv,2016,100,,\nv,2017,120,20,20.0\n"
	for _, args := range [][]string{
		{"econcalc", "growth", file, "--format", "csv"},
		{"econcalc", "growth", "-", "--format=csv"},
	} {
		var stdout, stderr bytes.Buffer
		status := run(args, strings.NewReader(data), &stdout, &stderr)
		if status != exitOK || stdout.String() != want {
			t.Errorf("run(%q) = %d, stdout %q, stderr %q; want 0 and %q", args, status, stdout.String(), stderr.String(), want)
		}
	}
}
