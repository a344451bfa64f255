package main

// Regression tests for input that is not a regular file, run against the
// built command (the copy of the test binary that TestMain puts on PATH),
// each with a deadline so that a hang fails rather than blocks: a named pipe
// is read once (issue 16 §6), a stream of NUL bytes is refused from its
// first block and not copied to disk (§4), and a run killed by a signal
// leaves no temporary file behind (§5).

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// econcalcBin is the command under test, from PATH as TestMain set it.
func econcalcBin(t *testing.T) string {
	t.Helper()
	bin, err := exec.LookPath("econcalc")
	if err != nil {
		t.Skip("econcalc is not on PATH (run through go test)")
	}
	return bin
}

// householdsCSV is n households with long ids, 8 villages and members,
// about 40 bytes a row, and with pad > 0 an address (地址) of pad bytes.
func householdsCSV(n, pad int) []byte {
	var b bytes.Buffer
	b.WriteString("户编号,村,家庭人口,工资性收入")
	address := ""
	if pad > 0 {
		b.WriteString(",地址")
		address = "," + strings.Repeat("x", pad)
	}
	b.WriteString("\n")
	for i := range n {
		fmt.Fprintf(&b, "4311030000%010d,村%d,%d,%d%s\n", i, i%8, 1+i%5, 2000+i%9000, address)
	}
	return b.Bytes()
}

// runWithin runs econcalc with args in dir, failing the test if it takes
// longer than d, and returns its stdout, stderr and exit status.
func runWithin(t *testing.T, d time.Duration, dir string, stdin io.Reader, env []string, args ...string) (string, string, int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	cmd := exec.CommandContext(ctx, econcalcBin(t), args...)
	cmd.Dir, cmd.Stdin, cmd.Env = dir, stdin, append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("econcalc %s: still running after %v (killed)", strings.Join(args, " "), d)
	}
	status := 0
	if ee, ok := err.(*exec.ExitError); ok {
		status = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return stdout.String(), stderr.String(), status
}

// TestNamedPipeIsReadOnce: a named pipe (mkfifo) is read once, as a
// stream, and answers as the same file does; it used to be opened twice,
// the second time waiting for a writer that never came.
func TestNamedPipeIsReadOnce(t *testing.T) {
	demo := filepath.Join("..", "..", "testdata", "demo")
	big := filepath.Join(t.TempDir(), "big.csv")
	if err := os.WriteFile(big, householdsCSV(300_000, 0), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, file string
		args       []string
	}{
		{"poverty", filepath.Join(demo, "households.csv"), []string{"poverty", "--line", "3335", "-o", "csv"}},
		{"poverty large", big, []string{"poverty", "--line", "3335", "-o", "csv"}},
		{"growth", filepath.Join(demo, "industries.csv"), []string{"growth", "--group-col", "industry", "-o", "csv"}},
		{"dividend", filepath.Join(demo, "signed_households.csv"), []string{"dividend", "--pool", "100000", "-o", "csv"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			data, err := os.ReadFile(c.file)
			if err != nil {
				t.Fatal(err)
			}
			want, wantErr, wantStatus := runWithin(t, time.Minute, ".", nil, nil, append(c.args, c.file)...)
			if wantStatus != 0 {
				t.Fatalf("from the file: exit %d: %s", wantStatus, wantErr)
			}
			fifo := filepath.Join(t.TempDir(), "in.csv")
			if err := syscall.Mkfifo(fifo, 0o600); err != nil {
				t.Skip("mkfifo:", err)
			}
			wrote := make(chan error, 1)
			go func() {
				w, err := os.OpenFile(fifo, os.O_WRONLY, 0)
				if err == nil {
					_, err = w.Write(data)
					w.Close()
				}
				wrote <- err
			}()
			got, gotErr, status := runWithin(t, 20*time.Second, ".", nil, nil, append(c.args, fifo)...)
			wantErr = strings.ReplaceAll(wantErr, c.file, fifo)
			if status != 0 || got != want || gotErr != wantErr {
				t.Errorf("from a named pipe: exit %d\nstdout %.300q\nstderr %q\nwant stdout %.300q\nstderr %q", status, got, gotErr, want, wantErr)
			}
			// A writer still waiting for a reader is let go.
			if r, err := os.OpenFile(fifo, os.O_RDONLY|syscall.O_NONBLOCK, 0); err == nil {
				r.Close()
			}
			<-wrote
		})
	}
}

