package main

import (
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"econcalc/cmd/gendata/gen"
)

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

// input is a generated file: its role, what it holds, and its file name.
type input struct {
	role string
	opts gen.Options
	name string
}

// inputs are the files the scenarios read, in the order they are generated.
// With --large they include the 8 M registry and, so that its peak is
// compared with a small run's on the same villages, 200 k households in
// its 20,000 villages, and 2 M in them too: a summary holds a tally and
// prints a row for each village, so its memory follows the villages, and
// with ids shuffled so does its time (more villages miss the cache more
// often), and only the rows may vary for memory to be called flat in them
// and time linear.
func (p *plan) inputs() []input {
	named := func(role string, opts gen.Options) input {
		return input{role, opts, fmt.Sprintf("%s-%d.csv", opts.Kind, max(opts.Rows, opts.Groups))}
	}
	list := []input{
		named("households", gen.Options{Kind: "households", Rows: p.households, Groups: p.villages}),
		named("smallHouseholds", gen.Options{Kind: "households", Rows: p.smallHouseholds, Groups: p.villages}),
		named("pools", gen.Options{Kind: "pools", Groups: p.villages}),
		named("series", gen.Options{Kind: "series", Rows: p.enterprises * p.months, Groups: p.enterprises}),
	}
	if p.large {
		list = append(list,
			named("large", gen.Options{Kind: "households", Rows: p.largeHouseholds, Groups: p.largeVillages}),
			p.inVillages("smallLargeVillages", p.smallHouseholds, p.largeVillages),
			p.inVillages("householdsLargeVillages", p.households, p.largeVillages))
	}
	return list
}

// inVillages is a registry of rows households in villages villages.
func (p *plan) inVillages(role string, rows, villages int) input {
	return input{role, gen.Options{Kind: "households", Rows: rows, Groups: villages},
		fmt.Sprintf("households-%d-in-%d-villages.csv", rows, villages)}
}

// variant is a copy of a generated file: shuffled or spoiled.
type variant struct {
	role, name, from, suffix string // name is writeVariant's, from the role copied
}

// variants are the spoiled and shuffled copies of the large registry, and
// the shuffled copies of the files its shuffled copy is compared with.
func (p *plan) variants() []variant {
	return []variant{
		{"largeShuffled", "shuffled", "large", "shuffled"},
		{"largeDuplicate", "repeat-last", "large", "repeat-last"},
		{"largeBadNumber", "bad-number", "large", fmt.Sprintf("bad-%d", p.badRow)},
		{"householdsShuffled", "shuffled", "households", "shuffled"},
		{"smallLargeVillagesShuffled", "shuffled", "smallLargeVillages", "shuffled"},
		{"householdsLargeVillagesShuffled", "shuffled", "householdsLargeVillages", "shuffled"},
	}
}

// generate writes every input, then, with --large, the variants, and
// flushes them to disk: the kernel writing a gigabyte back while the runs
// are timed would slow them on a 2-core machine.
func (p *plan) generate(c config, stderr io.Writer) error {
	for _, in := range p.inputs() {
		in.opts.Seed = c.seed
		path := filepath.Join(c.dir, in.name)
		start := time.Now()
		if err := gen.WriteFile(path, in.opts); err != nil {
			return err
		}
		if st, err := os.Stat(path); err == nil {
			fmt.Fprintf(stderr, "generated %s (%.1f MB) in %.1f s\n", path, float64(st.Size())/(1<<20), time.Since(start).Seconds())
		}
		p.files[in.role] = path
	}
	if p.large {
		for _, v := range p.variants() {
			src := p.files[v.from]
			dst := strings.TrimSuffix(src, ".csv") + "-" + v.suffix + ".csv"
			start := time.Now()
			if err := writeVariantInChild(v.name, src, dst, c.seed, p.badRow); err != nil {
				return err
			}
			fmt.Fprintf(stderr, "wrote %s in %.1f s\n", dst, time.Since(start).Seconds())
			p.files[v.role] = dst
		}
	}
	syscall.Sync()
	return nil
}
