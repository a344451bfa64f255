package input

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// A candidate set answers as the map of its ids does, for candidates and
// for ids that are not: short ids, long ones, ids that share their last
// eight bytes, and many that share a prefix, as a registry's do.
func TestCandidateSetIsItsMap(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 1))
	var pool []string
	for i := range 4000 {
		switch i % 4 {
		case 0:
			pool = append(pool, fmt.Sprintf("4311030000%07d", rng.IntN(10_000_000)))
		case 1:
			pool = append(pool, fmt.Sprint(rng.IntN(1000))) // fewer than eight bytes
		case 2:
			pool = append(pool, fmt.Sprintf("%d-12345678", rng.IntN(100))) // same last eight bytes
		default:
			pool = append(pool, "")
		}
	}
	var candidates []string
	want := map[string]bool{}
	for _, id := range pool[:1500] {
		if rng.IntN(2) == 0 {
			candidates = append(candidates, id)
			want[id] = true
		}
	}
	set := newCandidateSet(candidates)
	turnedAway := 0 // by the bitmap alone
	for _, id := range pool {
		if got := set.has([]byte(id)); got != want[id] {
			t.Fatalf("has(%q) = %v, want %v", id, got, want[id])
		}
		h := quickHash([]byte(id))
		if set.bits[h/64]&(1<<(h%64)) == 0 {
			turnedAway++
		}
	}
	if len(candidates) == 0 || turnedAway == 0 {
		t.Fatalf("%d candidates, %d ids turned away by the bitmap", len(candidates), turnedAway)
	}
}
