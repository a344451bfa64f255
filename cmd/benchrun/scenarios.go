package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"time"
)

// scenario is one timed econcalc invocation, or the floor program run in
// this process.
type scenario struct {
	name    string
	args    []string // after the binary
	stdin   string   // a file piped to standard input, as cat FILE | econcalc would
	floor   string   // the households file the floor program reads instead of running econcalc
	rows    int
	target  string
	skipped string // why it did not run
	// wantError, when set, is text that econcalc's error must contain: the
	// run is expected to exit 1 and name the spoiled line.
	wantError string
	checks    []check
}

// check compares a scenario's result with another's, or with a fixed peak.
type check struct {
	label   string
	against string  // the scenario compared with; none for a fixed peak
	peak    bool    // compare peak memory, not wall time
	limit   float64 // the ratio (or, with no against, the MB) not to exceed
}

// Checks of the targets, by the scenario names below. Flat memory
// and linear time are checked twice: against the runs the issue names (200 k
// households in 5,000 villages; 2 M households, sorted), and against runs
// that differ from the 8 M one in their rows alone (200 k households in the
// same 20,000 villages, sorted or shuffled as it is; 2 M shuffled, in 5,000
// villages and in the same 20,000, for the shuffled 8 M), since a summary's
// memory follows its villages, shuffled ids cost a filter that sorted ones
// do not, and villages met in no order cost cache misses, more of them the
// more villages there are.
var (
	nearFloor        = check{label: "≤ 1.8 × the floor", against: "floor, 2 M", limit: 1.8}
	flatPeak         = check{label: "peak ≤ 1.1 × the 200 k peak", against: "poverty summary, small", peak: true, limit: 1.1}
	flatPeakVillages = check{label: "peak ≤ 1.1 × 200 k in the same villages", against: "200 k in 20,000 villages", peak: true, limit: 1.1}
	flatPeakShuffled = check{label: "peak ≤ 1.1 × 200 k in the same villages, shuffled", against: "200 k in 20,000 villages, shuffled", peak: true, limit: 1.1}
	linearTime       = check{label: "≤ 4.4 × the 2 M (sorted) time", against: "poverty summary", limit: 4.4}
	linearShuffled   = check{label: "≤ 4.4 × the 2 M shuffled time", against: "poverty summary, 2 M shuffled", limit: 4.4}
	linearVillages   = check{label: "≤ 4.4 × 2 M in the same villages, shuffled", against: "2 M in 20,000 villages, shuffled", limit: 4.4}
	errorTime        = check{label: "≤ 1.5 × the clean 8 M time", against: "poverty summary, 8 M", limit: 1.5}
	errorMemory      = check{label: "peak ≤ 64 MB", peak: true, limit: 64}
)

func (p *plan) scenarios() []scenario {
	hh, small := p.files["households"], p.files["smallHouseholds"]
	summary := func(file string) []string { return []string{"poverty", file, "--line", "3335", "-q"} }
	list := []scenario{
		{name: "floor, 2 M", floor: hh, rows: p.households, target: "the least work: 2 goroutines, no checks"},
		{name: "poverty summary", args: summary(hh), rows: p.households, target: "0.5 s, 40 MB", checks: []check{nearFloor}},
		{name: "poverty summary, stdin", args: []string{"poverty", "--line", "3335", "-q"}, stdin: hh, rows: p.households, target: "0.8 s"},
		{name: "poverty --households", args: append(summary(hh), "--households", "--format", "csv"), rows: p.households, target: "2 s"},
		{name: "dividend --by members", args: []string{"dividend", hh, "--pools", p.files["pools"], "--group-col", "village", "--by", "members", "--format", "csv", "-q"}, rows: p.households, target: "2 s"},
		{name: "growth by enterprise", args: []string{"growth", p.files["series"], "--group-col", "enterprise", "--format", "csv", "-q"}, rows: p.enterprises * p.months, target: "3 s"},
		{name: "poverty summary, small", args: summary(small), rows: p.smallHouseholds, target: "peak within 10% of the 2 M run's", checks: []check{{label: "peak ≤ 1.1 × the 2 M peak", against: "poverty summary", peak: true, limit: 1.1}}},
	}
	if !p.large {
		return list
	}
	large := p.files["large"]
	return append(list,
		scenario{name: "floor, 8 M", floor: large, rows: p.largeHouseholds, target: "the least work"},
		scenario{name: "200 k in 20,000 villages", args: summary(p.files["smallLargeVillages"]), rows: p.smallHouseholds, target: "the 8 M run's villages"},
		scenario{name: "200 k in 20,000 villages, shuffled", args: summary(p.files["smallLargeVillagesShuffled"]), rows: p.smallHouseholds, target: "the 8 M run's villages"},
		scenario{name: "poverty summary, 2 M shuffled", args: summary(p.files["householdsShuffled"]), rows: p.households, target: "the 2 M run, shuffled"},
		scenario{name: "2 M in 20,000 villages, shuffled", args: summary(p.files["householdsLargeVillagesShuffled"]), rows: p.households, target: "the 8 M run's villages"},
		scenario{name: "poverty summary, 8 M", args: summary(large), rows: p.largeHouseholds, target: "flat peak, linear time",
			checks: []check{flatPeak, flatPeakVillages, linearTime, {label: "≤ 1.8 × the floor", against: "floor, 8 M", limit: 1.8}}},
		scenario{name: "poverty summary, 8 M shuffled", args: summary(p.files["largeShuffled"]), rows: p.largeHouseholds, target: "flat peak, linear time",
			checks: []check{flatPeak, flatPeakShuffled, linearTime, linearShuffled, linearVillages}},
		scenario{name: "8 M, repeated id on the last line", args: summary(p.files["largeDuplicate"]), rows: p.largeHouseholds, target: "the error, at clean-run speed",
			wantError: fmt.Sprintf("%s:%d: column \"household_id\": duplicate household", filepath.Base(p.files["largeDuplicate"]), p.largeHouseholds+1),
			checks:    []check{errorTime, errorMemory}},
		scenario{name: fmt.Sprintf("8 M, bad number at row %s", thousands(int64(p.badRow))), args: summary(p.files["largeBadNumber"]), rows: p.largeHouseholds, target: "the error, at clean-run speed",
			wantError: fmt.Sprintf("%s:%d: column \"wage_income\"", filepath.Base(p.files["largeBadNumber"]), p.badRow+1),
			checks:    []check{errorTime, errorMemory}},
	)
}

