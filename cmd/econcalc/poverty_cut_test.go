package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPovertyRepeatedIDAsInOrder: an id repeated near the end of a registry
// read in parallel parts is reported as the in-order reader reports it (a
// quoted id on the first row sends econcalc there): the same error, the
// same warnings for the negative incomes before it, and none for those
// after it, whichever part the repeat falls in; the part that held it is
// cut back to the rows before it rather than read again.
func TestPovertyRepeatedIDAsInOrder(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 9 MB files")
	}
	dir := t.TempDir()
	const rows = 400_000
	for _, repeatAt := range []int{250_000, 399_990} {
		write := func(name string, quoted bool) string {
			var b strings.Builder
			b.WriteString("household_id,village,members,income\n")
			for i := range rows {
				id := fmt.Sprintf("A%07d", i)
				switch {
				case quoted && i == 0:
					id = `"` + id + `"`
				case i == repeatAt:
					id = fmt.Sprintf("A%07d", repeatAt-7) // seen seven rows before
				}
				income := "9000"
				if i == 3 || i == repeatAt-1 || i == repeatAt+1 {
					income = fmt.Sprintf("-%d", i) // warned of only before the error
				}
				fmt.Fprintf(&b, "%s,村%d,3,%s\n", id, i%50, income)
			}
			path := filepath.Join(dir, name)
			if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
				t.Fatal(err)
			}
			return path
		}
		plain, quoted := write("plain.csv", false), write("quoted.csv", true)
		runOn := func(path string) (string, int) {
			var stdout, stderr bytes.Buffer
			status := run([]string{"econcalc", "poverty", "--line", "3335", "-o", "csv", path}, strings.NewReader(""), &stdout, &stderr)
			if stdout.Len() > 0 {
				t.Errorf("%s: output despite the error", path)
			}
			return strings.ReplaceAll(stderr.String(), path, "FILE"), status
		}
		gotErr, gotStatus := runOn(plain)
		wantErr, wantStatus := runOn(quoted)
		if gotStatus != exitData || gotStatus != wantStatus || gotErr != wantErr {
			t.Fatalf("repeat at row %d: parallel (status %d):\n%s\nin order (status %d):\n%s", repeatAt, gotStatus, gotErr, wantStatus, wantErr)
		}
		// Rows are lines − 2: the error on the repeat's line, a warning for
		// the negative income the row before, none for the one after.
		for _, w := range []struct {
			line int
			want bool
		}{{5, true}, {repeatAt + 1, true}, {repeatAt + 2, true}, {repeatAt + 3, false}} {
			if has := strings.Contains(gotErr, fmt.Sprintf("FILE:%d:", w.line)); has != w.want {
				t.Errorf("repeat at row %d: line %d named %v, want %v:\n%s", repeatAt, w.line, has, w.want, gotErr)
			}
		}
	}
}
