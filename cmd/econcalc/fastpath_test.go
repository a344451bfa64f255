package main

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"econcalc/calc"
	"github.com/shopspring/decimal"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// randomHouseholds writes a household registry with the awkward cases the
// fast path must get exactly right or hand over: amounts with more decimals
// than fixed point holds, amounts beyond its range, large households, empty
// and negative cells, CRLF line ends, Chinese names, blank lines and, when
// odd is set, quoted cells, duplicate ids and bad members.
func randomHouseholds(rng *rand.Rand, rows int, odd bool) string {
	var b strings.Builder
	b.WriteString("户编号,村,家庭人口,工资性收入,经营净收入,财产净收入,补贴,贷款\n")
	amount := func() string {
		switch rng.IntN(12) {
		case 0:
			return ""
		case 1:
			return fmt.Sprintf("%d.%06d", rng.IntN(5000), rng.IntN(1000000)) // beyond 4 decimals
		case 2:
			return fmt.Sprintf("%d", 100_000_000+rng.IntN(1000)) // beyond FixedLimit
		case 3:
			return fmt.Sprintf("-%d.%d", rng.IntN(3000), rng.IntN(10))
		case 4:
			return " 12.5 "
		default:
			return fmt.Sprintf("%d.%02d", rng.IntN(9000), rng.IntN(100))
		}
	}
	villages := []string{"罗建村", "金台村", "东冲村", "V1", "V2"}
	for i := 0; i < rows; i++ {
		id := fmt.Sprintf("H%05d", i)
		members := fmt.Sprint(1 + rng.IntN(6))
		switch {
		case rng.IntN(40) == 0:
			members = "100" // beyond MaxFixedMembers, still valid
		case odd && rng.IntN(200) == 0:
			members = "0"
		case odd && rng.IntN(200) == 0:
			id = "H00000" // a duplicate
		}
		wage := amount()
		if wage == "" && !odd {
			wage = "0" // a row with every income cell empty is an error
		}
		if odd && rng.IntN(200) == 0 {
			wage = `"1,234.50"`
		}
		end := "\n"
		if rng.IntN(3) == 0 {
			end = "\r\n"
		}
		fmt.Fprintf(&b, "%s,%s,%s,%s,%s,%s,%s,%s%s", id, villages[rng.IntN(len(villages))], members,
			wage, amount(), amount(), amount(), amount(), end)
		if rng.IntN(100) == 0 {
			b.WriteString("\n")
		}
	}
	return b.String()
}

// TestPovertyFastPathMatchesGeneral runs the poverty summary on random
// registries with the fast path on and off: stdout, stderr and exit status
// must be identical, digit for digit, and the fast path must answer the
// inputs it is meant for.
func TestPovertyFastPathMatchesGeneral(t *testing.T) {
	defer func(min int64) { fastMinSize = min }(fastMinSize)
	fastMinSize = 1 << 10 // split even small files across cores
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(7, 2017))
	answered := 0
	for trial := 0; trial < 60; trial++ {
		odd := trial%3 == 2
		path := filepath.Join(dir, fmt.Sprintf("h%d.csv", trial))
		text := randomHouseholds(rng, 50+rng.IntN(400), odd)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		// The same registry as Excel on Chinese Windows saves it.
		gb := filepath.Join(dir, fmt.Sprintf("h%d-gb18030.csv", trial))
		encoded, err := simplifiedchinese.GB18030.NewEncoder().String(text)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(gb, []byte(encoded), 0o644); err != nil {
			t.Fatal(err)
		}
		for _, args := range [][]string{
			{"poverty", gb, "--line", "3335", "-o", "csv"},
			{"poverty", gb, "--line", "3335", "--households", "--encoding", "gb18030", "-o", "tsv"},
			{"poverty", path, "--line", "3335", "-o", "csv", "--decimals", "6", "--value-decimals", "6"},
			{"poverty", "--line", "2952.5", "-o", "json"},
			{"poverty", path, "--line", "3335", "--households", "-o", "tsv", "--value-decimals", "1", "--rounding", "half-even"},
			{"poverty", path, "--line", "2800", "--households", "--poor-only", "-o", "json", "--decimals", "3"},
			{"poverty", path, "--line", "3335.25", "--households", "-o", "markdown", "--value-decimals", "0"},
		} {
			stdin := ""
			if args[1] == "--line" { // read the file from standard input
				b, _ := os.ReadFile(path)
				stdin = string(b)
			}
			hit := compareFastAndGeneral(t, trial, args, stdin)
			if !slices.Contains(args, "--households") {
				compareLayouts(t, trial, args, stdin, &parallelVillages)
			}
			if hit {
				answered++
			} else if !odd {
				t.Errorf("trial %d %v: the fast path declined a plain registry", trial, args)
			}
		}
	}
	if answered < 250 {
		t.Errorf("the fast path answered only %d runs", answered)
	}
}

