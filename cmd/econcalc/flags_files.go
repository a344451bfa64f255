package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"

	"econcalc/cmd/internal/report"

	"github.com/mattn/go-isatty"
	"github.com/urfave/cli/v2"
)

// The files the flags name: an input named twice, and an output that would
// overwrite an input, by any path or as the file standard input reads.

// distinctFiles refuses an input named twice, which could only give
// duplicates: the same path, two paths to one file, or "-" twice. A file
// that cannot be found is left for opening to report.
func distinctFiles(files []string) error {
	seen := make([]os.FileInfo, len(files))
	for i, f := range files {
		if f != "-" {
			seen[i], _ = os.Stat(f)
		}
		for j, earlier := range files[:i] {
			switch {
			case f == "-" && earlier == "-":
				return usagef(`standard input ("-") is given twice`)
			case f == earlier:
				return usagef("%q is given twice: each input is read once", f)
			case seen[i] != nil && seen[j] != nil && os.SameFile(seen[i], seen[j]):
				return usagef("%q and %q are the same file: each input is read once", earlier, f)
			}
		}
	}
	return nil
}

// notAnInput refuses an output path that names one of the inputs (the same
// file by device and inode, whatever the path says): writing it would
// replace the data with the result.
func notAnInput(flag, path string, inputs []string) error {
	if path == "" {
		return nil
	}
	out, err := os.Stat(path)
	if err != nil {
		return nil // a new file
	}
	for _, in := range inputs {
		if st, err := os.Stat(in); err == nil && os.SameFile(out, st) {
			return usagef("%s %q is the input %q: it would be overwritten; write to another file", flag, path, in)
		}
	}
	return nil
}

// readsStdin: the inputs named (none is standard input) read standard input.
func readsStdin(files []string) bool {
	return len(files) == 0 || slices.Contains(files, "-")
}

// notStdin refuses an output path that is the file standard input is
// redirected from (econcalc growth < data.csv --output data.csv): the
// result would replace the data, as for an input named by its path.
func notStdin(flag, path string, stdin io.Reader) error {
	f, ok := stdin.(*os.File)
	if !ok {
		return nil
	}
	in, err := f.Stat()
	if err != nil || !in.Mode().IsRegular() {
		return nil
	}
	if out, err := os.Stat(path); err == nil && os.SameFile(in, out) {
		return usagef("%s %q is the file standard input reads: it would be overwritten; write to another file", flag, path)
	}
	return nil
}

// sameOutput reports whether two output paths name one file: the same file
// by device and inode when both exist, else the same place once symbolic
// links (a dangling one leads where the file would be made) and relative
// paths are resolved: r.csv, ./r.csv, $PWD/r.csv, a link to r.csv.
func sameOutput(a, b string) bool {
	sa, errA := os.Stat(a)
	sb, errB := os.Stat(b)
	if errA == nil && errB == nil {
		return os.SameFile(sa, sb)
	}
	return outputPlace(a) == outputPlace(b)
}

// outputPlace is the absolute, cleaned path of the file an output path
// writes, through its symbolic links and its folder's.
func outputPlace(path string) string {
	if target, _, err := outputTarget(path); err == nil {
		path = target
	}
	if dir, err := filepath.EvalSymlinks(filepath.Dir(path)); err == nil {
		path = filepath.Join(dir, filepath.Base(path))
	}
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	return filepath.Clean(path)
}

// fileFlags are the flags that name a file other than the inputs listed as
// arguments: read (--pools, --population) or written (--chart).
var fileFlags = []string{"pools", "population", "chart"}

