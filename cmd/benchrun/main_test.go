package main

import (
	"bytes"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"econcalc/cmd/gendata/gen"
)

// fakeEconcalc writes a shell script standing in for econcalc: it has no
// dividend command and fails the commands named in failing.
func fakeEconcalc(t *testing.T, failing string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "econcalc")
	script := "#!/bin/sh\ncat >/dev/null\ncase \"$1\" in dividend) exit 2;; " + failing + ") echo broken >&2; exit 1;; esac\n"
	if err := os.WriteFile(path, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestMissedTargetsDoNotFail(t *testing.T) {
	var out, errb bytes.Buffer
	st := run([]string{"--econcalc", fakeEconcalc(t, "none"), "--scale", "0.001", "--runs", "2"}, &out, &errb)
	if st != 0 {
		t.Fatalf("status %d: %s", st, errb.String())
	}
	table := out.String()
	for _, want := range []string{
		"| poverty summary | `econcalc poverty households-2000.csv --line 3335 -q` | 2,000 |",
		"| poverty summary, stdin | `cat households-2000.csv \\| econcalc poverty --line 3335 -q` |",
		"| dividend --by members | `econcalc dividend households-2000.csv --pools pools-5.csv --group-col village --by members --format csv -q` | 2,000 | skipped |",
		"| growth by enterprise | `econcalc growth series-1000.csv --group-col enterprise --format csv -q` | 1,000 |", // 5 enterprises × 200 months
		"Skipped dividend --by members",
	} {
		if !strings.Contains(table, want) {
			t.Errorf("output lacks %q:\n%s", want, table)
		}
	}
}

func TestFailedCommandFails(t *testing.T) {
	var out, errb bytes.Buffer
	st := run([]string{"--econcalc", fakeEconcalc(t, "growth"), "--scale", "0.001", "--runs", "1"}, &out, &errb)
	if st != 1 {
		t.Errorf("status %d, want 1", st)
	}
	if !strings.Contains(out.String(), "| 1,000 | failed |") || !strings.Contains(errb.String(), "broken") {
		t.Errorf("failure not reported:\n%s\n%s", out.String(), errb.String())
	}
}

func TestThousands(t *testing.T) {
	for n, want := range map[int64]string{0: "0", 999: "999", 1000: "1,000", 2_000_000: "2,000,000", -1234567: "-1,234,567"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %s, want %s", n, got, want)
		}
	}
}

// econcalcBinary builds econcalc from this tree once per test binary.
func econcalcBinary(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "econcalc")
	cmd := exec.Command("go", "build", "-o", path, "econcalc/cmd/econcalc")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Skipf("cannot build econcalc: %v\n%s", err, out)
	}
	return path
}

// csvByKey runs econcalc and returns its CSV rows keyed by the first column.
func csvByKey(t *testing.T, econcalc string, args ...string) map[string][]string {
	t.Helper()
	out, err := exec.Command(econcalc, args...).Output()
	if err != nil {
		t.Fatalf("econcalc %v: %v", args, err)
	}
	records, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string][]string{}
	for _, r := range records[1:] {
		rows[r[0]] = r
	}
	return rows
}

// The floor's ratio means something only if the floor computes what
// econcalc does: per village the households and persons of the summary, and
// counted income equal to the sum of --households' income column, to the fen.
func TestFloorAgreesWithEconcalc(t *testing.T) {
	econcalc := econcalcBinary(t)
	dir := t.TempDir()
	sorted := filepath.Join(dir, "households.csv")
	// 3,001 rows in 7 villages: about a third of them have an amount to
	// the jiao, a few a negative business income.
	if err := gen.WriteFile(sorted, gen.Options{Kind: "households", Rows: 3001, Groups: 7, Seed: 5}); err != nil {
		t.Fatal(err)
	}
	shuffled := filepath.Join(dir, "shuffled.csv")
	if err := writeShuffled(sorted, shuffled, 5); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{sorted, shuffled} {
		got, err := floorSummary(path)
		if err != nil {
			t.Fatal(err)
		}
		summary := csvByKey(t, econcalc, "poverty", path, "--line", "3335", "-q", "-o", "csv", "--no-total")
		households := csvByKey(t, econcalc, "poverty", path, "--line", "3335", "-q", "-o", "csv", "--households")
		income := map[string]int64{}
		for _, h := range households { // household_id, village, members, income, …
			income[h[1]] += fen(t, h[3])
		}
		if len(got) != len(summary) {
			t.Errorf("%s: the floor found %d villages, econcalc %d", filepath.Base(path), len(got), len(summary))
		}
		for village, row := range summary { // village, households, persons, …
			s := got[village]
			if s == nil {
				t.Errorf("%s: the floor lacks %s", filepath.Base(path), village)
				continue
			}
			if h, p := strconv.FormatInt(s.households, 10), strconv.FormatInt(s.persons, 10); h != row[1] || p != row[2] {
				t.Errorf("%s: %s: floor %s households, %s persons; econcalc %s, %s", filepath.Base(path), village, h, p, row[1], row[2])
			}
			if s.incomeFen != income[village] {
				t.Errorf("%s: %s: floor income %d fen, econcalc %d", filepath.Base(path), village, s.incomeFen, income[village])
			}
		}
	}
}

