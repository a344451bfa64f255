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
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	"econcalc/cmd/gendata/gen"
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

// plan holds the sizes of the generated inputs and their paths.
type plan struct {
	households, smallHouseholds, villages int
	enterprises, months                   int
	large                                 bool
	largeHouseholds, largeVillages        int
	badRow                                int               // the data row of the large file given a bad number
	files                                 map[string]string // role → path
}

func newPlan(scale float64, large bool) *plan {
	scaled := func(n int) int { return max(1, int(math.Round(float64(n)*scale))) }
	return &plan{
		households:      scaled(2_000_000),
		smallHouseholds: scaled(200_000),
		villages:        scaled(5_000),
		enterprises:     scaled(5_000),
		months:          200, // enough years for year-on-year and two-year rates at any scale
		large:           large,
		largeHouseholds: max(2, scaled(8_000_000)),
		largeVillages:   scaled(20_000), // 400 households a village, as in the 2 M file
		badRow:          max(1, scaled(7_000_000)),
		files:           map[string]string{},
	}
}

// inputs are the files the scenarios read, in the order they are generated.
func (p *plan) inputs() []struct {
	role string
	opts gen.Options
} {
	return []struct {
		role string
		opts gen.Options
	}{
		{"households", gen.Options{Kind: "households", Rows: p.households, Groups: p.villages}},
		{"smallHouseholds", gen.Options{Kind: "households", Rows: p.smallHouseholds, Groups: p.villages}},
		{"pools", gen.Options{Kind: "pools", Groups: p.villages}},
		{"series", gen.Options{Kind: "series", Rows: p.enterprises * p.months, Groups: p.enterprises}},
	}
}

// variants are the spoiled and shuffled copies of the large registry: each
// variant's role, its name for writeVariant, and its file name's suffix.
func (p *plan) variants() []struct{ role, name, suffix string } {
	return []struct{ role, name, suffix string }{
		{"largeShuffled", "shuffled", "shuffled"},
		{"largeDuplicate", "repeat-last", "repeat-last"},
		{"largeBadNumber", "bad-number", fmt.Sprintf("bad-%d", p.badRow)},
	}
}

func (p *plan) generate(c config, stderr io.Writer) error {
	inputs := p.inputs()
	if p.large {
		inputs = append(inputs, struct {
			role string
			opts gen.Options
		}{"large", gen.Options{Kind: "households", Rows: p.largeHouseholds, Groups: p.largeVillages}})
	}
	for _, in := range inputs {
		in.opts.Seed = c.seed
		path := filepath.Join(c.dir, fmt.Sprintf("%s-%d.csv", in.opts.Kind, max(in.opts.Rows, in.opts.Groups)))
		start := time.Now()
		if err := gen.WriteFile(path, in.opts); err != nil {
			return err
		}
		if st, err := os.Stat(path); err == nil {
			fmt.Fprintf(stderr, "generated %s (%.1f MB) in %.1f s\n", path, float64(st.Size())/(1<<20), time.Since(start).Seconds())
		}
		p.files[in.role] = path
	}
	if !p.large {
		return nil
	}
	for _, v := range p.variants() {
		src := p.files["large"]
		dst := strings.TrimSuffix(src, ".csv") + "-" + v.suffix + ".csv"
		start := time.Now()
		if err := writeVariantInChild(v.name, src, dst, c.seed, p.badRow); err != nil {
			return err
		}
		fmt.Fprintf(stderr, "wrote %s in %.1f s\n", dst, time.Since(start).Seconds())
		p.files[v.role] = dst
	}
	return nil
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
