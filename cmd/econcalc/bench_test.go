package main

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
)

// enterpriseSeries is a growth input of groups × months rows.
func enterpriseSeries(groups, months int) string {
	var b strings.Builder
	b.WriteString("period,enterprise,output\n")
	for g := 0; g < groups; g++ {
		for m := 0; m < months; m++ {
			fmt.Fprintf(&b, "%d-%02d,e%04d,%d.%02d\n", 2000+m/12, m%12+1, g, 1000+g+m*3, (g*7+m)%100)
		}
	}
	return b.String()
}

func BenchmarkGrowthGroups(b *testing.B) {
	in := enterpriseSeries(500, 200)
	b.SetBytes(int64(len(in)))
	for i := 0; i < b.N; i++ {
		var out, errb bytes.Buffer
		if st := run([]string{"econcalc", "growth", "--group-col", "enterprise", "-o", "csv"}, strings.NewReader(in), &out, &errb); st != 0 {
			b.Fatalf("status %d: %s", st, errb.String())
		}
	}
}

// benchFile runs econcalc with args b.N times on the files named by the
// environment variables vars (make bench generates them), standing for
// $1, $2 … in args; it skips when one is unset.
func benchFile(b *testing.B, vars []string, args ...string) {
	files := make([]string, len(vars))
	for i, v := range vars {
		if files[i] = os.Getenv(v); files[i] == "" {
			b.Skipf("set %s (make bench does)", v)
		}
	}
	full := []string{"econcalc"}
	for _, a := range args {
		if len(a) == 2 && a[0] == '$' {
			a = files[a[1]-'1']
		}
		full = append(full, a)
	}
	for i := 0; i < b.N; i++ {
		var out, errb bytes.Buffer
		if st := run(full, strings.NewReader(""), &out, &errb); st != 0 {
			b.Fatalf("status %d: %s", st, errb.String())
		}
	}
}

const households, series, pools = "ECONCALC_BENCH_HOUSEHOLDS", "ECONCALC_BENCH_SERIES", "ECONCALC_BENCH_POOLS"

func BenchmarkPovertySummaryFile(b *testing.B) {
	benchFile(b, []string{households}, "poverty", "$1", "--line", "3335", "-q")
}

func BenchmarkPovertyHouseholdsFile(b *testing.B) {
	benchFile(b, []string{households}, "poverty", "$1", "--line", "3335", "-q", "--households", "-o", "csv")
}

func BenchmarkGrowthFile(b *testing.B) {
	benchFile(b, []string{series}, "growth", "$1", "--group-col", "enterprise", "-q", "-o", "csv")
}

func BenchmarkDividendFile(b *testing.B) {
	benchFile(b, []string{households, pools}, "dividend", "$1", "--pools", "$2", "--group-col", "village", "--by", "members", "-q", "-o", "csv")
}
