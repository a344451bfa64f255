package main

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"econcalc/calc"
	"econcalc/cmd/internal/input"
)

// TestPlacesAsTheReaderReads: a cell's places are its decimals as the
// number reader reads them, not its bytes after a point: a full-width digit
// is three bytes and one decimal, the full-width point ． a point.
func TestPlacesAsTheReaderReads(t *testing.T) {
	for _, c := range []struct {
		cell  string
		scale int32 // the column's power of ten to 元: 4 for 万元
		want  int32
	}{
		{"3335.5", 0, 1},
		{"３３３５.５", 0, 1}, // len-dot-1 counted 3 bytes
		{"３３３５．５", 0, 1}, // no ASCII point: counted none
		{"１１１１.１１１１", 0, 4},
		{"１.２３４５６７８９０１２", 0, 11},
		{" 1.50 ", 0, 2},
		{"\u3000３.２５\u3000", 0, 2},
		{"1,234.567", 0, 3},
		{"１,２３４．５", 0, 1},
		{"－7.25", 0, 2},
		{"−7.250", 0, 3},
		{"＋.5", 0, 1},
		{"4000", 0, 0},
		{"5.", 0, 0},
		{"", 0, 0},
		{"n/a.123", 0, 0},  // no number: reading the row reports it
		{"1.2.3", 0, 0},    // no number
		{"1.234567", 4, 2}, // 万元: 12345.67 元
		{"１．２３４５６７", 4, 2}, // the same, full width
		{"12", 4, 0},
	} {
		in, err := input.Open(input.Options{}, strings.NewReader("id,counted,excluded\n1,\""+c.cell+"\",\""+c.cell+"\"\n"))
		if err != nil {
			t.Fatal(err)
		}
		cols := householdColumns{counted: []int{1}, excluded: []int{2}, scale: map[int]int32{1: c.scale, 2: c.scale}}
		var got [2]int32
		err = in.Each(func(rec *input.Row) error {
			got = cols.places(rec, got)
			return nil
		})
		if err != nil || got != [2]int32{c.want, c.want} {
			t.Errorf("%q in 10^%d: places %v (%v), want %d", c.cell, c.scale, got, err, c.want)
		}
		in.Close()
	}
}

// TestPlacesReadIsPlaces: placesRead, which takes a row's places from its
// sums, finds what places finds looking at every cell, on random registries
// whose amounts are plain, spaced, signed, with up to six decimals,
// thousands separators, full-width digits and points, blank, beyond fixed
// point, counted per person, and in 万元.
func TestPlacesReadIsPlaces(t *testing.T) {
	rng := rand.New(rand.NewPCG(41, 43))
	amounts := []string{"0", "10600", "159.47", "-748.0", "5.", "+.5", " 1.50 ", "", " ", "1.234567", "0.0001",
		`"1,234.5"`, "１.５", "３３３５．５０", "１１１１.１１１１", "99999999999999.99", "123456789012345678901", "3.000"}
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
		if perCapita != nil { // and two columns in 万元
			cols.scale = map[int]int32{4: 4, 7: 4}
		}
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
