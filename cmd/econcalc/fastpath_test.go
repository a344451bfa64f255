package main

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
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
		if err := os.WriteFile(path, []byte(randomHouseholds(rng, 50+rng.IntN(400), odd)), 0o644); err != nil {
			t.Fatal(err)
		}
		for _, args := range [][]string{
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
			before := fastPathHits.Load()
			fast := runCaptured(args, stdin)
			hit := fastPathHits.Load() > before
			fastPathOff = true
			general := runCaptured(args, stdin)
			fastPathOff = false
			if fast != general {
				t.Fatalf("trial %d %v: fast path differs\n--- fast\n%s\n--- general\n%s", trial, args, fast, general)
			}
			if hit {
				answered++
			} else if !odd {
				t.Errorf("trial %d %v: the fast path declined a plain registry", trial, args)
			}
		}
	}
	if answered < 150 {
		t.Errorf("the fast path answered only %d runs", answered)
	}
}

func runCaptured(args []string, stdin string) string {
	var stdout, stderr bytes.Buffer
	status := run(append([]string{"econcalc"}, args...), strings.NewReader(stdin), &stdout, &stderr)
	return fmt.Sprintf("status %d\n%s\n%s", status, stdout.String(), stderr.String())
}
