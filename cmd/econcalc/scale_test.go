package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// Regression tests for inputs of unusual shape, issue 16 items 8 and 9: a
// header of 150,000 columns, a million groups. They bound what can be
// counted, never time; the benchmarks below report the time.

// wideFile writes a CSV of the given leading columns, then extra columns
// named name(1) … name(n), and rows of the leading values then zeros.
func wideFile(t testing.TB, leading []string, name func(i int) string, n int, rows ...[]string) string {
	var b strings.Builder
	b.WriteString(strings.Join(leading, ","))
	for i := 1; i <= n; i++ {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(name(i))
	}
	b.WriteByte('\n')
	for _, r := range rows {
		b.WriteString(strings.Join(r, ","))
		if len(r) > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strings.Repeat("0,", n-1) + "0\n")
	}
	path := filepath.Join(t.TempDir(), "wide.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// base36 names a column c1 … c9, ca … cz, c10 …: 150,000 of them take
// 852 KB, as in the issue.
func base36(i int) string { return "c" + strconv.FormatInt(int64(i), 36) }

// TestWideHeaderEveryCommand guards item 8 of issue 16: with a header of
// 150,000 columns every command took 40 s (each name compared with every
// other) and base printed the whole header in its error. Each command now
// reads it and a row as wide, and says what is wrong in a line.
func TestWideHeaderEveryCommand(t *testing.T) {
	const n = 150_000
	anon := wideFile(t, nil, base36, n, []string{})
	for _, c := range []struct {
		args   string
		status int
		stderr string
	}{
		{"base $F", 1, `no "indicator" column`},
		{"growth $F", 1, `no "period" column`},
		{"growth $F --period-col nowhere", 1, `column "nowhere": not found`},
		{"poverty $F --line 3335", 1, `no "household_id" column`},
		{"dividend $F --pool 100", 1, `no "household_id" column`},
		{"invest $F", 1, `no "project" column`},
		{"remaining $F --persons 100", 1, `no "year" column`},
	} {
		args := strings.Fields(strings.ReplaceAll(c.args, "$F", anon))
		var stdout, stderr bytes.Buffer
		status := run(append([]string{"econcalc"}, args...), strings.NewReader(""), &stdout, &stderr)
		msg := stderr.String()
		if status != c.status || !strings.Contains(msg, c.stderr) || len(msg) > 600 {
			t.Errorf("%s: status %d, %d bytes of stderr: %.600s", c.args, status, len(msg), msg)
		}
		if status == 1 && !strings.Contains(msg, `has 150,000 columns: "c1", "c2",`) && !strings.Contains(msg, "not found") {
			t.Errorf("%s: the header is not described: %.600s", c.args, msg)
		}
	}
}

// TestWideRegistryNoteIsALine: a registry whose 150,000 columns beyond the
// key ones are identifiers is read, and the line that says what each column
// was taken for names the first few.
func TestWideRegistryNoteIsALine(t *testing.T) {
	path := wideFile(t, []string{"household_id", "village", "members", "wage_income"},
		func(i int) string { return "no_" + strconv.Itoa(i) }, 150_000,
		[]string{"H1", "金台村", "3", "9000"}, []string{"H2", "金台村", "2", "7000"})
	var stdout, stderr bytes.Buffer
	status := run([]string{"econcalc", "poverty", path, "--line", "3335", "--max-record-bytes", "4000000", "-o", "csv"}, strings.NewReader(""), &stdout, &stderr)
	want := "econcalc: income counted: wage_income; excluded: none; ignored: no_1, no_2, no_3, no_4, no_5, no_6, no_7, no_8, no_9, no_10 and 149990 more\n"
	if status != 0 || stderr.String() != want {
		t.Fatalf("status %d, stderr %.600s", status, stderr.String())
	}
	if !strings.Contains(stdout.String(), "\n金台村,2,5,1,3,60.00,") {
		t.Errorf("stdout:\n%s", stdout.String())
	}
}

// villagesFile writes a registry of households in villages, two households
// a village, the villages' names out of order.
func villagesFile(t testing.TB, villages int) string {
	var b bytes.Buffer
	b.WriteString("household_id,village,members,wage_income\n")
	for v := range villages {
		name := fmt.Sprintf("村%07d", (v*7919)%villages)
		fmt.Fprintf(&b, "%d-1,%s,%d,%d\n%d-2,%s,%d,%d.5\n", v, name, 1+v%6, 2000+v%9000, v, name, 1+v%4, v%20000)
	}
	path := filepath.Join(t.TempDir(), "villages.csv")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestManyVillagesCostLittleEach guards item 9 of issue 16: a village cost
// a decimal tally with maps, figures in decimal (some forty allocations)
// and a row of strings kept for tablewriter, which spent some 40 µs on it.
// Each village now costs a handful of allocations, in every format.
func TestManyVillagesCostLittleEach(t *testing.T) {
	const villages = 20_000
	path := villagesFile(t, villages)
	for _, format := range []string{"csv", "table"} {
		var stdout, stderr bytes.Buffer
		allocs := testing.AllocsPerRun(1, func() {
			stdout.Reset()
			if status := run([]string{"econcalc", "poverty", path, "--line", "3335", "-q", "-o", format}, strings.NewReader(""), &stdout, &stderr); status != 0 {
				t.Fatalf("status %d: %s", status, stderr.String())
			}
		})
		if lines := strings.Count(stdout.String(), "\n"); lines < villages {
			t.Fatalf("%s: %d lines", format, lines)
		}
		if perVillage := allocs / villages; perVillage > 12 {
			t.Errorf("%s: %.1f allocations a village", format, perVillage)
		}
	}
}

// BenchmarkPovertyManyVillages: a summary of 200,000 villages of two
// households each (make bench's million-village case, made smaller).
func BenchmarkPovertyManyVillages(b *testing.B) {
	path := villagesFile(b, 200_000)
	for _, format := range []string{"csv", "table"} {
		b.Run(format, func(b *testing.B) {
			for b.Loop() {
				var stdout, stderr bytes.Buffer
				if status := run([]string{"econcalc", "poverty", path, "--line", "3335", "-q", "-o", format}, strings.NewReader(""), &stdout, &stderr); status != 0 {
					b.Fatalf("status %d: %s", status, stderr.String())
				}
			}
		})
	}
}

// BenchmarkWideHeader: a header of 150,000 columns and a row as wide, read
// by growth, which takes every column for a series.
func BenchmarkWideHeader(b *testing.B) {
	path := wideFile(b, []string{"period"}, base36, 150_000, []string{"2017"}, []string{"2018"})
	for b.Loop() {
		var stdout, stderr bytes.Buffer
		if status := run([]string{"econcalc", "growth", path, "--max-record-bytes", "4000000", "-q", "-o", "csv"}, strings.NewReader(""), &stdout, &stderr); status != 0 {
			b.Fatalf("status %d: %s", status, stderr.String())
		}
	}
}
