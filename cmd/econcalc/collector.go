package main

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
)

// firstCollection is the heap, in bytes (all the memory the Go runtime
// holds, as debug.SetMemoryLimit counts it), at which econcalc's first
// garbage collection runs.
//
// Go collects first at a 4 MiB heap. A command that streams its input (a
// registry's summary reads 2 M rows in about 20 MiB) then pays for two or
// three collections that free next to nothing, each stopping the world and
// taking one of the cores to mark while it runs: about a tenth of the
// run's time on two cores. So the first collection waits for this heap,
// and from it on the collector runs as Go's does (GOGC=100, no limit).
const firstCollection = 24 << 20

// collectLater puts off the first collection to firstCollection, unless the
// environment sets GOGC or GOMEMLIMIT, which are the user's to set. The
// collector stays off, with the heap's limit as its only trigger, until the
// first collection finds cue unreachable and runs its finalizer, which
// gives the collector back its defaults.
func collectLater() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(firstCollection)
	runtime.SetFinalizer(&collectorCue{}, func(*collectorCue) {
		debug.SetGCPercent(100)
		debug.SetMemoryLimit(math.MaxInt64)
	})
}

// collectorCue is what collectLater's finalizer is set on: an object with a
// pointer, which Go never packs with others (a finalizer on a packed object
// may never run).
type collectorCue struct{ _ *byte }
