package main

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// TestHouseholdPlacesDownTheColumn guards one number of places down the
// --households income and excluded columns, also when the only cell with
// more places comes after the first rows, which the listing is first laid
// out with: then it is laid out again.
func TestHouseholdPlacesDownTheColumn(t *testing.T) {
	for _, at := range []int{0, 999, 1000, 4999} {
		var b strings.Builder
		b.WriteString("household_id,village,members,income,subsidy\n")
		for i := range 5000 {
			income, subsidy := "9000", "0"
			if i == at {
				income, subsidy = "9000.5", "12.25"
			}
			fmt.Fprintf(&b, "H%05d,村,3,%s,%s\n", i, income, subsidy)
		}
		var stdout, stderr bytes.Buffer
		args := []string{"econcalc", "poverty", "--line", "3335", "--households", "-o", "csv", "-q"}
		if status := run(args, strings.NewReader(b.String()), &stdout, &stderr); status != exitOK {
			t.Fatalf("status %d: %s", status, stderr.String())
		}
		lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")[1:]
		if len(lines) != 5000 {
			t.Fatalf("%d rows, want 5000", len(lines))
		}
		for i, l := range lines {
			want := "H%05d,村,3,9000.0,0.00,"
			if i == at {
				want = "H%05d,村,3,9000.5,12.25,"
			}
			if want = fmt.Sprintf(want, i); !strings.HasPrefix(l, want) {
				t.Fatalf("more places at row %d: row %d is %q, want it to start %q", at, i, l, want)
			}
		}
	}
}
