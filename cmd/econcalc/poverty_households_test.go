package main

import (
	"bytes"
	"math/rand/v2"
	"testing"

	"econcalc/cmd/internal/input"
)

// TestPlacesIsTrimAndIndex: places, which trims only a cell that may end in
// a space and looks through a short one a byte at a time, finds the places
// that trimming every cell and bytes.IndexByte find, on cells with ASCII
// and Unicode spaces at either end, several points, and long cells.
func TestPlacesIsTrimAndIndex(t *testing.T) {
	rng := rand.New(rand.NewPCG(31, 37))
	pieces := []string{"1", "0", "5", ".", " ", "\t", "\u3000", "\u00a0", "-", "，", "12345678901234567"}
	cols := householdColumns{counted: []int{0, 1}, excluded: []int{2}}
	for trial := 0; trial < 50000; trial++ {
		fields := make([][]byte, 3)
		for i := range fields {
			for n := rng.IntN(7); n > 0; n-- {
				fields[i] = append(fields[i], pieces[rng.IntN(len(pieces))]...)
			}
		}
		start := [2]int32{int32(rng.IntN(3)), int32(rng.IntN(3))}
		want := start
		for k, idx := range [2][]int{cols.counted, cols.excluded} {
			for _, i := range idx {
				cell := bytes.TrimSpace(fields[i])
				if dot := bytes.IndexByte(cell, '.'); dot >= 0 {
					want[k] = max(want[k], int32(min(len(cell)-dot-1, maxPlaces)))
				}
			}
		}
		if got := cols.places(&input.Row{Fields: fields}, start); got != want {
			t.Fatalf("%q from %v: places %v, want %v", fields, start, got, want)
		}
	}
}
