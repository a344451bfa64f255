package main

import (
	"bytes"
	"io"
	"os"
	"strings"
)

// usesStdin reports whether the input includes standard input.
func usesStdin(opts inputOptions) bool {
	if len(opts.files) == 0 {
		return true
	}
	for _, f := range opts.files {
		if f == "-" {
			return true
		}
	}
	return false
}

// spoolStdin copies standard input to a temporary file (removed when run
// returns), so that the fast path can read it in parallel and a second
// time. Messages still call it stdin.
func spoolStdin(opts inputOptions, stdin io.Reader) (inputOptions, error) {
	if !usesStdin(opts) || opts.stdinPath != "" {
		return opts, nil
	}
	f, err := createTemp("econcalc-stdin-*.csv")
	if err != nil {
		return opts, &dataError{file: stdinName, msg: "cannot buffer standard input: " + err.Error()}
	}
	if _, err := io.Copy(f, stdin); err != nil {
		return opts, &dataError{file: stdinName, msg: "cannot buffer standard input: " + err.Error()}
	}
	opts.stdinPath = f.Name()
	return opts, nil
}

// openPlainFiles opens the input for the fast path: regular files read as
// UTF-8 with a one-byte delimiter, whose header is one plain line matching
// keys (the header the general path read). ok is false when the general
// path must read the input instead.
func openPlainFiles(opts inputOptions, keys []string) (p plainInput, ok bool, err error) {
	p = plainInput{ncols: len(keys), delim: byte(opts.delimiter), maxRecord: opts.maxRecord}
	if fastPathOff || opts.encoding == "gb18030" || opts.delimiter >= 0x80 {
		return p, false, nil
	}
	names := opts.files
	if len(names) == 0 {
		names = []string{"-"}
	}
	for _, name := range names {
		path, display := name, name
		if name == "-" {
			if opts.stdinPath == "" {
				p.close()
				return p, false, nil
			}
			path, display = opts.stdinPath, stdinName
		}
		pf, ok, err := openPlainFile(path, display, opts, keys)
		if err != nil || !ok {
			p.close()
			return p, false, err
		}
		p.files = append(p.files, pf)
	}
	return p, true, nil
}

func openPlainFile(path, display string, opts inputOptions, keys []string) (*plainFile, bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, false, nil // the general path reports it
	}
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() {
		f.Close()
		return nil, false, nil
	}
	head := make([]byte, min(int64(opts.maxRecord)+1, st.Size()))
	n, _ := f.ReadAt(head, 0)
	nl := bytes.IndexByte(head[:n], '\n')
	if nl < 0 {
		f.Close()
		return nil, false, nil
	}
	header := bytes.TrimSuffix(bytes.TrimPrefix(head[:nl], []byte("\uFEFF")), []byte("\r"))
	if len(bytes.TrimSpace(header)) == 0 {
		f.Close()
		return nil, false, nil
	}
	fields, err := splitPlain(header, byte(opts.delimiter), nil)
	if err != nil || len(fields) != len(keys) {
		f.Close()
		return nil, false, nil
	}
	for i, field := range fields {
		if strings.ToLower(strings.TrimSpace(string(field))) != keys[i] {
			f.Close()
			return nil, false, nil
		}
	}
	return &plainFile{name: display, f: f, start: int64(nl) + 1, size: st.Size(), line: 2}, true, nil
}

func (p plainInput) close() {
	for _, pf := range p.files {
		pf.f.Close()
	}
}
