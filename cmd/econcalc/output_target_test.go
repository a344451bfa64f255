//go:build unix

package main

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestOutputTarget: where --output writes, and how, by the path's type,
// read without writing anything: a regular or new file is replaced through
// a temporary file (kind 0), through its links (the link's own folder reads
// a relative one); a FIFO, a device (/dev/null), a descriptor (/dev/stdout,
// /proc/self/fd/1) or a link to one is written at the path given, as it is.
func TestOutputTarget(t *testing.T) {
	dir := t.TempDir()
	in := func(name string) string { return filepath.Join(dir, name) }
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.WriteFile(in("target.csv"), []byte("old\n"), 0o644))
	must(os.Mkdir(in("sub"), 0o755))
	must(os.Symlink("target.csv", in("link.csv")))
	must(os.Symlink("../target.csv", in("sub/up")))
	must(os.Symlink(filepath.Join("sub", "up"), in("chain")))
	must(os.Symlink("nothere.csv", in("dangling")))
	must(os.Symlink("loop-b", in("loop-a")))
	must(os.Symlink("loop-a", in("loop-b")))
	must(syscall.Mkfifo(in("fifo"), 0o644))
	must(os.Symlink("fifo", in("fifo-link")))
	must(os.Symlink(os.DevNull, in("null-link")))
	for _, c := range []struct {
		path, target string
		kind         fs.FileMode
	}{
		{in("target.csv"), in("target.csv"), 0},
		{in("new.csv"), in("new.csv"), 0},
		{in("link.csv"), in("target.csv"), 0},
		{in("chain"), in("target.csv"), 0},
		{in("dangling"), in("nothere.csv"), 0},
		{in("fifo"), in("fifo"), fs.ModeNamedPipe},
		{in("fifo-link"), in("fifo-link"), fs.ModeNamedPipe},
		{os.DevNull, os.DevNull, fs.ModeDevice},
		{in("null-link"), in("null-link"), fs.ModeDevice},
		{"/dev/stdout", "/dev/stdout", fs.ModeDevice},
		{"/dev/fd/1", "/dev/fd/1", fs.ModeDevice},
		{"/proc/self/fd/1", "/proc/self/fd/1", fs.ModeDevice},
	} {
		if _, err := os.Lstat(c.path); err != nil && c.kind != 0 {
			continue // no /dev/stdout or /proc here
		}
		target, kind, err := outputTarget(c.path)
		if err != nil || target != c.target || kind != c.kind {
			t.Errorf("outputTarget(%q) = %q, %v, %v; want %q, %v", c.path, target, kind, err, c.target, c.kind)
		}
	}
	if _, _, err := outputTarget(in("loop-a")); err == nil {
		t.Errorf("outputTarget(a link loop): no error")
	}
}

// TestOutputFileFIFO: a FIFO is written as the result comes and stays a
// FIFO; a run that fails ends at once, with no reader on the FIFO or with
// one (which discard's opening, never blocking, lets see the end).
func TestOutputFileFIFO(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	read := make(chan string)
	go func() {
		b, _ := os.ReadFile(fifo) // opening blocks until the writer opens
		read <- string(b)
	}()
	o, err := newOutputFile(fifo)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.WriteString(o, "a,b\n1,2\n"); err != nil {
		t.Fatal(err)
	}
	if err := o.close(nil); err != nil {
		t.Fatal(err)
	}
	o.discard() // as run does after close: nothing more
	if got := <-read; got != "a,b\n1,2\n" {
		t.Errorf("the reader got %q", got)
	}
	if st, err := os.Lstat(fifo); err != nil || st.Mode()&fs.ModeNamedPipe == 0 {
		t.Errorf("after the run: %v, %v; want a FIFO", st, err)
	}

	failed := errors.New("bad data")
	o, _ = newOutputFile(fifo)
	if err := o.close(failed); err != failed { // no reader: must not wait for one
		t.Errorf("close = %v, want %v", err, failed)
	}
	r, err := os.OpenFile(fifo, os.O_RDONLY|syscall.O_NONBLOCK, 0) // a reader, there before the writer
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	o, _ = newOutputFile(fifo)
	if err := o.close(failed); err != failed {
		t.Errorf("close = %v, want %v", err, failed)
	}
	if n, err := r.Read(make([]byte, 8)); n != 0 || err != io.EOF {
		t.Errorf("the reader read %d, %v; want the end", n, err)
	}
}
