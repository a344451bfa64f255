package main

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"econcalc/calc"
	"econcalc/cmd/internal/input"
	"econcalc/cmd/internal/report"

	"github.com/shopspring/decimal"
)

// TestMayBeLabelPassesOnlyDataLabels: a cell mayBeLabel passes over is one
// that kindOf, given it trimmed as Row.Cell trims, takes for data; tried
// on every first two bytes with tails that make labels, and on every label
// padded with spaces.
func TestMayBeLabelPassesOnlyDataLabels(t *testing.T) {
	tails := []string{"", "x", "计", "otal", "ll", "um", "\x80\xa8计", "\x90\x88计", "\x85\xa8部", "\x80\xbb计", "\xb0\x8f计", "\xb6中：六大战役", "  ", "\u3000",
		"村小计", "村合计", "合计（户）", "合计：", " total", "（区）", "计 ", "计\u3000"}
	for b0 := range 256 {
		for b1 := range 256 {
			for _, tail := range tails {
				cell := append([]byte{byte(b0), byte(b1)}, tail...)
				if !mayBeLabel(cell) && kindOf(bytes.TrimSpace(cell)) != dataRow {
					t.Fatalf("%q: passed over, but kindOf takes it for a label", cell)
				}
			}
		}
	}
	for _, label := range []string{"合计", "总计", "全部", "总体", "全县", "全区", "全市", "total", "All", "SUM", "小计", "subtotal", "sub-total", "合　计", "其中：六大战役",
		"全区合计", "罗建村小计", "合计（户）", "合计：", "Grand total", "全县（区）"} {
		for _, pad := range []string{"", " ", "\t", "\u3000", "\u00a0", "\u2003"} {
			if cell := []byte(pad + label + pad); !mayBeLabel(cell) {
				t.Errorf("%q: passed over, but it is a label", cell)
			}
		}
	}
}

// TestDividendSmallWeightsAsTheMap: counting and paying the small whole
// weights by slice (smallWeight) writes what the general path, every class
// in a map, writes: on small random inputs read in order, and on inputs
// read in parallel parts, whose groups run across the parts' borders;
// weights small and not (2 and 2.0, 15 and 16, a column of many values),
// equal weights, one pool or one per group, --summary and --share-rounding.
func TestDividendSmallWeightsAsTheMap(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 31))
	dir := t.TempDir()
	for trial := range 300 {
		checkSmallWeights(t, rng, dir, trial, 1+rng.IntN(60))
	}
	if testing.Short() {
		return
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	for trial := range 2 {
		checkSmallWeights(t, rng, dir, 1000+trial, 300_000)
	}
}

func checkSmallWeights(t *testing.T, rng *rand.Rand, dir string, trial, n int) {
	t.Helper()
	groups := []string{"罗建村", "金台村", "东冲村", "A", "合作社"}[:1+rng.IntN(5)]
	weights := []string{"0", "1", "2", "2.0", "3", "7", "15", "16", "17", "2.5", "0.125", "123456789012345678"}
	many := rng.IntN(3) == 0 // a column of amounts: many values, a few small
	together := rng.IntN(2) == 0
	var in bytes.Buffer
	in.WriteString("household_id,village,share\n")
	seen := map[string]bool{}
	for i := range n {
		g := groups[rng.IntN(len(groups))]
		if together {
			g = groups[i*len(groups)/n]
		}
		w := weights[rng.IntN(len(weights))]
		if many {
			w = fmt.Sprint(rng.IntN(40_000))
		}
		if !seen[g] && w == "0" {
			w = "1" // a pool with no weight is an error, tested apart
		}
		seen[g] = true
		fmt.Fprintf(&in, "43110300%012d,%s,%s\n", i, g, w)
	}
	households := filepath.Join(dir, fmt.Sprintf("w%d.csv", trial))
	if err := os.WriteFile(households, in.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"econcalc", "dividend", households, "--group-col", "village", "-o", []string{"csv", "tsv", "json"}[rng.IntN(3)]}
	if rng.IntN(4) > 0 {
		args = append(args, "--by", "share")
	}
	if rng.IntN(2) == 0 {
		args = append(args, "--pool", fmt.Sprint(rng.IntN(10_000_000)))
	} else {
		var pf bytes.Buffer
		pf.WriteString("village,pool\n")
		for _, g := range groups {
			if seen[g] {
				fmt.Fprintf(&pf, "%s,%d.%02d\n", g, rng.IntN(10_000_000), rng.IntN(100))
			}
		}
		pools := filepath.Join(dir, fmt.Sprintf("q%d.csv", trial))
		if err := os.WriteFile(pools, pf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, "--pools", pools)
	}
	switch rng.IntN(3) {
	case 0:
		args = append(args, "--summary")
	case 1:
		args = append(args, "--share-rounding", "largest-remainder")
	}
	fast := runDividendOut(t, args)
	defer func(n int) { smallWeights = n }(smallWeights)
	smallWeights = 0
	if general := runDividendOut(t, args); fast != general {
		t.Fatalf("trial %d %v: small weights by slice write\n%.2000s\nthe map writes\n%.2000s", trial, args[3:], fast, general)
	}
}

