package report

import (
	"bytes"
	"fmt"
	"testing"
)

// TestOutBufferSpillsAndJoins: output past the memory limit goes to a
// temporary file, a spilled buffer joins with nothing left in memory, and
// buffers joined in order give back every byte in order,
// whether each spilled or not, and what is written after a join comes
// after what was joined.
func TestOutBufferSpillsAndJoins(t *testing.T) {
	defer RemoveTempFiles()
	// fill writes lines into o and returns them.
	fill := func(o *outBuffer, tag string, lines int) string {
		var text bytes.Buffer
		for i := 0; i < lines; i++ {
			line := fmt.Sprintf("%s,%08d,%s\n", tag, i, "abcdefghijklmnopqrstuvwxyz")
			o.b = append(o.b, line...)
			text.WriteString(line)
			o.spill()
		}
		return text.String()
	}
	var main, big, small, bigger outBuffer
	mainText := fill(&main, "main", 1000)
	bigText := fill(&big, "big", 300_000) // about 12 MB: spills
	smallText := fill(&small, "small", 10)
	biggerText := fill(&bigger, "bigger", 250_000)
	if big.file == nil || bigger.file == nil || small.file != nil {
		t.Fatalf("spilled: big %v, bigger %v, small %v", big.file != nil, bigger.file != nil, small.file != nil)
	}
	main.appendFrom(&big)
	if len(main.b) != 0 || len(big.b) != 0 {
		t.Fatalf("after joining a spilled buffer, %d and %d bytes are still in memory", len(main.b), len(big.b))
	}
	afterBig := fill(&main, "after big", 10)
	main.appendFrom(&small)
	main.appendFrom(&bigger)
	afterBigger := fill(&main, "after bigger", 250_000) // spills again
	want := []byte(mainText + bigText + afterBig + smallText + biggerText + afterBigger)
	var got bytes.Buffer
	if err := main.copyTo(&got); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		t.Fatalf("joined output: %d bytes, want %d (first difference at %d)", got.Len(), len(want), firstDifference(got.Bytes(), want))
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
