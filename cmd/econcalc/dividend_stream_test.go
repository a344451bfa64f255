package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"math/big"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// referenceHousehold is one household of a random input, as the reference
// allocation sees it.
type referenceHousehold struct {
	id, group, weight string
}

// referenceDividends is the largest-remainder allocation done the plain
// way, in rationals and with every household in memory: each pool (one per
// group, or one over all when groups is nil), less what is retained
// (rounded down to the unit), is split by exact share rounded down to the
// unit; the units left go one each to the largest remainders, ties to the
// earlier household. It returns each household's amount, or false when a
// pool has no weight.
func referenceDividends(hs []referenceHousehold, pools map[string]*big.Rat, unit, retain *big.Rat) ([]*big.Rat, bool) {
	byPool := map[string][]int{}
	var order []string
	for i, h := range hs {
		p := h.group
		if len(pools) == 1 && pools[""] != nil {
			p = ""
		}
		if _, ok := byPool[p]; !ok {
			order = append(order, p)
		}
		byPool[p] = append(byPool[p], i)
	}
	amounts := make([]*big.Rat, len(hs))
	for _, p := range order {
		members := byPool[p]
		pool := pools[p]
		kept := new(big.Rat).Quo(new(big.Rat).Mul(pool, retain), new(big.Rat).Mul(big.NewRat(100, 1), unit))
		keptUnits := new(big.Int).Quo(kept.Num(), kept.Denom())
		units := new(big.Rat).Sub(new(big.Rat).Quo(pool, unit), new(big.Rat).SetInt(keptUnits)) // a whole number
		total := new(big.Rat)
		weights := make([]*big.Rat, len(members))
		for k, i := range members {
			weights[k], _ = new(big.Rat).SetString(hs[i].weight)
			total.Add(total, weights[k])
		}
		if total.Sign() == 0 {
			return nil, false
		}
		floors := make([]*big.Int, len(members))
		remainders := make([]*big.Rat, len(members))
		left := new(big.Int).Set(units.Num())
		for k := range members {
			exact := new(big.Rat).Quo(new(big.Rat).Mul(units, weights[k]), total)
			floors[k] = new(big.Int).Quo(exact.Num(), exact.Denom())
			remainders[k] = exact.Sub(exact, new(big.Rat).SetInt(floors[k]))
			left.Sub(left, floors[k])
		}
		ranked := make([]int, len(members))
		for k := range ranked {
			ranked[k] = k
		}
		slices.SortStableFunc(ranked, func(a, b int) int { return remainders[b].Cmp(remainders[a]) })
		for _, k := range ranked[:left.Int64()] {
			floors[k].Add(floors[k], big.NewInt(1))
		}
		for k, i := range members {
			amounts[i] = new(big.Rat).Mul(new(big.Rat).SetInt(floors[k]), unit)
		}
	}
	return amounts, true
}

// TestDividendStreamsAgainstReference: over thousands of small random
// inputs (groups listed together or interleaved; weights with zeros,
// repeats, decimals, weights beyond fixed point; equal weights; one pool or
// one per group; units of 0.01, 1 and 0.05; retained shares; households
// counted by class or listed one by one), every
// household's amount, and each group's least and most in --summary, are the
// reference allocation's.
func TestDividendStreamsAgainstReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 2))
	dir := t.TempDir()
	defer func(max, small int) { maxTallyClasses, smallWeights = max, small }(maxTallyClasses, smallWeights)
	for trial := range 2000 {
		// Half the trials list most households as loose weights, as a
		// column of many values would be; half count the small weights in
		// the maps, not by smallWeight (so a weight cell of one byte finds
		// a class kept there).
		maxTallyClasses = []int{1 << 16, 2}[trial%2]
		smallWeights = []int{16, 0}[trial/2%2]
		n := 1 + rng.IntN(30)
		checkRandomDividend(t, rng, dir, trial, n, false)
	}
}

