package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"econcalc/cmd/internal/input"
	"econcalc/cmd/internal/report"
)

// TestReconcile: a command that counted fewer rows than it read fails with
// an internal error (exit status 3) instead of printing short figures.
func TestReconcile(t *testing.T) {
	if err := reconcile("poverty summary", 5, 5); err != nil {
		t.Fatalf("equal counts: %v", err)
	}
	err := reconcile("poverty summary", 5, 4)
	var ie *internalError
	if !errors.As(err, &ie) || exitStatus(err) != exitInternal {
		t.Fatalf("5 read, 4 counted: got %v (status %d), want an internal error", err, exitStatus(err))
	}
	if want := "internal error: poverty summary: 5 rows read but 4 counted"; err.Error() != want {
		t.Errorf("message %q, want %q", err.Error(), want)
	}
}

// TestExitStatuses maps each kind of error to its status.
func TestExitStatuses(t *testing.T) {
	for _, c := range []struct {
		err  error
		want int
	}{
		{&input.DataError{File: "a.csv", Line: 2, Msg: "bad"}, exitData},
		{usagef("--format %q", "xml"), exitUsage},
		{errors.New("flag provided but not defined: -x"), exitUsage},
		{&internalError{"lost rows"}, exitInternal},
		{&report.WriteError{What: "the output", Err: errors.New("no space left on device")}, exitOutput},
	} {
		if got := exitStatus(c.err); got != c.want {
			t.Errorf("%v: status %d, want %d", c.err, got, c.want)
		}
	}
}

// failingWriter is a stdout that cannot be written: a full disk.
type failingWriter struct{ err error }

func (w failingWriter) Write([]byte) (int, error) { return 0, w.err }

// TestOutputFailureExitsFour guards the status of a result that cannot be
// written: 4, with a message saying it is the output, not the data or the
// usage (it used to be 2, "bad usage"). A closed pipe is still success.
func TestOutputFailureExitsFour(t *testing.T) {
	args := []string{"econcalc", "base", "../../testdata/demo/indicators.csv"}
	var stderr bytes.Buffer
	status := run(args, strings.NewReader(""), failingWriter{syscall.ENOSPC}, &stderr)
	if status != exitOutput {
		t.Errorf("full disk: status %d, want %d", status, exitOutput)
	}
	if want := "econcalc: cannot write the output: no space left on device\n"; stderr.String() != want {
		t.Errorf("full disk: stderr %q, want %q", stderr.String(), want)
	}
	stderr.Reset()
	if status := run(args, strings.NewReader(""), failingWriter{syscall.EPIPE}, &stderr); status != exitOK || stderr.Len() > 0 {
		t.Errorf("closed pipe: status %d, stderr %q; want 0 and nothing", status, stderr.String())
	}
}

// TestOutputIsNotStdin: --output naming the file standard input is
// redirected from is bad usage, as naming an input is (the result used to
// replace the data); another file is fine, and the data is left as it was.
func TestOutputIsNotStdin(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data.csv")
	const text = "时间,产值\n2016-10,100\n2017-10,110\n"
	if err := os.WriteFile(data, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		out  string
		args []string
		want int
	}{
		{data, nil, exitUsage},
		{data, []string{"-"}, exitUsage},
		{filepath.Join(dir, "out.csv"), nil, exitOK},
	} {
		stdin, err := os.Open(data)
		if err != nil {
			t.Fatal(err)
		}
		var stdout, stderr bytes.Buffer
		args := append(append([]string{"econcalc", "growth"}, c.args...), "--output", c.out)
		if status := run(args, stdin, &stdout, &stderr); status != c.want {
			t.Errorf("%v: status %d, want %d (%s)", args, status, c.want, stderr.String())
		}
		stdin.Close()
		if got, _ := os.ReadFile(data); string(got) != text {
			t.Errorf("%v: the data became %q", args, got)
		}
	}
}