// redirectOutput reads --output FILE: the command's stdout becomes a
// temporary file beside FILE, which run renames over FILE if the command
// succeeds and removes if not. Without --output, xlsx is refused for a
// terminal, where a workbook's bytes would show as noise. A --format that
// FILE's extension contradicts is refused here, before anything is read.
func (e *env) redirectOutput(c *cli.Context) error {
	format, err := formatFrom(c)
	if err != nil {
		return err
	}
	path := c.String("output")
	if path == "" {
		if format == "xlsx" && isTerminal(e.stdout) {
			return usagef("--format xlsx writes a workbook, which a terminal cannot show: add --output FILE.xlsx (or redirect: > FILE.xlsx)")
		}
		return nil
	}
	if err := workbookName(format, path); err != nil {
		return err
	}
	inputs := c.Args().Slice()
	for _, name := range fileFlags {
		if f := c.String(name); f != "" {
			if name == "chart" && sameOutput(f, path) {
				if filepath.Clean(f) == filepath.Clean(path) {
					return usagef("--output and --chart both name %q: write them to two files", path)
				}
				return usagef("--output %q and --chart %q are the same file: write them to two files", path, f)
			}
			inputs = append(inputs, f)
		}
	}
	if err := notAnInput("--output", path, inputs); err != nil {
		return err
	}
	if readsStdin(inputs) {
		if err := notStdin("--output", path, e.stdin); err != nil {
			return err
		}
	}
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return usagef("--output %q is a folder: name a file in it", path)
	}
	if _, err := os.Stat(filepath.Dir(path)); err != nil {
		return &report.WriteError{What: "the output to " + path, Err: errors.New(unwrapPathError(err))}
	}
	if e.output, err = newOutputFile(path); err != nil {
		return err
	}
	e.stdout = e.output
	return nil
}

// workbookName refuses a workbook written to a file whose name does not end
// in .xlsx (r.txt, r.dat, r): Excel and the desktop pick how to open a file
// by its extension, and would show a workbook's zip bytes as text. Text
// formats go to any name, as the README promises (.txt keeps --format); a
// FIFO or a device has no name to open by.
func workbookName(format, path string) error {
	if format != "xlsx" || formatOfFile(path) == "xlsx" {
		return nil
	}
	if _, kind, err := outputTarget(path); err != nil || kind != 0 {
		return nil // not a file, or one newOutputFile reports
	}
	return usagef("--format xlsx writes a workbook, and --output %q would not open as one: name the file %s, or choose a text format (table, csv, tsv, json, markdown)",
		path, strings.TrimSuffix(path, filepath.Ext(path))+".xlsx")
}

// isTerminal reports a writer that is a terminal, as the progress meter
// tells one.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}

// outputFile is --output FILE. A regular file, or one not there yet, gets
// the result whole or not at all: it is written to a temporary file in
// FILE's folder, made at the first write, and renamed over FILE when the
// command has succeeded (a rename within a folder replaces FILE at once),
// so that a failed run leaves no file, never half of one, and an existing
// FILE as it was. A symbolic link is written through: the file it leads to
// is replaced so, and the link kept. A FIFO, a device or a descriptor
// (/dev/stdout) is written as it is, as the result comes (direct).
type outputFile struct {
	path   string      // as given, for messages
	target string      // the file replaced: path, or the one its links lead to
	kind   fs.FileMode // the target's type: 0 a regular or new file, else written direct
	tmp    *os.File    // the temporary file, or the direct output once opened
	done   bool        // committed or discarded
}

// newOutputFile is --output path, where outputTarget says.
func newOutputFile(path string) (*outputFile, error) {
	o := &outputFile{path: path}
	var err error
	if o.target, o.kind, err = outputTarget(path); err != nil {
		return nil, o.writeError(err)
	}
	return o, nil
}

// maxLinks is how many symbolic links outputTarget follows, as Linux does.
const maxLinks = 40