// zeros is an endless stream of NUL bytes, as /dev/zero is.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// TestStdinOfZerosIsRefusedAtOnce: standard input is checked before it is
// copied anywhere. An endless stream of NUL bytes is refused from its first
// block; one that starts as good CSV stops being read at its first NUL,
// which is named by line and column. Neither writes to the temporary
// folder (econcalc growth < /dev/zero used to write 1 GB a second there).
func TestStdinOfZerosIsRefusedAtOnce(t *testing.T) {
	tmp := t.TempDir()
	env := []string{"TMPDIR=" + tmp}
	_, stderr, status := runWithin(t, 20*time.Second, ".", zeros{}, env, "growth")
	if status != 1 || stderr != "econcalc: stdin: is a binary file (it holds NUL bytes), not a CSV file\n" {
		t.Errorf("NUL bytes alone: exit %d, stderr %q", status, stderr)
	}
	good := householdsCSV(400_000, 0) // 16 MB: past what memory holds
	lines := bytes.Count(good, []byte("\n"))
	_, stderr, status = runWithin(t, 20*time.Second, ".", io.MultiReader(bytes.NewReader(good), zeros{}), env, "poverty", "--line", "3335")
	want := fmt.Sprintf("econcalc: stdin:%d:1: NUL byte: this is not a text CSV file\n", lines+1)
	if status != 1 || !strings.HasSuffix(stderr, want) {
		t.Errorf("NUL bytes after %d good lines: exit %d, stderr %q, want it to end in %q", lines, status, stderr, want)
	}
	if left, _ := filepath.Glob(filepath.Join(tmp, "*")); len(left) > 0 {
		t.Errorf("left in the temporary folder: %v", left)
	}
}

// TestSignalLeavesNoTemporaryFiles: a run killed while it writes a large
// output (spilled to temporary files) to a slow reader, from a large
// standard input (spooled to one), leaves nothing in its temporary folder.
// The output's files used to stay until run returned, which a signal
// prevents.
func TestSignalLeavesNoTemporaryFiles(t *testing.T) {
	in := filepath.Join(t.TempDir(), "households.csv")
	if err := os.WriteFile(in, householdsCSV(400_000, 0), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			tmp := t.TempDir()
			stdin, err := os.Open(in)
			if err != nil {
				t.Fatal(err)
			}
			defer stdin.Close()
			r, w, err := os.Pipe()
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			cmd := exec.Command(econcalcBin(t), "dividend", "--pool", "9000000", "-o", "csv")
			cmd.Stdin, cmd.Stdout, cmd.Env = io.MultiReader(stdin), w, append(os.Environ(), "TMPDIR="+tmp)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			w.Close()
			// The first byte of output comes once the output is complete
			// and held; then nobody reads, and the command waits to write.
			first := make(chan error, 1)
			go func() {
				_, err := r.Read(make([]byte, 1))
				first <- err
			}()
			select {
			case err := <-first:
				if err != nil {
					cmd.Process.Kill()
					cmd.Wait()
					t.Fatalf("no output: %v; stderr %q", err, stderr.String())
				}
			case <-time.After(time.Minute):
				cmd.Process.Kill()
				cmd.Wait()
				t.Fatal("no output within a minute")
			}
			cmd.Process.Signal(sig)
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case <-done:
			case <-time.After(20 * time.Second):
				cmd.Process.Kill()
				t.Fatalf("still running 20 s after %v", sig)
			}
			if left, _ := filepath.Glob(filepath.Join(tmp, "*")); len(left) > 0 {
				t.Errorf("left in the temporary folder after %v: %v", sig, left)
			}
		})
	}
}
