package main

import (
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"econcalc/cmd/internal/report"
)

// TestGrowthPartsJoinAsOneRead: a file large enough to be read in parallel
// parts gives the bytes the in-order reader gives (a quoted cell on the
// last line sends econcalc there), with groups in every part, groups met
// only in the first part or only in the last, and gaps: the join of the
// parts, group by group, loses, doubles and reorders nothing. Laid out in
// a fork per core, the rows are those one goroutine lays out.
func TestGrowthPartsJoinAsOneRead(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 10 MB file")
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	rng := rand.New(rand.NewSource(42))
	var b strings.Builder
	b.WriteString("period,enterprise,output\n")
	const months = 240
	for k := 0; k < months; k++ {
		period := fmt.Sprintf("%d-%02d", 2000+k/12, k%12+1)
		for g := 0; g < 2200; g++ {
			switch {
			case g%7 == 0 && k >= months/4: // only in the first part
				continue
			case g%11 == 0 && k < 3*months/4: // only in the last
				continue
			case rng.Intn(50) == 0: // a gap
				continue
			}
			fmt.Fprintf(&b, "%s,E%04d,%d.%02d\n", period, g, 1+rng.Intn(99999), rng.Intn(100))
		}
	}
	dir := t.TempDir()
	path, quoted := filepath.Join(dir, "series.csv"), filepath.Join(dir, "quoted.csv")
	for file, last := range map[string]string{path: "E9999", quoted: `"E9999"`} {
		if err := os.WriteFile(file, []byte(b.String()+"2019-12,"+last+",5\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if b.Len() < 9<<20 { // input reads in parts from 8 MiB
		t.Fatalf("the file is %d bytes: too small to be read in parts", b.Len())
	}
	read := func(file string) string {
		var stdout, stderr bytes.Buffer
		args := []string{"econcalc", "growth", file, "--group-col", "enterprise", "-o", "csv", "-q"}
		if status := run(args, strings.NewReader(""), &stdout, &stderr); status != 0 {
			t.Fatalf("%s: status %d: %s", file, status, stderr.String())
		}
		return stdout.String()
	}
	inParts, inOrder := read(path), read(quoted)
	if inParts != inOrder {
		t.Fatal("read in parts, growth differs from the in-order read")
	}
	// The groups are laid out in a fork per core; one goroutine lays out
	// the same bytes.
	defer func(rows int) { report.ParallelRows = rows }(report.ParallelRows)
	report.ParallelRows = 1 << 40
	if read(path) != inParts {
		t.Fatal("laid out by one goroutine, growth differs from the parallel layout")
	}
	if n := strings.Count(inParts, "\n"); n < months*1500 {
		t.Fatalf("only %d lines of output", n)
	}
}
