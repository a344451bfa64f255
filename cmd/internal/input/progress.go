package input

import (
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/mattn/go-isatty"
)

// progress shows how much of the input has been read, on stderr, for runs
// that take more than progressDelay, and only when stderr is a terminal:
// redirected output and tests never see it. Its methods do nothing on nil.
type progress struct {
	w     io.Writer
	total atomic.Int64 // bytes in the named files; 0 when unknown (stdin)
	done  atomic.Int64
	stop  chan struct{}
	wg    sync.WaitGroup
	shown bool
}

// progressDelay is how long a run goes before progress shows (a variable so
// that tests wait less).
var progressDelay = 2 * time.Second

// meter is the run's progress display, nil unless stderr is a terminal.
var meter *progress

// Progress is the display StartProgress shows.
type Progress = progress

// StartProgress shows how much input has been read on stderr, when it is
// a terminal, until Finish.
func StartProgress(stderr io.Writer) *Progress {
	meter = nil
	f, ok := stderr.(*os.File)
	if !ok || !(isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())) {
		return nil
	}
	p := &progress{w: stderr, stop: make(chan struct{})}
	p.wg.Add(1)
	go p.loop()
	meter = p
	return p
}

func (p *progress) loop() {
	defer p.wg.Done()
	timer := time.NewTimer(progressDelay)
	defer timer.Stop()
	select {
	case <-p.stop:
		return
	case <-timer.C:
	}
	tick := time.NewTicker(500 * time.Millisecond)
	defer tick.Stop()
	for {
		p.show()
		select {
		case <-p.stop:
			return
		case <-tick.C:
		}
	}
}

func (p *progress) show() {
	p.shown = true
	done := p.done.Load()
	if total := p.total.Load(); total > 0 {
		fmt.Fprintf(p.w, "\reconcalc: read %d%% (%.1f of %.1f MB)  ", min(100, done*100/total), float64(done)/1e6, float64(total)/1e6)
		return
	}
	fmt.Fprintf(p.w, "\reconcalc: read %.1f MB  ", float64(done)/1e6)
}

// addTotal announces bytes that will be read.
func (p *progress) addTotal(n int64) {
	if p != nil {
		p.total.Add(n)
	}
}

// add counts bytes read.
func (p *progress) add(n int) {
	if p != nil {
		p.done.Add(int64(n))
	}
}

// Finish stops the display and clears its line.
func (p *progress) Finish() {
	if p == nil {
		return
	}
	close(p.stop)
	p.wg.Wait()
	if p.shown {
		fmt.Fprint(p.w, "\r\033[K")
	}
}

// countingReader counts what passes through it into the meter.
type countingReader struct{ r io.Reader }

func (c countingReader) Read(b []byte) (int, error) {
	n, err := c.r.Read(b)
	meter.add(n)
	return n, err
}