// compareFastAndGeneral runs a command with the fast path on and off and
// fails the test unless both print the same; it reports whether the fast
// path answered.
func compareFastAndGeneral(t *testing.T, trial int, args []string, stdin string) (answered bool) {
	t.Helper()
	before := fastPathHits.Load()
	fast := runCaptured(args, stdin)
	answered = fastPathHits.Load() > before
	fastPathOff = true
	general := runCaptured(args, stdin)
	fastPathOff = false
	if fast != general {
		t.Fatalf("trial %d %v: fast path differs\n--- fast\n%s\n--- general\n%s", trial, args, fast, general)
	}
	return answered
}

// compareLayouts fails the test unless a command prints the same with its
// rows laid out in parallel forks (*threshold low) and laid out in turn.
func compareLayouts(t *testing.T, trial int, args []string, stdin string, threshold *int) {
	t.Helper()
	defer func(n int) { *threshold = n }(*threshold)
	*threshold = 2
	parallel := runCaptured(args, stdin)
	*threshold = 1 << 30
	sequential := runCaptured(args, stdin)
	if parallel != sequential {
		t.Fatalf("trial %d %v: parallel layout differs\n--- parallel\n%s\n--- sequential\n%s", trial, args, parallel, sequential)
	}
}

func runCaptured(args []string, stdin string) string {
	var stdout, stderr bytes.Buffer
	status := run(append([]string{"econcalc"}, args...), strings.NewReader(stdin), &stdout, &stderr)
	return fmt.Sprintf("status %d\n%s\n%s", status, stdout.String(), stderr.String())
}

// randomSeries writes a growth input: groups × periods with gaps, empty
// cells, zero and negative values; with wide, values beyond fixed point;
// with odd, duplicate periods and labels that are not periods.
func randomSeries(rng *rand.Rand, odd, wide bool) string {
	var b strings.Builder
	b.WriteString("period,group,output,value_added\n")
	freq := rng.IntN(4)
	groups := 1 + rng.IntN(4)
	for g := 0; g < groups; g++ {
		for i := 0; i < 40; i++ {
			if rng.IntN(6) == 0 {
				continue // a gap
			}
			year, sub := 2014+i/12, i%12+1
			var label string
			switch freq {
			case 0:
				label = fmt.Sprintf("%d-%02d", year, sub)
			case 1:
				label = fmt.Sprintf("%d年1-%d月", 2014+i/11, i%11+2) // year to date, from 1–2月
			case 2:
				label = fmt.Sprintf("%dQ%d", 2010+i/4, i%4+1)
			default:
				label = fmt.Sprint(1980 + i)
			}
			if odd && rng.IntN(60) == 0 {
				label = "2014-13"
			}
			value := func() string {
				switch rng.IntN(15) {
				case 0:
					return ""
				case 1:
					return "0"
				case 2:
					return fmt.Sprintf("-%d.5", rng.IntN(50))
				case 3:
					if wide {
						return fmt.Sprintf("%d.123456", rng.IntN(900)) // beyond fixed point
					}
				}
				return fmt.Sprintf("%d.%02d", 50+rng.IntN(900), rng.IntN(100))
			}
			fmt.Fprintf(&b, "%s,g%d,%s,%s\n", label, g, value(), value())
			if odd && rng.IntN(80) == 0 {
				fmt.Fprintf(&b, "%s,g%d,1,2\n", label, g) // a duplicate period
			}
		}
	}
	return b.String()
}

// TestGrowthFastPathMatchesGeneral compares growth's fast and general paths
// on random series, byte for byte, stderr and exit status included.
func TestGrowthFastPathMatchesGeneral(t *testing.T) {
	defer func(min int64) { fastMinSize = min }(fastMinSize)
	fastMinSize = 1 << 10 // read even small files in parallel ranges
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(11, 2017))
	answered := 0
	for trial := 0; trial < 80; trial++ {
		path := filepath.Join(dir, fmt.Sprintf("s%d.csv", trial))
		if err := os.WriteFile(path, []byte(randomSeries(rng, trial%4 == 3, trial%5 == 4)), 0o644); err != nil {
			t.Fatal(err)
		}
		for _, args := range [][]string{
			{"growth", path, "--value-col", "output", "--group-col", "group", "-o", "csv", "--decimals", "4"},
			{"growth", path, "--group-col", "group", "--ytd", "--two-year", "-o", "json", "--rounding", "half-even"},
			{"growth", path, "--value-col", "output,value_added", "--period-col", "period", "--value-col", "group", "-o", "tsv"},
			{"growth", path, "--group-col", "group", "--no-total", "--lang", "zh", "-o", "markdown", "--decimals", "0"},
			{"growth", path, "--group-col", "group"},
		} {
			if compareFastAndGeneral(t, trial, args, "") {
				answered++
			}
		}
	}
	if answered < 100 {
		t.Errorf("the fast path answered only %d of 400 runs", answered)
	}
}

