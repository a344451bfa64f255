package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestOutFileHoldsWhatStdoutGets(t *testing.T) {
	args := []string{"--kind", "households", "--rows", "50", "--groups", "3", "--seed", "9"}
	var stdout, stderr bytes.Buffer
	if st := run(args, &stdout, &stderr); st != 0 {
		t.Fatalf("status %d: %s", st, stderr.String())
	}
	path := filepath.Join(t.TempDir(), "h.csv")
	if st := run(append(args, "--out", path), &bytes.Buffer{}, &stderr); st != 0 {
		t.Fatalf("status %d: %s", st, stderr.String())
	}
	file, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(file, stdout.Bytes()) {
		t.Error("--out file differs from standard output")
	}
}

func TestUsage(t *testing.T) {
	for _, c := range []struct {
		args   []string
		status int
		stderr string
	}{
		{[]string{"--kind", "village"}, 2, "unknown kind"},
		{[]string{"--rows", "-1"}, 2, "cannot be negative"},
		{[]string{"households"}, 2, "unexpected argument"},
		{[]string{"--help"}, 0, "-kind string"},
		{[]string{"--out", "/nonexistent/dir/h.csv"}, 1, "no such file"},
	} {
		var stdout, stderr bytes.Buffer
		if st := run(c.args, &stdout, &stderr); st != c.status || !strings.Contains(stderr.String(), c.stderr) || stdout.Len() != 0 {
			t.Errorf("%q: status %d, stdout %d bytes, stderr %q; want status %d and %q", c.args, st, stdout.Len(), stderr.String(), c.status, c.stderr)
		}
	}
}

// TestDocExample holds the example in the package comment to what
// gendata writes.
func TestDocExample(t *testing.T) {
	source, err := os.ReadFile("main.go")
	if err != nil {
		t.Fatal(err)
	}
	const prompt = "//\t$ go run ./cmd/gendata "
	_, example, found := strings.Cut(string(source), prompt)
	if !found {
		t.Fatalf("main.go has no %q example", prompt)
	}
	command, rest, _ := strings.Cut(example, "\n")
	var want strings.Builder
	for _, line := range strings.Split(rest, "\n") {
		text, ok := strings.CutPrefix(line, "//\t")
		if !ok {
			break
		}
		want.WriteString(text + "\n")
	}
	var stdout, stderr bytes.Buffer
	if st := run(strings.Fields(command), &stdout, &stderr); st != 0 {
		t.Fatalf("%s: status %d: %s", command, st, stderr.String())
	}
	if stdout.String() != want.String() {
		t.Errorf("main.go says\n%s\ngendata %s writes\n%s", want.String(), command, stdout.String())
	}
}
