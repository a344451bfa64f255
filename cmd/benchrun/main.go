// Command benchrun is the end-to-end benchmark of issues 7 and 17: it
// generates the reference inputs with cmd/gendata's generator, runs each
// scenario with an already built econcalc several times, and prints a
// markdown table of the fastest run's wall time, rows per second and peak
// resident memory next to the target, with the ratios the targets
// are stated in. The yardstick is the floor program (floor.go), timed in
// the same run. It never fails on a missed target, only on a command that
// fails (or, for a spoiled input, that does not fail as it should).
//
// With --large it adds registries of 8 M households (about 430 MB each,
// four of them in --dir): sorted ids as generated, the same lines shuffled,
// a repeated id on the last line and a bad number at row 7 M.
//
//	go build -o bin/econcalc ./cmd/econcalc && go run ./cmd/benchrun
//	go run ./cmd/benchrun --scale 0.01 --runs 1   # a quick look
//	go run ./cmd/benchrun --large --dir /tmp/benchdata
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"
)

func main() {
	if len(os.Args) > 1 && os.Args[1] == variantFlag {
		if err := writeVariant(os.Args[2:]); err != nil {
			fmt.Fprintln(os.Stderr, "benchrun:", err)
			os.Exit(1)
		}
		return
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

type config struct {
	econcalc string
	dir      string
	runs     int
	scale    float64
	seed     uint64
	large    bool
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("benchrun", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c config
	fs.StringVar(&c.econcalc, "econcalc", "bin/econcalc", "the econcalc binary to measure (built beforehand)")
	fs.StringVar(&c.dir, "dir", "", "where to write the generated inputs, kept afterwards (default: a temporary directory, removed)")
	fs.IntVar(&c.runs, "runs", 3, "runs per scenario; the fastest is reported")
	fs.Float64Var(&c.scale, "scale", 1, "multiply every row, village and enterprise count by this (months stay 200)")
	fs.Uint64Var(&c.seed, "seed", 1, "generator seed (and the shuffle's)")
	fs.BoolVar(&c.large, "large", false, "add the 8 M-household scenarios: sorted, shuffled, a repeated id, a bad number (about 1.7 GB of files, a few minutes more)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 || c.runs < 1 || !(c.scale > 0) {
		fmt.Fprintln(stderr, "benchrun: takes only flags, with --runs ≥ 1 and --scale > 0")
		return 2
	}
	if _, err := os.Stat(c.econcalc); err != nil {
		fmt.Fprintf(stderr, "benchrun: %v (build it first: go build -o bin/econcalc ./cmd/econcalc)\n", err)
		return 1
	}
	if c.dir == "" {
		dir, err := os.MkdirTemp("", "econcalc-bench-*")
		if err != nil {
			fmt.Fprintln(stderr, "benchrun:", err)
			return 1
		}
		defer os.RemoveAll(dir)
		c.dir = dir
	} else if err := os.MkdirAll(c.dir, 0o755); err != nil {
		fmt.Fprintln(stderr, "benchrun:", err)
		return 1
	}

	plan := newPlan(c.scale, c.large)
	if err := plan.generate(c, stderr); err != nil {
		fmt.Fprintln(stderr, "benchrun:", err)
		return 1
	}
	scenarios := plan.scenarios()
	if !commandExists(c.econcalc, "dividend") {
		scenarios = skip(scenarios, "dividend", "econcalc dividend --help failed: no dividend command in this build")
	}
	results := make([]result, len(scenarios))
	failed := false
	for i, s := range scenarios {
		if s.skipped != "" {
			results[i] = result{scenario: s}
			continue
		}
		fmt.Fprintf(stderr, "running %s (%d×)\n", s.name, c.runs)
		results[i] = measure(c, s)
		if results[i].err != nil {
			failed = true
			fmt.Fprintf(stderr, "benchrun: %s: %v\n", s.name, results[i].err)
		}
	}
	fmt.Fprintf(stdout, "econcalc end to end: %s, %d CPUs, %s/%s, --scale %g, fastest of %d runs\n\n",
		c.econcalc, runtime.NumCPU(), runtime.GOOS, runtime.GOARCH, c.scale, c.runs)
	writeTable(stdout, results)
	if kb := ownPeakKB(); kb > 0 {
		fmt.Fprintf(stdout, "\nLinux counts a parent's peak memory at exec in its child's: no peak above reads below benchrun's own, %.1f MB.\n", float64(kb)/1024)
	}
	if c.scale != 1 {
		fmt.Fprintln(stdout, "\nThe targets are the issue's, for --scale 1 on a 2-core machine.")
	}
	for _, r := range results {
		if r.skipped != "" {
			fmt.Fprintf(stdout, "\nSkipped %s: %s.\n", r.name, r.skipped)
		}
	}
	if failed {
		return 1
	}
	return 0
}

// ownPeakKB is this process's peak resident memory (VmHWM) in KiB, or 0
// where /proc does not say.
func ownPeakKB() int64 {
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(status), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(rest, "kB")), 10, 64)
			return kb
		}
	}
	return 0
}