func runDividendOut(t *testing.T, args []string) string {
	t.Helper()
	var out, errb bytes.Buffer
	if st := run(args, strings.NewReader(""), &out, &errb); st != 0 {
		t.Fatalf("%v: status %d: %s", args, st, errb.String())
	}
	return out.String() + errb.String()
}

// TestDividendPassesOverLabelledRowsInParts: the second pass looks at the
// labels only in the parts where the first met total or subtotal rows;
// subtotal rows (passed over with --ignore-subtotals) in the later parts of
// an input read in parallel change nothing that is written.
func TestDividendPassesOverLabelledRowsInParts(t *testing.T) {
	if testing.Short() {
		t.Skip("reads a 9 MB input")
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	rng := rand.New(rand.NewPCG(5, 5))
	dir := t.TempDir()
	const n = 300_000
	var plain, labelled bytes.Buffer
	for _, b := range []*bytes.Buffer{&plain, &labelled} {
		b.WriteString("household_id,village,members\n")
	}
	for i := range n {
		row := fmt.Sprintf("43110300%012d,%s,%d\n", i, []string{"金台村", "罗建村"}[i*2/n], 1+rng.IntN(6))
		plain.WriteString(row)
		labelled.WriteString(row)
		// A label in the id column, of a group that has households: were
		// it missed, it would be paid. (A group named 小计 would send the
		// pass back to the in-order reader.)
		if i == n*3/4 || i == n*9/10 {
			labelled.WriteString("小计,罗建村,9\n")
		}
	}
	var out [2]string
	for k, b := range []*bytes.Buffer{&plain, &labelled} {
		file := filepath.Join(dir, fmt.Sprintf("l%d.csv", k))
		if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		var stdout, stderr bytes.Buffer
		args := []string{"econcalc", "dividend", file, "--group-col", "village", "--by", "members", "--pool", "98765.43", "--ignore-subtotals", "-o", "csv"}
		if st := run(args, strings.NewReader(""), &stdout, &stderr); st != 0 {
			t.Fatalf("%v: status %d: %s", args, st, stderr.String())
		}
		out[k] = stdout.String()
	}
	if out[0] != out[1] {
		t.Fatalf("with subtotal rows in the later parts, dividend writes another output (%d bytes, %d without them)", len(out[1]), len(out[0]))
	}
}

// TestShareCellIsPercentCell: a household's share_pct rendered from its
// weight as it is (shareCells) is the PercentCell of the decimals, on
// random weights in fixed point and beyond it, half up and half even, to
// the column's places and to --decimals.
func TestShareCellIsPercentCell(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 12))
	weights := []string{"0", "1", "2", "7", "2.5", "2.50", "0.125", "0.000001", "159.47", "10600", "123456789012345678", "3.14159265358979"}
	for _, opts := range []report.Options{{Format: "csv"}, {Format: "csv", HalfEven: true}, {Format: "csv", Decimals: 4, DecimalsGiven: true}} {
		rows := opts.NewReport([]report.Column{dividendShareColumn})
		for range 5000 {
			w, _, err := input.ParseNumber(weights[rng.IntN(len(weights))], false)
			if err != nil {
				t.Fatal(err)
			}
			weight := calc.DecimalNum(w)
			if places := -w.Exponent(); places <= calc.FixedScale && w.Abs().Cmp(decimal.New(1, 12)) < 0 && rng.IntN(2) == 0 {
				weight = calc.FixedNum(w.Shift(calc.FixedScale).IntPart(), int(max(places, 0))) // as Row.Amount reads it
			}
			total := w.Add(decimal.New(rng.Int64N(1<<40), -int32(rng.IntN(8))))
			g := &payGroup{weight: total, weightNum: calc.DecimalNum(total)}
			var c payClass
			c.shareCells(rows, 0, g, weight)
			if want := rows.Render(dividendShareColumn, report.PercentCell(w, total)); c.shareCell != want {
				t.Fatalf("%+v: %s of %s: share_pct %+v, PercentCell %+v", opts, w, total, c.shareCell, want)
			}
		}
	}
}