// outputTarget is the file --output path writes, and its type: path, or
// the file its symbolic links lead to (relative to the folder of the link,
// as the system reads them), 0 for a regular file or one not there yet
// (made where a dangling link points, as a shell's > makes it). A path
// whose links lead into /proc is a descriptor (/dev/stdout, /dev/fd/1: the
// file or pipe econcalc's output already goes to), and anything else that
// is not a regular file is a FIFO, a device or a socket: these are written
// at path as they are (kind ModeDevice or ModeNamedPipe, never 0).
func outputTarget(path string) (target string, kind fs.FileMode, err error) {
	target = path
	for range maxLinks {
		st, err := os.Lstat(target)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return target, 0, nil
		case err != nil:
			return "", 0, err
		case st.Mode().IsRegular():
			return target, 0, nil
		case st.Mode()&fs.ModeNamedPipe != 0:
			return path, fs.ModeNamedPipe, nil
		case st.Mode()&fs.ModeSymlink == 0:
			return path, fs.ModeDevice, nil
		}
		dir, err := filepath.EvalSymlinks(filepath.Dir(target)) // a link's folder may be one: a/b → ../c is read from b's real folder
		if err == nil {
			dir, err = filepath.Abs(dir)
		}
		if err != nil {
			return "", 0, err
		}
		if dir == "/proc" || strings.HasPrefix(dir, "/proc/") { // /proc/self/fd/1, where /dev/stdout leads
			return path, fs.ModeDevice, nil
		}
		link, err := os.Readlink(target)
		if err != nil {
			return "", 0, err
		}
		if !filepath.IsAbs(link) {
			link = filepath.Join(dir, link)
		}
		target = link
	}
	return "", 0, fmt.Errorf("more than %d symbolic links", maxLinks)
}

func (o *outputFile) Write(p []byte) (int, error) {
	if o.tmp == nil {
		var err error
		if o.kind != 0 {
			o.tmp, err = os.OpenFile(o.path, os.O_WRONLY|os.O_APPEND, 0) // at a file's end (/dev/stdout to a file); no effect on a pipe or a device
		} else {
			o.tmp, err = os.CreateTemp(filepath.Dir(o.target), ".econcalc-*")
		}
		if err != nil {
			return 0, o.writeError(err)
		}
	}
	n, err := o.tmp.Write(p)
	if err != nil {
		err = o.writeError(err)
	}
	return n, err
}

func (o *outputFile) writeError(err error) error {
	return &report.WriteError{What: "the output to " + o.path, Err: errors.New(unwrapPathError(err))}
}

// close ends the output with the command's result: FILE is replaced when
// err is nil, and left as it was otherwise. It returns err, or the error
// of replacing FILE. A nil outputFile (no --output) returns err.
func (o *outputFile) close(err error) error {
	if o == nil {
		return err
	}
	if err == nil {
		err = o.commit()
	}
	o.discard()
	return err
}

// commit writes the file to disk and renames it over FILE, with FILE's
// permissions if it exists (a temporary file is readable by its owner
// alone); a direct output is closed.
func (o *outputFile) commit() error {
	if _, err := o.Write(nil); err != nil { // an empty result is an empty FILE
		return err
	}
	steps := []func() error{o.tmp.Close}
	if o.kind == 0 {
		mode := os.FileMode(0o644)
		if st, err := os.Stat(o.target); err == nil {
			mode = st.Mode().Perm()
		}
		steps = []func() error{
			func() error { return o.tmp.Chmod(mode) },
			o.tmp.Sync,
			o.tmp.Close,
			func() error { return os.Rename(o.tmp.Name(), o.target) },
		}
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return o.writeError(err)
		}
	}
	o.tmp, o.done = nil, true
	return nil
}

// discard removes the temporary file, if it is still there: after a
// failure, and when run ends by a panic. A direct output is closed; a FIFO
// not opened yet is opened and closed at once if a reader waits on it, so
// that the reader sees its end rather than waiting for ever.
func (o *outputFile) discard() {
	switch {
	case o == nil || o.done:
		return
	case o.tmp != nil:
		o.tmp.Close()
		if o.kind == 0 {
			os.Remove(o.tmp.Name())
		}
		o.tmp = nil
	case o.kind == fs.ModeNamedPipe:
		if f, err := os.OpenFile(o.path, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			f.Close()
		}
	}
	o.done = true
}
