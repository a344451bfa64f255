package main

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestPovertyWarnsBeforeAnError: households with negative income read
// before a bad row are still named, the first five of them; the count of
// the rest is for a registry read to its end.
func TestPovertyWarnsBeforeAnError(t *testing.T) {
	var b strings.Builder
	b.WriteString("household_id,village,members,wage\n")
	for i := range 7 {
		fmt.Fprintf(&b, "N%d,甲村,1,-%d\n", i, i+1)
	}
	good := b.String()
	b.WriteString("X,甲村,1,x\n")
	for _, c := range []struct {
		csv    string
		status int
		more   bool
	}{{good, exitOK, true}, {b.String(), exitData, false}} {
		var stdout, stderr bytes.Buffer
		status := run([]string{"econcalc", "poverty", "--line", "3335"}, strings.NewReader(c.csv), &stdout, &stderr)
		lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
		warned := 0
		for _, l := range lines {
			if strings.Contains(l, "is negative") {
				warned++
			}
		}
		more := strings.Contains(stderr.String(), "2 more households have negative counted income")
		if status != c.status || warned != 5 || more != c.more {
			t.Errorf("status %d, %d negative-income warnings, count line %v; want %d, 5, %v:\n%s", status, warned, more, c.status, c.more, stderr.String())
		}
		if c.status == exitData && !strings.HasSuffix(lines[len(lines)-1], `stdin:9: column "wage": "x" is not a number (the column was taken for an income component by its header; name the components with --income, or leave it out with --ignore)`) {
			t.Errorf("last line %q, want the bad row's error", lines[len(lines)-1])
		}
	}
}

// TestWarningsFollowInputOrderAcrossFiles guards the order of warnings over
// several files read in parallel ranges (files of 8 MiB and more are split):
// m1.csv's negative incomes, in its second range, come before m2.csv's, and
// the first five and the count are the same as when the RFC 4180 reader
// reads the same rows in order (a quoted id sends it there). It used to
// sort by line, ignoring file order.
func TestWarningsFollowInputOrderAcrossFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, prefix string, quoted bool, negativeAt func(i int) bool) string {
		var b strings.Builder
		b.WriteString("household_id,village,members,income\n")
		for i := range 400_000 {
			id := fmt.Sprintf("%s%07d", prefix, i)
			if quoted && i == 0 {
				id = `"` + id + `"`
			}
			income := "9000"
			if negativeAt(i) {
				income = fmt.Sprintf("-%d", i+1)
			}
			fmt.Fprintf(&b, "%s,村%d,3,%s\n", id, i%50, income)
		}
		path := dir + "/" + name
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	late := func(i int) bool { return i >= 399_996 }
	early := func(i int) bool { return i < 4 }
	m1, m1q, m2 := write("m1.csv", "A", false, late), write("mq.csv", "A", true, late), write("m2.csv", "B", false, early)
	stderrOf := func(files ...string) string {
		var stdout, stderr bytes.Buffer
		args := append([]string{"econcalc", "poverty", "--line", "3335", "-o", "csv"}, files...)
		if status := run(args, strings.NewReader(""), &stdout, &stderr); status != exitOK {
			t.Fatalf("%v: status %d: %s", files, status, stderr.String())
		}
		return stderr.String()
	}
	plain, inOrder := stderrOf(m1, m2), stderrOf(m1q, m2)
	want := []string{m1 + ":399998:", m1 + ":399999:", m1 + ":400000:", m1 + ":400001:", m2 + ":2:", "3 more households"}
	lines := strings.Split(strings.TrimSpace(plain), "\n")[1:]
	for i, w := range want {
		if i >= len(lines) || !strings.Contains(lines[i], w) {
			t.Fatalf("warning %d: want %q in order, got:\n%s", i+1, w, plain)
		}
	}
	if strings.ReplaceAll(inOrder, m1q, m1) != plain {
		t.Errorf("the two readers warn differently:\nparallel:\n%s\nin order:\n%s", plain, inOrder)
	}
}