// skip marks the scenarios whose command is name as not run, saying why.
func skip(scenarios []scenario, name, why string) []scenario {
	for i := range scenarios {
		if len(scenarios[i].args) > 0 && scenarios[i].args[0] == name {
			scenarios[i].skipped = why
		}
	}
	return scenarios
}

// commandExists reports whether econcalc knows the subcommand.
func commandExists(econcalc, name string) bool {
	return exec.Command(econcalc, name, "--help").Run() == nil
}

// commandLine is the scenario as a user would type it, with bare file names.
func (s scenario) commandLine() string {
	if s.floor != "" {
		return "floor " + filepath.Base(s.floor) + " (cmd/benchrun/floor.go, in process)"
	}
	words := []string{"econcalc"}
	for _, a := range s.args {
		if filepath.IsAbs(a) {
			a = filepath.Base(a)
		}
		words = append(words, a)
	}
	line := strings.Join(words, " ")
	if s.stdin != "" {
		line = "cat " + filepath.Base(s.stdin) + " | " + line
	}
	return line
}

type result struct {
	scenario
	wall   time.Duration
	peakKB int64 // maximum resident set of the fastest run, KiB
	err    error
}

// measure runs the scenario c.runs times and keeps the fastest run.
func measure(c config, s scenario) result {
	best := result{scenario: s}
	for i := 0; i < c.runs; i++ {
		wall, peak, err := runOnce(c.econcalc, s)
		if err != nil {
			best.err = err
			return best
		}
		if i == 0 || wall < best.wall {
			best.wall, best.peakKB = wall, peak
		}
	}
	return best
}

// runOnce runs econcalc with its output discarded and returns the wall time
// from start to exit and the child's peak resident memory.
func runOnce(econcalc string, s scenario) (time.Duration, int64, error) {
	if s.floor != "" {
		runtime.GC() // the garbage of earlier runs is not the floor's
		start := time.Now()
		_, err := floorSummary(s.floor)
		return time.Since(start), 0, err
	}
	devnull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		return 0, 0, err
	}
	defer devnull.Close()
	cmd := exec.Command(econcalc, s.args...)
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = devnull, &stderr
	if s.stdin != "" {
		f, err := os.Open(s.stdin)
		if err != nil {
			return 0, 0, err
		}
		defer f.Close()
		// Hidden behind a plain io.Reader, the file reaches the child through a
		// pipe that this process fills, as cat would, rather than as a seekable
		// descriptor.
		cmd.Stdin = struct{ io.Reader }{f}
	}
	start := time.Now()
	err = cmd.Run()
	wall := time.Since(start)
	if s.wantError != "" {
		// The spoiled file must fail with exit status 1, naming its line.
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != 1 || !strings.Contains(stderr.String(), s.wantError) {
			return 0, 0, fmt.Errorf("%s: want exit status 1 and an error containing %q, got %v: %s",
				s.commandLine(), s.wantError, err, strings.TrimSpace(stderr.String()))
		}
	} else if err != nil {
		return 0, 0, fmt.Errorf("%s: %v: %s", s.commandLine(), err, strings.TrimSpace(stderr.String()))
	}
	usage, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		return wall, 0, errors.New("no resource usage on this system")
	}
	return wall, int64(usage.Maxrss), nil // KiB on Linux
}