// TestRoundMatchesDecimal: the integer rounding of outputOptions.round and
// exactString print what shopspring/decimal prints, on random decimals.
func TestRoundMatchesDecimal(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for trial := 0; trial < 20000; trial++ {
		d := decimal.New(rng.Int64N(2_000_000)-1_000_000, -int32(rng.IntN(8)))
		if trial%10 == 0 {
			d = d.Mul(decimal.New(1, int32(rng.IntN(5)))) // positive exponents too
		}
		places := int32(rng.IntN(6))
		for _, halfEven := range []bool{false, true} {
			want := d.StringFixed(places)
			if halfEven {
				want = d.StringFixedBank(places)
			}
			if got := (outputOptions{halfEven: halfEven}).round(d, places); got != want {
				t.Fatalf("round(%s, %d, halfEven %v) = %s, want %s", d, places, halfEven, got, want)
			}
		}
		if got, want := exactString(d), d.StringFixed(max(0, -d.Exponent())); got != want {
			t.Fatalf("exactString(%s) = %s, want %s", d, got, want)
		}
	}
}

// TestPercentMatchesDecimal: the integer percentage of outputOptions.percent
// prints what a 28-place quotient rounded by shopspring/decimal prints.
func TestPercentMatchesDecimal(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 9))
	for trial := 0; trial < 20000; trial++ {
		num := decimal.New(rng.Int64N(2_000_000)-1_000_000, -int32(rng.IntN(6)))
		den := decimal.New(rng.Int64N(2_000_000)-1_000_000, -int32(rng.IntN(6)))
		if den.IsZero() {
			continue
		}
		o := outputOptions{decimals: int32(rng.IntN(5)), halfEven: rng.IntN(2) == 0}
		pct, _ := calc.Percent(num, den)
		if got, want := o.percent(num, den), o.round(pct, o.decimals); got != want {
			t.Fatalf("percent(%s, %s) with %d decimals = %s, want %s", num, den, o.decimals, got, want)
		}
		ratio, _ := calc.Ratio(num, den)
		if got, want := o.quotient(num, den, 0, o.decimals), o.round(ratio, o.decimals); got != want {
			t.Fatalf("quotient(%s, %s) with %d decimals = %s, want %s", num, den, o.decimals, got, want)
		}
	}
}

// TestDividendFastPathMatchesGeneral compares dividend's fast and general
// paths on random registries and pools, byte for byte.
func TestDividendFastPathMatchesGeneral(t *testing.T) {
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(13, 33))
	answered := 0
	for trial := 0; trial < 40; trial++ {
		var h, p strings.Builder
		h.WriteString("户编号,村,家庭人口,股份\n")
		villages := 1 + rng.IntN(4)
		for i := 0; i < 20+rng.IntN(200); i++ {
			share := []string{"1", "2.5", "0", "0.125", "3"}[rng.IntN(5)]
			if trial%5 == 4 && rng.IntN(50) == 0 {
				share = "1.123456" // beyond fixed point: the general path
			}
			fmt.Fprintf(&h, "H%04d,V%d,%d,%s\n", i, rng.IntN(villages), 1+rng.IntN(6), share)
		}
		if trial%7 == 6 {
			h.WriteString("H0001,V0,2,1\n") // a duplicate id
		}
		p.WriteString("village,pool\n")
		for v := 0; v < villages; v++ {
			fmt.Fprintf(&p, "V%d,%d.%02d\n", v, rng.IntN(100000), rng.IntN(100))
		}
		hp, pp := filepath.Join(dir, fmt.Sprintf("h%d.csv", trial)), filepath.Join(dir, fmt.Sprintf("p%d.csv", trial))
		os.WriteFile(hp, []byte(h.String()), 0o644)
		os.WriteFile(pp, []byte(p.String()), 0o644)
		for _, args := range [][]string{
			{"dividend", hp, "--pools", pp, "--group-col", "村", "--by", "members", "--retain", "20", "-o", "csv"},
			{"dividend", hp, "--pool", "100000", "--by", "股份", "-o", "json", "--decimals", "4"},
			{"dividend", hp, "--pool", "100000", "--group-col", "村", "--unit", "1", "--summary"},
		} {
			if compareFastAndGeneral(t, trial, args, "") {
				answered++
			}
			compareLayouts(t, trial, args, "", &parallelRows)
			compareLayouts(t, trial, args, "", &parallelPools)
		}
	}
	if answered < 60 {
		t.Errorf("the fast path answered only %d of 120 runs", answered)
	}
}

