package main

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"econcalc/calc"
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

// TestPlacesReadIsPlaces: placesRead, which takes a row's places from its
// sums while they are in fixed point, finds what places finds looking at
// every cell, on random registries whose amounts are plain, spaced, signed,
// with up to six decimals, thousands separators, full-width digits, blank,
// beyond fixed point, and counted per person.
func TestPlacesReadIsPlaces(t *testing.T) {
	rng := rand.New(rand.NewPCG(41, 43))
	amounts := []string{"0", "10600", "159.47", "-748.0", "5.", "+.5", " 1.50 ", "", " ", "1.234567", "0.0001",
		`"1,234.5"`, "１.５", "99999999999999.99", "123456789012345678901", "3.000"}
	var csv strings.Builder
	csv.WriteString("household_id,village,members,wage,business,per_capita_transfer,subsidy,loan\n")
	for i := range 5000 {
		fmt.Fprintf(&csv, "%d,v%d,%d", 1000+i, i%7, 1+rng.IntN(6))
		for range 5 {
			csv.WriteString("," + amounts[rng.IntN(len(amounts))])
		}
		csv.WriteString("\n")
	}
	in, err := input.Open(input.Options{}, strings.NewReader(csv.String()))
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	for _, perCapita := range []map[int]bool{nil, {5: true}} {
		cols := householdColumns{id: 0, village: 1, members: 2, counted: []int{3, 4, 5}, excluded: []int{6, 7}, perCapita: perCapita}
		read := 0
		err = in.Each(func(rec *input.Row) error {
			var h calc.Registered
			if cols.read(rec, &h) != nil {
				return nil // a row the registry refuses is never listed
			}
			read++
			start := [2]int32{int32(rng.IntN(3)), int32(rng.IntN(3))}
			if got, want := cols.placesRead(rec, &h, start), cols.places(rec, start); got != want {
				t.Fatalf("%q from %v: placesRead %v, places %v", rec.Fields, start, got, want)
			}
			return nil
		})
		if err != nil || read < 100 {
			t.Fatalf("%d rows read: %v", read, err)
		}
	}
}
