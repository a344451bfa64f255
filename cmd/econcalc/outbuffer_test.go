package main

import (
	"bytes"
	"fmt"
	"testing"
)

// TestOutBufferSpillsAndJoins: output past the memory limit goes to a
// temporary file, and buffers joined in order give back every byte in order,
// whether each spilled or not.
func TestOutBufferSpillsAndJoins(t *testing.T) {
	defer removeTempFiles()
	var want bytes.Buffer
	fill := func(o *outBuffer, tag string, lines int) {
		for i := 0; i < lines; i++ {
			line := fmt.Sprintf("%s,%08d,%s\n", tag, i, "abcdefghijklmnopqrstuvwxyz")
			o.b = append(o.b, line...)
			want.WriteString(line)
			o.spill()
		}
	}
	var main, big, small, bigger outBuffer
	fill(&main, "main", 1000)
	fill(&big, "big", 300_000) // about 12 MB: spills
	fill(&small, "small", 10)
	fill(&bigger, "bigger", 250_000)
	if big.file == nil || bigger.file == nil || small.file != nil {
		t.Fatalf("spilled: big %v, bigger %v, small %v", big.file != nil, bigger.file != nil, small.file != nil)
	}
	main.appendFrom(&big)
	main.appendFrom(&small)
	main.appendFrom(&bigger)
	var got bytes.Buffer
	if err := main.copyTo(&got); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Fatalf("joined output: %d bytes, want %d (first difference at %d)", got.Len(), want.Len(), firstDifference(got.Bytes(), want.Bytes()))
	}
}

func firstDifference(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}
