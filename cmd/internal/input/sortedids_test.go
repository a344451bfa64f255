package input

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// addCounted is a command's add over id,v rows: the id checked where a
// registry checks it, then the amount; a part counts the rows read. A row
// whose v is "total" is read without its id checked, as a total row is.
func addCounted(n *int, r *Row) error {
	if r.Text(1) == "total" {
		*n++
		return nil
	}
	if err := r.Unique(r.Cell(0)); err != nil {
		return err
	}
	if _, _, err := r.Amount(1); err != nil {
		return err
	}
	*n++
	return nil
}

func sumCounts(ps []*int) (*int, error) {
	total := 0
	for _, p := range ps {
		total += *p
	}
	return &total, nil
}

// foldBoth reads text with Fold and, for comparison, with Fold's in-order
// pass alone: the rows each read before an error, and its message.
func foldBoth(t *testing.T, texts ...string) (fast, slow int, fastErr, slowErr string, inOrder int64) {
	t.Helper()
	dir := t.TempDir()
	var paths []string
	for i, text := range texts {
		paths = append(paths, filepath.Join(dir, fmt.Sprintf("in%d.csv", i+1)))
		if err := os.WriteFile(paths[i], []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	in, err := Open(Options{Files: paths, Encoding: "auto", Delimiter: ','}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	in.Unique(0, "household")
	before := inOrderPasses.Load()
	got, err := Fold(in, func(int64) *int { return new(int) }, addCounted, sumCounts)
	inOrder = inOrderPasses.Load() - before
	fast = *got
	if err != nil {
		fastErr = err.Error()
	}
	part := new(int)
	ids := in.exactIDs()
	err = in.readInOrder(func(r *Row) error { r.ids = ids; return addCounted(part, r) })
	slow = *part
	if err != nil {
		slowErr = err.Error()
	}
	return fast, slow, fastErr, slowErr, inOrder
}

// splitSmall makes Fold cut even small files into four ranges.
func splitSmall(t *testing.T) {
	minSize, procs := fastMinSize, runtime.GOMAXPROCS(4)
	fastMinSize = 1
	t.Cleanup(func() { fastMinSize = minSize; runtime.GOMAXPROCS(procs) })
}

func idRows(ids []string, bad int, totals ...int) string {
	var b strings.Builder
	b.WriteString("id,v\n")
	for i, id := range ids {
		v := fmt.Sprint(i)
		if i == bad {
			v = "x"
		}
		if slices.Contains(totals, i) {
			v = "total"
		}
		fmt.Fprintf(&b, "%s,%s\n", id, v)
	}
	return b.String()
}

// TestAscendingIDsHandOverAtEveryRow: ascending ids, then at every row in
// turn (of four ranges) an id out of order: one not seen (no error), the one
// just before it, the very first, or one of another range (a duplicate).
// Fold names the first duplicate as the in-order pass does, with the rows
// read before it, and never runs that pass.
func TestAscendingIDsHandOverAtEveryRow(t *testing.T) {
	splitSmall(t)
	const n = 120
	sorted := make([]string, n)
	for i := range sorted {
		sorted[i] = fmt.Sprintf("h%05d", 10*(i+1))
	}
	for p := 1; p < n; p++ {
		for _, c := range []struct {
			name string
			id   string
		}{
			{"unseen", fmt.Sprintf("h%05d", 10*p-5)}, // between the two before p
			{"previous", sorted[p-1]},
			{"first", sorted[0]},
			{"later", sorted[(p+n/2)%n]},
			{"swapped", ""},
		} {
			ids := append([]string(nil), sorted...)
			if c.name == "swapped" {
				ids[p-1], ids[p] = ids[p], ids[p-1]
			} else {
				ids[p] = c.id
			}
			for _, bad := range []int{-1, n - 1 - p/3} {
				fast, slow, fastErr, slowErr, inOrder := foldBoth(t, idRows(ids, bad))
				if fastErr != slowErr || fastErr != "" && fast != slow {
					t.Fatalf("%s id at row %d, bad row %d: Fold %q after %d rows, in order %q after %d", c.name, p, bad, fastErr, fast, slowErr, slow)
				}
				if inOrder != 0 {
					t.Fatalf("%s id at row %d, bad row %d: Fold ran the in-order pass", c.name, p, bad)
				}
			}
		}
	}
}

// TestIDsAgreeWithTheInOrderPass: random registries, sorted in stretches,
// shuffled in others, with repeats and bad cells, give Fold's answer as the
// in-order pass gives it.
func TestIDsAgreeWithTheInOrderPass(t *testing.T) {
	splitSmall(t)
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 1000 {
		n := 20 + rng.IntN(300)
		ids := make([]string, n)
		for i := range ids {
			ids[i] = fmt.Sprintf("h%06d", 3*i)
		}
		if rng.IntN(2) == 0 { // shuffle a stretch
			from := rng.IntN(n)
			to := from + rng.IntN(n-from)
			rng.Shuffle(to-from, func(a, b int) { ids[from+a], ids[from+b] = ids[from+b], ids[from+a] })
		}
		for range rng.IntN(3) { // repeat an id, or put one out of order
			ids[rng.IntN(n)] = fmt.Sprintf("h%06d", rng.IntN(3*n))
		}
		bad := -1
		if rng.IntN(3) == 0 {
			bad = rng.IntN(n)
		}
		var totals []int // rows whose id is not checked, repeating another's
		for range rng.IntN(3) {
			k := rng.IntN(n)
			ids[k] = ids[rng.IntN(n)]
			totals = append(totals, k)
		}
		text := idRows(ids, bad, totals...)
		fast, slow, fastErr, slowErr, inOrder := foldBoth(t, text)
		if fastErr != slowErr || fastErr != "" && fast != slow || inOrder != 0 {
			t.Fatalf("round %d: Fold %q after %d rows, in order %q after %d rows (%d in-order passes)\n%s", round, fastErr, fast, slowErr, slow, inOrder, text)
		}
	}
}

// TestIDsAcrossFiles: an id of the first file repeated in the second, and
// a bad row of the second, are named as the in-order pass names them.
func TestIDsAcrossFiles(t *testing.T) {
	splitSmall(t)
	ids := make([]string, 80)
	for i := range ids {
		ids[i] = fmt.Sprintf("h%04d", i)
	}
	for repeat := -1; repeat < 40; repeat += 3 {
		for _, bad := range []int{-1, 10, 30} {
			second := append([]string(nil), ids[40:]...)
			if repeat >= 0 {
				second[repeat] = ids[(repeat*7)%40]
			}
			fast, slow, fastErr, slowErr, inOrder := foldBoth(t, idRows(ids[:40], -1), idRows(second, bad))
			if fastErr != slowErr || fastErr != "" && fast != slow || inOrder != 0 {
				t.Fatalf("repeat at %d, bad row %d: Fold %q after %d rows, in order %q after %d rows (%d in-order passes)", repeat, bad, fastErr, fast, slowErr, slow, inOrder)
			}
		}
	}
}

// TestErrorsDeepInABigFile: in a file of 8 MiB and more, read in parallel
// ranges as it is, a duplicate id on the last line and a bad number near
// the end are named as the in-order pass names them, with the rows read
// before them, without that pass.
func TestErrorsDeepInABigFile(t *testing.T) {
	if testing.Short() {
		t.Skip("a 9 MB file")
	}
	const n = 400_000
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("county-village-%09d", i)
	}
	for _, c := range []struct {
		name string
		ids  []string
		bad  int
		want string
	}{
		{"duplicate on the last line", append(ids[:n:n], ids[5]), -1, `:400002: column "id": duplicate household "county-village-000000005": already at `},
		{"bad number near the end", ids, n - n/8, `:350002: column "v": "x" is not a number`},
	} {
		fast, slow, fastErr, slowErr, inOrder := foldBoth(t, idRows(c.ids, c.bad))
		if !strings.Contains(fastErr, c.want) || fastErr != slowErr || fast != slow {
			t.Errorf("%s: Fold %q after %d rows, in order %q after %d rows", c.name, fastErr, fast, slowErr, slow)
		}
		if inOrder != 0 {
			t.Errorf("%s: Fold ran the in-order pass", c.name)
		}
	}
}

// TestAfterIsCompare: after orders ids as bytes.Compare does, on ids of
// every length around the eight-byte steps, that share long prefixes and
// differ in one byte, high bytes included.
func TestAfterIsCompare(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 19))
	for trial := 0; trial < 100000; trial++ {
		a := make([]byte, rng.IntN(26))
		for i := range a {
			a[i] = "0189\xff"[rng.IntN(5)]
		}
		b := append([]byte{}, a...)
		switch rng.IntN(4) {
		case 0:
			b = b[:rng.IntN(len(b)+1)]
		case 1:
			b = append(b, "0\xff"[rng.IntN(2)])
		default:
			if len(b) > 0 {
				b[rng.IntN(len(b))] = "0189\xff"[rng.IntN(5)]
			}
		}
		if got, want := after(a, b), bytes.Compare(a, b) > 0; got != want {
			t.Fatalf("after(%q, %q) = %v, bytes.Compare says %v", a, b, got, want)
		}
		if got, want := after(b, a), bytes.Compare(b, a) > 0; got != want {
			t.Fatalf("after(%q, %q) = %v, bytes.Compare says %v", b, a, got, want)
		}
	}
}