// TestDividendStreamsInParallelParts: an input large enough to be read in
// parallel parts, with few weights and few large groups, so that ties at a
// pool's cut run across the parts' borders, is paid as the reference says.
func TestDividendStreamsInParallelParts(t *testing.T) {
	if testing.Short() {
		t.Skip("reads a 9 MB input")
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	rng := rand.New(rand.NewPCG(9, 9))
	dir := t.TempDir()
	for trial := range 3 {
		checkRandomDividend(t, rng, dir, trial, 260_000, true)
	}
}

func checkRandomDividend(t *testing.T, rng *rand.Rand, dir string, trial, n int, large bool) {
	t.Helper()
	units := []string{"0.01", "1", "0.05"}
	unitText := units[rng.IntN(len(units))]
	unit, _ := new(big.Rat).SetString(unitText)
	places := strings.IndexByte(unitText, '.')
	if places >= 0 {
		places = len(unitText) - places - 1
	} else {
		places = 0
	}
	retainText := []string{"0", "20", "33.3"}[rng.IntN(3)]
	retain, _ := new(big.Rat).SetString(retainText)
	groupNames := []string{"罗建村", "金台村", "东冲村", "A"}[:1+rng.IntN(4)]
	weightsSeen := []string{"0", "1", "2", "2", "3", "2.5", "2.50", "0.125", "7", "0.000001", "123456789012345678"}
	if large {
		weightsSeen = []string{"1", "2", "3", "2", "4"}
	}
	equal := rng.IntN(4) == 0
	together := rng.IntN(2) == 0
	hs := make([]referenceHousehold, n)
	for i := range hs {
		g := groupNames[rng.IntN(len(groupNames))]
		if together {
			g = groupNames[i*len(groupNames)/n]
		}
		hs[i] = referenceHousehold{id: fmt.Sprintf("43110300%012d", i), group: g, weight: weightsSeen[rng.IntN(len(weightsSeen))]}
		if equal {
			hs[i].weight = "1"
		}
	}
	// Every group has a weight: an all-zero pool is an error, tested apart.
	seen := map[string]bool{}
	for i := range hs {
		if !seen[hs[i].group] {
			seen[hs[i].group] = true
			if hs[i].weight == "0" {
				hs[i].weight = "1"
			}
		}
	}
	var in bytes.Buffer
	// A column after the ones dividend reads, which its second reading
	// does not split out (input.Source.Again).
	in.WriteString("household_id,village,share,备注\n")
	for i, h := range hs {
		fmt.Fprintf(&in, "%s,%s,%s,%s\n", h.id, h.group, h.weight, []string{"", "新识别", "2016年脱贫", "x"}[i%4])
	}
	households := filepath.Join(dir, fmt.Sprintf("h%d.csv", trial))
	if err := os.WriteFile(households, in.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"econcalc", "dividend", households, "--group-col", "village", "--unit", unitText, "--retain", retainText, "-o", "csv"}
	if !equal {
		args = append(args, "--by", "share")
	}
	pools := map[string]*big.Rat{}
	poolOf := func() (*big.Rat, string) {
		k := rng.Int64N(20_000_000)
		if large {
			k = rng.Int64N(1 << 40)
		}
		p := new(big.Rat).Mul(big.NewRat(k, 1), unit)
		return p, p.FloatString(places)
	}
	if rng.IntN(2) == 0 {
		p, text := poolOf()
		pools[""] = p
		args = append(args, "--pool", text)
	} else {
		var pf bytes.Buffer
		pf.WriteString("village,pool\n")
		for _, g := range groupNames {
			if seen[g] {
				p, text := poolOf()
				pools[g] = p
				fmt.Fprintf(&pf, "%s,%s\n", g, text)
			}
		}
		poolFile := filepath.Join(dir, fmt.Sprintf("p%d.csv", trial))
		if err := os.WriteFile(poolFile, pf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, "--pools", poolFile)
	}
	want, ok := referenceDividends(hs, pools, unit, retain)
	if !ok {
		t.Fatalf("trial %d: a pool without weight", trial)
	}
	rows := runDividendCSV(t, args)
	if len(rows) < n+1 {
		t.Fatalf("trial %d %v: %d rows for %d households", trial, args, len(rows), n)
	}
	sums := map[string]*big.Rat{"": new(big.Rat)} // each group's, and everyone's under ""
	for i, h := range hs {
		row := rows[1+i]
		if row[0] != h.id || row[1] != h.group || row[len(row)-1] != want[i].FloatString(places) {
			t.Fatalf("trial %d %v: household %d (%s, %s, weight %s): got %v, want %s", trial, args[3:], i, h.id, h.group, h.weight, row, want[i].FloatString(places))
		}
		if sums[h.group] == nil {
			sums[h.group] = new(big.Rat)
		}
		sums[h.group].Add(sums[h.group], want[i])
		sums[""].Add(sums[""], want[i])
	}
	// The total rows: what each group was paid, and everyone.
	if len(rows) != n+1+len(seen)+1 {
		t.Fatalf("trial %d %v: %d rows for %d households in %d groups", trial, args[3:], len(rows), n, len(seen))
	}
	for _, row := range rows[1+n:] {
		if row[0] != "total" || sums[row[1]] == nil || row[len(row)-1] != sums[row[1]].FloatString(places) {
			t.Fatalf("trial %d %v: total row %v, want %s", trial, args[3:], row, sums[row[1]].FloatString(places))
		}
	}
	// --summary: each group's least and most.
	summary := runDividendCSV(t, append(args, "--summary"))
	least, most := map[string]*big.Rat{}, map[string]*big.Rat{}
	for i, h := range hs {
		if least[h.group] == nil || want[i].Cmp(least[h.group]) < 0 {
			least[h.group] = want[i]
		}
		if most[h.group] == nil || want[i].Cmp(most[h.group]) > 0 {
			most[h.group] = want[i]
		}
	}
	for _, row := range summary[1:] {
		g := row[0]
		if g == "total" {
			continue
		}
		if row[6] != least[g].FloatString(places) || row[7] != most[g].FloatString(places) {
			t.Fatalf("trial %d %v: summary of %s: %v, want least %s most %s", trial, args[3:], g, row, least[g].FloatString(places), most[g].FloatString(places))
		}
	}
}

func runDividendCSV(t *testing.T, args []string) [][]string {
	t.Helper()
	var out, errb bytes.Buffer
	if st := run(args, strings.NewReader(""), &out, &errb); st != 0 {
		t.Fatalf("%v: status %d: %s", args, st, errb.String())
	}
	rows, err := csv.NewReader(&out).ReadAll()
	if err != nil {
		t.Fatalf("%v: %v", args, err)
	}
	return rows
}
