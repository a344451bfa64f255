package main

import (
	"econcalc/cmd/internal/input"
	"errors"
	"testing"
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
	} {
		if got := exitStatus(c.err); got != c.want {
			t.Errorf("%v: status %d, want %d", c.err, got, c.want)
		}
	}
}