// fen parses econcalc's two-decimal income.
func fen(t *testing.T, s string) int64 {
	t.Helper()
	yuan, cents, ok := strings.Cut(s, ".")
	if !ok || len(cents) != 2 {
		t.Fatalf("income %q has not two decimals", s)
	}
	n, err := strconv.ParseInt(yuan+cents, 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestParseFen(t *testing.T) {
	for in, want := range map[string]int64{
		"0": 0, "12": 1200, "12.5": 1250, "12.05": 1205, "-3.1": -310, "0.00": 0, "87679": 8767900, "-1705": -170500,
	} {
		got, rest := parseFen([]byte(in + ",next"))
		if got != want || string(rest) != "next" {
			t.Errorf("parseFen(%q) = %d, %q; want %d, \"next\"", in, got, rest, want)
		}
	}
}

// The floor splits the file in two at a line end: every split point, the
// header's line included, gives the same sums as one pass.
func TestFloorSplitsAtLineEnds(t *testing.T) {
	var buf bytes.Buffer
	if err := gen.Write(&buf, gen.Options{Kind: "households", Rows: 40, Groups: 3, Seed: 2}); err != nil {
		t.Fatal(err)
	}
	want, err := floorHalf(bytes.NewReader(buf.Bytes()), true)
	if err != nil {
		t.Fatal(err)
	}
	for _, data := range [][]byte{buf.Bytes(), bytes.TrimSuffix(buf.Bytes(), []byte("\n"))} {
		path := filepath.Join(t.TempDir(), "h.csv")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := floorSummary(path)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) {
			t.Fatalf("%d villages, want %d", len(got), len(want))
		}
		for v, w := range want {
			if *got[v] != *w {
				t.Errorf("%s: %+v, want %+v", v, *got[v], *w)
			}
		}
	}
}

func TestShuffleKeepsEveryLine(t *testing.T) {
	dir := t.TempDir()
	src, a, b := filepath.Join(dir, "src.csv"), filepath.Join(dir, "a.csv"), filepath.Join(dir, "b.csv")
	if err := gen.WriteFile(src, gen.Options{Kind: "households", Rows: 500, Groups: 4, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	for _, dst := range []string{a, b} {
		if err := writeShuffled(src, dst, 9); err != nil {
			t.Fatal(err)
		}
	}
	read := func(path string) []string {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return strings.SplitAfter(string(data), "\n")
	}
	orig, shuf := read(src), read(a)
	if orig[0] != shuf[0] {
		t.Errorf("header moved: %q", shuf[0])
	}
	if slices.Equal(orig, shuf) {
		t.Error("the shuffle left every line in place")
	}
	if !slices.Equal(shuf, read(b)) {
		t.Error("the same seed gave another order")
	}
	slices.Sort(orig)
	slices.Sort(shuf)
	if !slices.Equal(orig, shuf) {
		t.Error("the shuffled file does not hold the same lines")
	}
}

// The spoiled copies fail where the large scenarios say they do.
func TestSpoiledCopiesFailOnTheirLine(t *testing.T) {
	econcalc := econcalcBinary(t)
	dir := t.TempDir()
	src := filepath.Join(dir, "households-300.csv")
	if err := gen.WriteFile(src, gen.Options{Kind: "households", Rows: 300, Groups: 3, Seed: 4}); err != nil {
		t.Fatal(err)
	}
	p := &plan{largeHouseholds: 300, badRow: 250, files: map[string]string{"large": src}, large: true}
	for _, v := range p.variants() {
		if v.from != "large" {
			continue
		}
		dst := filepath.Join(dir, v.suffix+".csv")
		if err := writeVariant([]string{v.name, src, dst, "1", "250"}); err != nil {
			t.Fatal(err)
		}
		p.files[v.role] = dst
	}
	spoiled := 0
	for _, s := range p.scenarios() {
		if s.wantError == "" {
			continue
		}
		spoiled++
		if _, _, err := runOnce(econcalc, s); err != nil {
			t.Errorf("%s: %v", s.name, err)
		}
	}
	if spoiled != 2 {
		t.Errorf("%d spoiled scenarios, want the repeated id and the bad number", spoiled)
	}
}
