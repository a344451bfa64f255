package main

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
)

// The large scenarios read variants of one generated registry, made here
// from its bytes: the same data lines in another order, or one line spoiled.

// variantFlag makes benchrun write one variant and exit, in a process of its
// own: on Linux a child's peak resident memory counts its parent's at exec,
// so benchrun itself must never hold a whole registry.
const variantFlag = "-write-variant"

// writeVariantInChild runs benchrun again to write one variant.
func writeVariantInChild(name, src, dst string, seed uint64, row int) error {
	self, err := os.Executable()
	if err != nil {
		return err
	}
	out, err := exec.Command(self, variantFlag, name, src, dst, strconv.FormatUint(seed, 10), strconv.Itoa(row)).CombinedOutput()
	if err != nil {
		return fmt.Errorf("writing %s: %v: %s", dst, err, bytes.TrimSpace(out))
	}
	return nil
}

// writeVariant is the child's side: args are name, src, dst, seed, row.
func writeVariant(args []string) error {
	if len(args) != 5 {
		return fmt.Errorf("%s takes name, source, destination, seed and row", variantFlag)
	}
	seed, err := strconv.ParseUint(args[3], 10, 64)
	if err != nil {
		return err
	}
	row, err := strconv.Atoi(args[4])
	if err != nil {
		return err
	}
	src, dst := args[1], args[2]
	switch args[0] {
	case "shuffled":
		return writeShuffled(src, dst, seed)
	case "repeat-last":
		return writeDuplicateLast(src, dst)
	case "bad-number":
		return writeBadNumber(src, dst, row)
	}
	return fmt.Errorf("no variant %q", args[0])
}

// shuffleStream separates the shuffle's random stream from gendata's.
const shuffleStream = 0x7368_7566_666c_6521 // "shuffle!"

// writeShuffled writes src's header, then its data lines in an order drawn
// from seed: every line once, the same order for the same seed.
func writeShuffled(src, dst string, seed uint64) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	header, lines := splitLines(data)
	rand.New(rand.NewPCG(seed, shuffleStream)).Shuffle(len(lines), func(i, j int) {
		lines[i], lines[j] = lines[j], lines[i]
	})
	out := make([]byte, 0, len(data)+1)
	out = append(out, header...)
	for _, l := range lines {
		out = append(out, l...)
	}
	return os.WriteFile(dst, out, 0o644)
}

// splitLines cuts data into its first line and the rest, each with its
// line end (one is added to a last line without).
func splitLines(data []byte) (header []byte, lines [][]byte) {
	if len(data) > 0 && data[len(data)-1] != '\n' {
		data = append(data, '\n')
	}
	end := bytes.IndexByte(data, '\n') + 1
	header, data = data[:end], data[end:]
	lines = make([][]byte, 0, bytes.Count(data, []byte{'\n'}))
	for len(data) > 0 {
		end := bytes.IndexByte(data, '\n') + 1
		lines = append(lines, data[:end])
		data = data[end:]
	}
	return header, lines
}

// writeDuplicateLast copies src with the last line's household id replaced
// by the first data line's: a repeat that the ascending-order check meets
// only at the end, after every other id has gone by.
func writeDuplicateLast(src, dst string) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	data = bytes.TrimSuffix(data, []byte{'\n'})
	firstLine := bytes.IndexByte(data, '\n') + 1
	firstID := data[firstLine : firstLine+bytes.IndexByte(data[firstLine:], ',')]
	lastLine := bytes.LastIndexByte(data, '\n') + 1
	if lastLine <= firstLine {
		return fmt.Errorf("%s: fewer than two data lines", src)
	}
	lastComma := lastLine + bytes.IndexByte(data[lastLine:], ',')
	out := make([]byte, 0, len(data)+len(firstID)+1)
	out = append(out, data[:lastLine]...)
	out = append(out, firstID...)
	out = append(out, data[lastComma:]...)
	out = append(out, '\n')
	return os.WriteFile(dst, out, 0o644)
}

// writeBadNumber copies src with the first character of data row row's
// fourth field (wage_income, counting from 1) replaced by an x.
func writeBadNumber(src, dst string, row int) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	start := 0
	for line := 0; line < row; line++ { // the header is line 0
		i := bytes.IndexByte(data[start:], '\n')
		if i < 0 {
			return fmt.Errorf("%s: fewer than %d data rows", src, row)
		}
		start += i + 1
	}
	field := start
	for range 3 {
		field += bytes.IndexByte(data[field:], ',') + 1
	}
	data[field] = 'x'
	return os.WriteFile(dst, data, 0o644)
}
