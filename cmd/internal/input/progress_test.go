package input

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe to write from the progress goroutine
// and read from the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestProgressShowsAfterTheDelayAndClears: once a run has gone on past the
// delay, the share read shows on one rewritten line, and finishing clears it.
func TestProgressShowsAfterTheDelayAndClears(t *testing.T) {
	defer func(d time.Duration) { progressDelay = d }(progressDelay)
	progressDelay = 20 * time.Millisecond
	var out syncBuffer
	p := &progress{w: &out, stop: make(chan struct{})}
	p.addTotal(4_000_000)
	p.add(1_000_000)
	p.wg.Add(1)
	go p.loop()
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(out.String(), "read 25% (1.0 of 4.0 MB)") {
		if time.Now().After(deadline) {
			t.Fatalf("no progress shown: %q", out.String())
		}
		time.Sleep(5 * time.Millisecond)
	}
	p.Finish()
	if got := out.String(); !strings.HasPrefix(got, "\reconcalc: read 25%") || !strings.HasSuffix(got, "\r\033[K") {
		t.Errorf("progress line %q: want it drawn from the line start and cleared at the end", got)
	}
}

// TestProgressQuietForShortRuns: a run that ends before the delay prints
// nothing, and a nil progress (stderr not a terminal) does nothing.
func TestProgressQuietForShortRuns(t *testing.T) {
	var out syncBuffer
	p := &progress{w: &out, stop: make(chan struct{})}
	p.wg.Add(1)
	go p.loop()
	p.add(100)
	p.Finish()
	if out.String() != "" {
		t.Errorf("a short run printed %q", out.String())
	}
	var none *progress
	none.addTotal(1)
	none.add(1)
	none.Finish()
	if StartProgress(&out) != nil {
		t.Error("progress started on a writer that is not a terminal")
	}
}