// TestPoolsSplitInParallelFailInOrder: when pools split in parallel fail,
// the error is the first failing pool's, as when they split in turn, even
// when a later pool fails sooner. With four parts of two pools, V1 fails in
// the first part after V0's 20,000 households are split, while V6 fails at
// once, first in the fourth part.
func TestPoolsSplitInParallelFailInOrder(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	defer func(n int) { parallelPools = n }(parallelPools)
	parallelPools = 2
	dir := t.TempDir()
	hp, pp := filepath.Join(dir, "h.csv"), filepath.Join(dir, "p.csv")
	var h, p strings.Builder
	h.WriteString("household_id,village,shares\n")
	p.WriteString("village,pool\n")
	for v := 0; v < 8; v++ {
		share, households := "1", 2
		switch v {
		case 0:
			households = 20_000
		case 1, 6: // nobody to pay in V1 and V6
			share = "0"
		}
		for i := range households {
			fmt.Fprintf(&h, "H%d-%d,V%d,%s\n", v, i, v, share)
		}
		fmt.Fprintf(&p, "V%d,%d.00\n", v, 100+v)
	}
	os.WriteFile(hp, []byte(h.String()), 0o644)
	os.WriteFile(pp, []byte(p.String()), 0o644)
	args := []string{"dividend", hp, "--pools", pp, "--group-col", "village", "--by", "shares"}
	for range 3 {
		if got := runCaptured(args, ""); !strings.Contains(got, `pool of "V1"`) || !strings.HasPrefix(got, "status 1") {
			t.Fatalf("got %s, want status 1 naming V1's pool", got)
		}
	}
	compareLayouts(t, 0, args, "", &parallelPools)
}

// TestFastPathEdgeInputs: the fast paths agree with the general path on the
// edges of an input — a header alone, a header and blank rows, one row, no
// line end after the last row, CRLF — and on two input files, read in
// parallel ranges where the command reads in parallel and in turn where it
// does not (dividend's rows share one list; under -race this test also
// shows that no two files are read into it at once).
func TestFastPathEdgeInputs(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	defer func(min int64) { fastMinSize = min }(fastMinSize)
	fastMinSize = 1 << 10
	dir := t.TempDir()
	write := func(name, text string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	const head = "household_id,village,members,wage_income,business_income\n"
	registry := func(from, rows int, eol string) string {
		var b strings.Builder
		b.WriteString(strings.TrimSuffix(head, "\n") + eol)
		for i := from; i < from+rows; i++ {
			fmt.Fprintf(&b, "%d,V%d,%d,%d.%02d,%d%s", 431103000000+i, i/97, 1+i%5, 1000+i%4000, i%100, i%700, eol)
		}
		return b.String()
	}
	pools := write("pools.csv", "village,pool\n"+func() string {
		var b strings.Builder
		for v := 0; v <= 40_000/97; v++ {
			fmt.Fprintf(&b, "V%d,%d.%02d\n", v, 10000+v, v%100)
		}
		return b.String()
	}())
	inputs := [][]string{
		{write("header-only.csv", head)},
		{write("blank-rows.csv", head+",,,,\n\n,,,,\n")},
		{write("one-row.csv", registry(0, 1, "\n"))},
		{write("no-final-eol.csv", strings.TrimSuffix(registry(0, 300, "\n"), "\n"))},
		{write("crlf.csv", registry(0, 300, "\r\n"))},
		{write("first.csv", registry(0, 20_000, "\n")), write("second.csv", registry(20_000, 20_000, "\n"))},
	}
	series := write("series.csv", "enterprise,period,output\n")
	for _, files := range inputs {
		for _, args := range [][]string{
			append(append([]string{"poverty"}, files...), "--line", "3335", "-o", "csv"),
			append(append([]string{"poverty"}, files...), "--line", "3335", "--households", "-o", "csv"),
			append(append([]string{"dividend"}, files...), "--pools", pools, "--group-col", "village", "--by", "members", "-o", "csv"),
			append(append([]string{"dividend"}, files...), "--pool", "1000000", "--by", "wage_income", "-o", "csv"),
		} {
			compareFastAndGeneral(t, 0, args, "")
		}
		if len(files) == 1 { // the same from standard input
			b, err := os.ReadFile(files[0])
			if err != nil {
				t.Fatal(err)
			}
			compareFastAndGeneral(t, 0, []string{"poverty", "--line", "3335", "-o", "csv"}, string(b))
		}
	}
	compareFastAndGeneral(t, 0, []string{"growth", series, "--group-col", "enterprise"}, "")
}
