package main

import (
	"bytes"
	"fmt"
	"io"
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

func BenchmarkInputRead(b *testing.B) {
	in := enterpriseSeries(500, 200)
	b.SetBytes(int64(len(in)))
	for i := 0; i < b.N; i++ {
		src, err := openInput(inputOptions{encoding: "auto", delimiter: ','}, strings.NewReader(in))
		if err != nil {
			b.Fatal(err)
		}
		for {
			rec, err := src.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			if _, err := rec.number(2); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkPovertySummaryFile runs the poverty summary on $ECONCALC_BENCH_HOUSEHOLDS
// when it names a households file (make bench generates one).
func BenchmarkPovertySummaryFile(b *testing.B) {
	path := os.Getenv("ECONCALC_BENCH_HOUSEHOLDS")
	if path == "" {
		b.Skip("set ECONCALC_BENCH_HOUSEHOLDS to a households CSV")
	}
	for i := 0; i < b.N; i++ {
		var out, errb bytes.Buffer
		if st := run([]string{"econcalc", "poverty", path, "--line", "3335", "-q"}, strings.NewReader(""), &out, &errb); st != 0 {
			b.Fatalf("status %d: %s", st, errb.String())
		}
	}
}

// BenchmarkPovertyHouseholdsFile is the per-household listing of the same file.
func BenchmarkPovertyHouseholdsFile(b *testing.B) {
	path := os.Getenv("ECONCALC_BENCH_HOUSEHOLDS")
	if path == "" {
		b.Skip("set ECONCALC_BENCH_HOUSEHOLDS to a households CSV")
	}
	for i := 0; i < b.N; i++ {
		var out, errb bytes.Buffer
		if st := run([]string{"econcalc", "poverty", path, "--line", "3335", "-q", "--households", "-o", "csv"}, strings.NewReader(""), &out, &errb); st != 0 {
			b.Fatalf("status %d: %s", st, errb.String())
		}
	}
}

// BenchmarkGrowthFile runs growth by group on $ECONCALC_BENCH_SERIES.
func BenchmarkGrowthFile(b *testing.B) {
	path := os.Getenv("ECONCALC_BENCH_SERIES")
	if path == "" {
		b.Skip("set ECONCALC_BENCH_SERIES to a period,enterprise,output CSV")
	}
	for i := 0; i < b.N; i++ {
		var out, errb bytes.Buffer
		if st := run([]string{"econcalc", "growth", path, "--group-col", "enterprise", "-q", "-o", "csv"}, strings.NewReader(""), &out, &errb); st != 0 {
			b.Fatalf("status %d: %s", st, errb.String())
		}
	}
}

// BenchmarkDividendFile splits one pool per village over $ECONCALC_BENCH_HOUSEHOLDS
// by members, with the pools in $ECONCALC_BENCH_POOLS.
func BenchmarkDividendFile(b *testing.B) {
	path, pools := os.Getenv("ECONCALC_BENCH_HOUSEHOLDS"), os.Getenv("ECONCALC_BENCH_POOLS")
	if path == "" || pools == "" {
		b.Skip("set ECONCALC_BENCH_HOUSEHOLDS and ECONCALC_BENCH_POOLS")
	}
	for i := 0; i < b.N; i++ {
		var out, errb bytes.Buffer
		if st := run([]string{"econcalc", "dividend", path, "--pools", pools, "--group-col", "village", "--by", "members", "-q", "-o", "csv"}, strings.NewReader(""), &out, &errb); st != 0 {
			b.Fatalf("status %d: %s", st, errb.String())
		}
	}
}
