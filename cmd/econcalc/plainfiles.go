package main

import (
	"bytes"
	"io"
	"os"
	"strings"

	"golang.org/x/text/encoding/simplifiedchinese"
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

// spooledStdin is standard input read ahead, so that the fast path can read
// it in parallel and a second time: in memory up to stdinMemoryLimit, else
// in a temporary file (removed when run returns). Messages still call it
// stdin.
type spooledStdin struct {
	data []byte // the whole input, when it was small
	path string // else the temporary file holding it
}

const stdinMemoryLimit = 8 << 20

func spoolStdin(opts inputOptions, stdin io.Reader) (inputOptions, error) {
	if !usesStdin(opts) || opts.spooled != nil {
		return opts, nil
	}
	fail := func(err error) (inputOptions, error) {
		return opts, &dataError{file: stdinName, msg: "cannot buffer standard input: " + err.Error()}
	}
	head := make([]byte, stdinMemoryLimit+1) // untouched pages cost nothing
	n, err := io.ReadFull(stdin, head)
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		opts.spooled = &spooledStdin{data: head[:n]}
		return opts, nil
	}
	if err != nil {
		return fail(err)
	}
	f, err := createTemp("econcalc-stdin-*.csv")
	if err != nil {
		return fail(err)
	}
	if _, err := f.Write(head); err != nil {
		return fail(err)
	}
	if _, err := io.Copy(f, stdin); err != nil {
		return fail(err)
	}
	opts.spooled = &spooledStdin{path: f.Name()}
	return opts, nil
}

// openSpooled opens the input for a command with a fast path: standard
// input is read ahead first, and the options returned say where to.
func openSpooled(opts inputOptions, stdin io.Reader) (*input, inputOptions, error) {
	opts, err := spoolStdin(opts, stdin)
	if err != nil {
		return nil, opts, err
	}
	in, err := openInput(opts, stdin)
	return in, opts, err
}

// open reads the spooled input from its start.
func (s *spooledStdin) open() (r io.ReaderAt, c io.Closer, size int64, err error) {
	if s.path == "" {
		return bytes.NewReader(s.data), io.NopCloser(nil), int64(len(s.data)), nil
	}
	f, err := os.Open(s.path)
	if err != nil {
		return nil, nil, 0, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, 0, err
	}
	return f, f, st.Size(), nil
}

// openPlainFiles opens the input for the fast path: regular files read as
// UTF-8 with a one-byte delimiter, whose header is one plain line matching
// keys (the header the general path read). ok is false when the general
// path must read the input instead.
func openPlainFiles(opts inputOptions, keys []string) (p plainInput, ok bool, err error) {
	p = plainInput{ncols: len(keys), delim: byte(opts.delimiter), maxRecord: opts.maxRecord}
	if fastPathOff || opts.delimiter >= 0x80 {
		return p, false, nil
	}
	names := opts.files
	if len(names) == 0 {
		names = []string{"-"}
	}
	for _, name := range names {
		if name == "-" && opts.spooled == nil {
			p.close()
			return p, false, nil
		}
		pf, ok, err := openPlainFile(name, opts, keys)
		if err != nil || !ok {
			p.close()
			return p, false, err
		}
		p.files = append(p.files, pf)
	}
	return p, true, nil
}

func openPlainFile(name string, opts inputOptions, keys []string) (*plainFile, bool, error) {
	pf := &plainFile{name: name, line: 2}
	if name == "-" {
		var err error
		pf.name = stdinName
		if pf.r, pf.c, pf.size, err = opts.spooled.open(); err != nil {
			return nil, false, nil // the general path reports it
		}
	} else {
		f, err := os.Open(name)
		if err != nil {
			return nil, false, nil // the general path reports it
		}
		st, err := f.Stat()
		if err != nil || !st.Mode().IsRegular() {
			f.Close()
			return nil, false, nil
		}
		pf.r, pf.c, pf.size = f, f, st.Size()
	}
	if err := pf.decodeGB18030(opts.encoding); err != nil {
		pf.c.Close()
		return nil, false, nil // the general path reports it
	}
	ok := pf.readHeader(opts, keys)
	if !ok {
		pf.c.Close()
		return nil, false, nil
	}
	return pf, true, nil
}

// decodeGB18030 marks a GB18030 file, named so or detected as the general
// path detects it (its first 64 KiB are not UTF-8), to be decoded block by
// block as it is read, so that the fast path reads what Excel writes on
// Chinese Windows too. Line breaks are kept, so line numbers are the same.
func (pf *plainFile) decodeGB18030(encoding string) error {
	switch encoding {
	case "gb18030":
		pf.gb18030 = true
	case "auto":
		head := make([]byte, min(64<<10, pf.size))
		n, _ := pf.r.ReadAt(head, 0)
		pf.gb18030 = !bytes.HasPrefix(head[:n], []byte("\uFEFF")) && !validUTF8Prefix(head[:n])
	}
	return nil
}

// readHeader finds the data's start after a plain header line that matches
// keys, the header the general path read.
func (pf *plainFile) readHeader(opts inputOptions, keys []string) bool {
	head := make([]byte, min(int64(opts.maxRecord)+1, pf.size))
	n, _ := pf.r.ReadAt(head, 0)
	nl := bytes.IndexByte(head[:n], '\n')
	if nl < 0 {
		return false
	}
	header := head[:nl]
	if pf.gb18030 {
		var err error
		if header, err = simplifiedchinese.GB18030.NewDecoder().Bytes(header); err != nil {
			return false
		}
	}
	header = bytes.TrimSuffix(bytes.TrimPrefix(header, []byte("\uFEFF")), []byte("\r"))
	if len(bytes.TrimSpace(header)) == 0 {
		return false
	}
	if checkPlain(header) != nil || bytes.IndexByte(header, '\r') >= 0 {
		return false
	}
	_, fields, _ := splitRow(header, byte(opts.delimiter), nil)
	if len(fields) != len(keys) {
		return false
	}
	for i, field := range fields {
		if strings.ToLower(strings.TrimSpace(string(field))) != keys[i] {
			return false
		}
	}
	pf.start = int64(nl) + 1
	return true
}

func (p plainInput) close() {
	for _, pf := range p.files {
		pf.c.Close()
	}
}
