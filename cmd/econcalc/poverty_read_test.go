package main

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"unsafe"

	"econcalc/calc"
)

// TestVillageTalliesAgreeWithAMap: the villages of random registries, in
// runs and shuffled, with names that share prefixes, short and long ones,
// find the same tally every time they are met and a new one the first time,
// as a map from name to tally does, and are listed in order of first
// appearance, across the table's growth.
func TestVillageTalliesAgreeWithAMap(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 9))
	for round := range 40 {
		villages := 1 + rng.IntN(5000)
		v := newVillageTallies()
		want := map[string]*calc.RegistryTally{}
		taken := map[*calc.RegistryTally]bool{}
		var order []string
		for range 3 * villages {
			k := rng.IntN(villages)
			name := fmt.Sprintf("村%d", k)
			switch k % 6 {
			case 1:
				name = fmt.Sprintf("%d", k) // a prefix of other names
			case 2:
				name = fmt.Sprintf("Village %d-%d", k%7, k)
			case 3:
				name = fmt.Sprintf("长顺县长寨街道办事处%d村", k) // longer than a tally keeps beside it
			case 4:
				name = fmt.Sprintf("%015d", k) // as long as a tally keeps
			case 5:
				name = fmt.Sprintf("%016d", k) // one byte longer
			}
			for range 1 + rng.IntN(3) { // a run of households
				got := v.of([]byte(name))
				if w, seen := want[name]; !seen {
					if taken[got] {
						t.Fatalf("round %d: new village %q got another village's tally", round, name)
					}
					want[name], taken[got] = got, true
					order = append(order, name)
				} else if got != w {
					t.Fatalf("round %d: village %q met again got another tally", round, name)
				}
			}
		}
		if !slices.Equal(v.names, order) {
			t.Fatalf("round %d: %d names listed, want %d in order of first appearance", round, len(v.names), len(order))
		}
		for i, name := range v.names {
			if v.tally(i) != want[name] {
				t.Fatalf("round %d: place %d is not %q's tally", round, i, name)
			}
		}
	}
}

// TestVillageTallyIsTwoCacheLines: a village's name and tally take 128
// bytes, so that a chunk's tallies lie on cache lines, the name and the
// sums every household adds to in the first.
func TestVillageTallyIsTwoCacheLines(t *testing.T) {
	if size := unsafe.Sizeof(villageTally{}); size != 128 {
		t.Errorf("a village's tally is %d bytes", size)
	}
	if at := unsafe.Offsetof(villageTally{}.RegistryTally); at != 16 {
		t.Errorf("the tally starts at byte %d", at)
	}
}
