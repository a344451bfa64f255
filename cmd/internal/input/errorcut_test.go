package input

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// linesRead is a part that keeps the place of every row it read, and is
// cut back to those before a line (ErrorCut).
type linesRead struct{ at []Pos }

func (p *linesRead) CutBefore(line int) {
	p.at = slices.DeleteFunc(p.at, func(at Pos) bool { return at.Line() >= line })
}

func addLine(p *linesRead, r *Row) error {
	n := 0
	if err := addCounted(&n, r); err != nil {
		return err
	}
	p.at = append(p.at, r.Pos())
	return nil
}

func joinLines(ps []*linesRead) (*linesRead, error) {
	all := &linesRead{}
	for _, p := range ps {
		all.at = append(all.at, p.at...)
	}
	return all, nil
}

// lineNumbers are the lines of the rows a part read, in the order read.
func (p *linesRead) lineNumbers() []int {
	lines := make([]int, len(p.at))
	for i, at := range p.at {
		lines[i] = at.Line()
	}
	return lines
}

// TestErrorCutIsTheInOrderPart: with a part that can be cut, a repeated id
// anywhere, in sorted and shuffled registries with bad cells and total rows
// besides, gives Fold's error as the in-order pass gives it, and the part
// cut to the very rows the in-order pass read before it, without reading
// again the range that holds it.
func TestErrorCutIsTheInOrderPart(t *testing.T) {
	splitSmall(t)
	rng := rand.New(rand.NewPCG(7, 17))
	dir := t.TempDir()
	path := filepath.Join(dir, "in.csv")
	for round := range 600 {
		n := 20 + rng.IntN(200)
		ids := make([]string, n)
		for i := range ids {
			ids[i] = fmt.Sprintf("h%06d", 3*i)
		}
		if rng.IntN(2) == 0 {
			rng.Shuffle(n, func(a, b int) { ids[a], ids[b] = ids[b], ids[a] })
		}
		for range 1 + rng.IntN(2) { // a repeat at any row
			ids[rng.IntN(n)] = ids[rng.IntN(n)]
		}
		bad := -1
		if rng.IntN(3) == 0 {
			bad = rng.IntN(n)
		}
		var totals []int
		if rng.IntN(3) == 0 {
			totals = append(totals, rng.IntN(n))
		}
		text := idRows(ids, bad, totals...)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		in, err := Open(Options{Files: []string{path}, Encoding: "auto", Delimiter: ','}, nil)
		if err != nil {
			t.Fatal(err)
		}
		in.Unique(0, "household")
		before := inOrderPasses.Load()
		fast, fastErr := Fold(in, func(int64) *linesRead { return &linesRead{} }, addLine, joinLines)
		inOrder := inOrderPasses.Load() - before
		slow := &linesRead{}
		ids2 := in.exactIDs()
		slowErr := in.readInOrder(func(r *Row) error { r.ids = ids2; return addLine(slow, r) })
		in.Close()
		if fmt.Sprint(fastErr) != fmt.Sprint(slowErr) || inOrder != 0 {
			t.Fatalf("round %d: Fold %v, in order %v (%d in-order passes)\n%s", round, fastErr, slowErr, inOrder, text)
		}
		if slowErr != nil && !slices.Equal(fast.lineNumbers(), slow.lineNumbers()) {
			t.Fatalf("round %d: %v: Fold's part read lines %v, the in-order pass %v\n%s", round, slowErr, fast.lineNumbers(), slow.lineNumbers(), text)
		}
	}
}
