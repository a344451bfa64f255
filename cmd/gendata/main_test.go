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

func TestBadKind(t *testing.T) {
	var stderr bytes.Buffer
	if st := run([]string{"--kind", "village"}, &bytes.Buffer{}, &stderr); st != 1 || !strings.Contains(stderr.String(), "unknown kind") {
		t.Errorf("status %d, stderr %q", st, stderr.String())
	}
}
