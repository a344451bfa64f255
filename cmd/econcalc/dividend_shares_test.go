package main

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"

	"econcalc/calc"

	"github.com/shopspring/decimal"
)

// TestDividendSharesToHundred: with --share-rounding largest-remainder,
// each pool's households' share_pct, streamed in two passes, are what
// calc.SharesToHundred gives the pool's weights in input order, and add to
// exactly 100; with --pool over groups, so do the groups' total rows.
func TestDividendSharesToHundred(t *testing.T) {
	rng := rand.New(rand.NewPCG(20, 20))
	dir := t.TempDir()
	defer func(max int) { maxTallyClasses = max }(maxTallyClasses)
	for trial := range 300 {
		maxTallyClasses = []int{1 << 16, 2}[trial%2] // loose weights too
		checkDividendShares(t, rng, dir, trial, 1+rng.IntN(40))
	}
}

// TestDividendSharesInParallelParts: ties at a pool's cut of 100 run
// across the parallel parts' borders.
func TestDividendSharesInParallelParts(t *testing.T) {
	if testing.Short() {
		t.Skip("reads a 9 MB input")
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	rng := rand.New(rand.NewPCG(20, 21))
	dir := t.TempDir()
	for trial := range 2 {
		checkDividendShares(t, rng, dir, trial, 260_000)
	}
}

func checkDividendShares(t *testing.T, rng *rand.Rand, dir string, trial, n int) {
	t.Helper()
	groups := []string{"罗建村", "金台村", "东冲村"}[:1+rng.IntN(3)]
	weights := []string{"0", "1", "2", "3", "2.5", "7", "0.125"}
	large := n > 1000
	if large {
		// One pool of 10000 hundredths over some 273000 weights: every
		// floor is 0, and the first 10000 of the one in twenty households
		// of weight 2 (remainder 20000, against 10000 for a weight of 1)
		// get 0.01: they run through three quarters of the file, across
		// the parts' borders.
		weights = []string{"1", "1", "1", "1", "1", "1", "1", "1", "1", "1", "1", "1", "1", "1", "1", "1", "1", "1", "1", "2"}
	}
	type household struct{ group, weight string }
	hs := make([]household, n)
	first := map[string]bool{}
	var in bytes.Buffer
	in.WriteString("household_id,village,share\n")
	for i := range hs {
		hs[i] = household{groups[i*len(groups)/n], weights[rng.IntN(len(weights))]}
		if !first[hs[i].group] && hs[i].weight == "0" {
			hs[i].weight = "1" // a pool with no weight is an error, tested apart
		}
		first[hs[i].group] = true
		fmt.Fprintf(&in, "43110300%012d,%s,%s\n", i, hs[i].group, hs[i].weight)
	}
	file := filepath.Join(dir, fmt.Sprintf("s%d.csv", trial))
	if err := os.WriteFile(file, in.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	places := int32(rng.IntN(3))
	onePool := rng.IntN(2) == 0
	if large {
		places, onePool = 2, true
	}
	args := []string{"econcalc", "dividend", file, "--group-col", "village", "--by", "share",
		"--share-rounding", "largest-remainder", "--decimals", strconv.Itoa(int(places)), "-o", "csv"}
	if onePool {
		args = append(args, "--pool", "1000")
	} else {
		var pools bytes.Buffer
		pools.WriteString("village,pool\n")
		for _, g := range groups[:min(len(groups), n)] {
			fmt.Fprintf(&pools, "%s,1000\n", g)
		}
		name := filepath.Join(dir, fmt.Sprintf("p%d.csv", trial))
		if err := os.WriteFile(name, pools.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, "--pools", name)
	}
	rows := runDividendCSV(t, args)
	// The pools' households, in input order, and the shares printed.
	members := map[string][]int{}
	for i, h := range hs {
		pool := h.group
		if onePool {
			pool = ""
		}
		members[pool] = append(members[pool], i)
	}
	for pool, idx := range members {
		parts := make([]decimal.Decimal, len(idx))
		for k, i := range idx {
			parts[k] = decimal.RequireFromString(hs[i].weight)
		}
		want, err := calc.SharesToHundred(parts, places)
		if err != nil {
			t.Fatal(err)
		}
		sum := decimal.Zero
		for k, i := range idx {
			got := rows[1+i][3]
			if got != want[k].StringFixed(places) {
				t.Fatalf("trial %d %v: household %d (%v): share %s, want %s", trial, args[3:], i, hs[i], got, want[k].StringFixed(places))
			}
			sum = sum.Add(decimal.RequireFromString(got))
		}
		if !sum.Equal(decimal.NewFromInt(100)) {
			t.Fatalf("trial %d: pool %q: shares add to %s", trial, pool, sum)
		}
	}
	if onePool && len(first) > 1 {
		sum := decimal.Zero
		for _, row := range rows[1+n : len(rows)-1] { // the groups' total rows
			sum = sum.Add(decimal.RequireFromString(row[3]))
		}
		if !sum.Equal(decimal.NewFromInt(100)) {
			t.Fatalf("trial %d: the groups' shares add to %s: %v", trial, sum, rows[1+n:])
		}
	}
}
