package main

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// gcSettings reads the collector's percent and memory limit.
func gcSettings() (percent int, limit int64) {
	percent = debug.SetGCPercent(-1)
	debug.SetGCPercent(percent)
	return percent, debug.SetMemoryLimit(-1)
}

func TestCollectLaterGivesBackTheDefaultsAfterTheFirstCollection(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	percent, limit := gcSettings()
	defer func() { debug.SetGCPercent(percent); debug.SetMemoryLimit(limit) }()

	collectLater()
	if p, l := gcSettings(); p != -1 || l != firstCollection {
		t.Fatalf("before the first collection: GOGC %d, limit %d; want off and %d", p, l, firstCollection)
	}
	runtime.GC() // finds the cue unreachable and queues its finalizer
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(time.Millisecond) {
		p, l := gcSettings()
		if p == 100 && l == math.MaxInt64 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("after the first collection: GOGC %d, limit %d; want 100 and none", p, l)
		}
	}
}

func TestCollectLaterLeavesTheUsersSettings(t *testing.T) {
	for _, env := range []string{"GOGC", "GOMEMLIMIT"} {
		t.Run(env, func(t *testing.T) {
			t.Setenv("GOGC", "")
			t.Setenv("GOMEMLIMIT", "")
			t.Setenv(env, "200")
			percent, limit := gcSettings()
			collectLater()
			if p, l := gcSettings(); p != percent || l != limit {
				t.Fatalf("with %s set: GOGC %d, limit %d; want %d and %d as they were", env, p, l, percent, limit)
			}
		})
	}
}
