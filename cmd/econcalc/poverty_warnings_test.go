package main

import (
	"bytes"
	"fmt"
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
