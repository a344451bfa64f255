package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fakeEconcalc writes a shell script standing in for econcalc: it has no
// dividend command and fails the commands named in failing.
func fakeEconcalc(t *testing.T, failing string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "econcalc")
	script := "#!/bin/sh\ncat >/dev/null\ncase \"$1\" in dividend) exit 2;; " + failing + ") echo broken >&2; exit 1;; esac\n"
	if err := os.WriteFile(path, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestMissedTargetsDoNotFail(t *testing.T) {
	var out, errb bytes.Buffer
	st := run([]string{"--econcalc", fakeEconcalc(t, "none"), "--scale", "0.001", "--runs", "2"}, &out, &errb)
	if st != 0 {
		t.Fatalf("status %d: %s", st, errb.String())
	}
	table := out.String()
	for _, want := range []string{
		"| poverty summary | `econcalc poverty households-2000.csv --line 3335 -q` | 2,000 |",
		"| poverty summary, stdin | `cat households-2000.csv \\| econcalc poverty --line 3335 -q` |",
		"| dividend --by members | `econcalc dividend households-2000.csv --pools pools-5.csv --group-col village --by members --format csv -q` | 2,000 | skipped |",
		"| growth by enterprise | `econcalc growth series-1000.csv --group-col enterprise --format csv -q` | 1,000 |", // 5 enterprises × 200 months
		"Skipped dividend --by members",
	} {
		if !strings.Contains(table, want) {
			t.Errorf("output lacks %q:\n%s", want, table)
		}
	}
}

func TestFailedCommandFails(t *testing.T) {
	var out, errb bytes.Buffer
	st := run([]string{"--econcalc", fakeEconcalc(t, "growth"), "--scale", "0.001", "--runs", "1"}, &out, &errb)
	if st != 1 {
		t.Errorf("status %d, want 1", st)
	}
	if !strings.Contains(out.String(), "| 1,000 | failed |") || !strings.Contains(errb.String(), "broken") {
		t.Errorf("failure not reported:\n%s\n%s", out.String(), errb.String())
	}
}

func TestThousands(t *testing.T) {
	for n, want := range map[int64]string{0: "0", 999: "999", 1000: "1,000", 2_000_000: "2,000,000", -1234567: "-1,234,567"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %s, want %s", n, got, want)
		}
	}
}
