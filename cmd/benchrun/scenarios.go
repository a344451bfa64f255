package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// scenario is one timed econcalc invocation.
type scenario struct {
	name    string
	args    []string // after the binary
	stdin   string   // a file piped to standard input, as cat FILE | econcalc would
	rows    int
	target  string
	skipped string // why it did not run
	// flatAgainst names the scenario whose peak memory this one should stay
	// within 10% of.
	flatAgainst string
}

func (p *plan) scenarios() []scenario {
	hh, small := p.files["households"], p.files["smallHouseholds"]
	summary := func(file string) []string { return []string{"poverty", file, "--line", "3335", "-q"} }
	return []scenario{
		{name: "poverty summary", args: summary(hh), rows: p.households, target: "0.5 s, 40 MB"},
		{name: "poverty summary, stdin", args: []string{"poverty", "--line", "3335", "-q"}, stdin: hh, rows: p.households, target: "0.8 s"},
		{name: "poverty --households", args: append(summary(hh), "--households", "--format", "csv"), rows: p.households, target: "2 s"},
		{name: "dividend --by members", args: []string{"dividend", hh, "--pools", p.files["pools"], "--group-col", "village", "--by", "members", "--format", "csv", "-q"}, rows: p.households, target: "2 s"},
		{name: "growth by enterprise", args: []string{"growth", p.files["series"], "--group-col", "enterprise", "--format", "csv", "-q"}, rows: p.enterprises * p.months, target: "3 s"},
		{name: "poverty summary, small", args: summary(small), rows: p.smallHouseholds, target: "peak within 10% of the first row's", flatAgainst: "poverty summary"},
	}
}

// skip marks the scenarios whose command is name as not run, saying why.
func skip(scenarios []scenario, name, why string) []scenario {
	for i := range scenarios {
		if scenarios[i].args[0] == name {
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
	if err != nil {
		return 0, 0, fmt.Errorf("%s: %v: %s", s.commandLine(), err, strings.TrimSpace(stderr.String()))
	}
	usage, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		return wall, 0, errors.New("no resource usage on this system")
	}
	return wall, int64(usage.Maxrss), nil // KiB on Linux
}
