package main

import (
	"hash/maphash"

	"econcalc/calc"
)

// villageTallies are one part's villages' running sums in order of first
// appearance: the tallies in chunks, never moved once made, and a table
// from name to place, so that a registry of a million villages makes a
// thousand allocations for its tallies, not a million, and never copies
// them.
//
// The table is open addressing over the names' hashes, at most half full:
// a slot holds 32 bits of the hash and the place, and a short name is kept
// beside its tally, so that a registry whose villages do not come in runs
// (shuffled) finds a village with a look at a small slot and one at the
// tally it adds to anyway, where a Go map looks through a group of string
// headers and then at the name's bytes elsewhere.
type villageTallies struct {
	names  []string
	chunks [][]villageTally // of tallyChunk tallies, the last one filling
	slots  []villageSlot    // a power of two of them
	seed   maphash.Seed
	last   *calc.RegistryTally // registries list a village's households together
	lastAt int                 // the last village's place
}

// villageSlot is a place in villageTallies' table: the village at place
// at−1, whose hash's top 32 bits are tag; at 0 is an empty slot.
type villageSlot struct {
	tag uint32
	at  uint32
}

// villageTally is a village's name, when it fits, and its tally, in 128
// bytes: two cache lines, a chunk's tallies aligned on them (a chunk is a
// large allocation, page-aligned). The name and the sums every household
// adds to (calc.FixedTally's income and counts come first) share the first
// line, so that a registry whose villages come in no order finds a village
// and counts a household above the line with one look at memory.
type villageTally struct {
	short [villageShort]byte // five Chinese characters, fifteen letters
	n     uint8              // len(name) in short; longName when it does not fit
	calc.RegistryTally
}

const (
	tallyChunk   = 1024
	villageShort = 15
	longName     = 255
)

// is reports whether the village at place i is so named.
func (v *villageTallies) is(i int, name []byte) bool {
	t := &v.chunks[i/tallyChunk][i%tallyChunk]
	if t.n == longName {
		return v.names[i] == string(name)
	}
	return int(t.n) == len(name) && string(t.short[:t.n]) == string(name)
}

func newVillageTallies() villageTallies {
	return villageTallies{slots: make([]villageSlot, 64), seed: maphash.MakeSeed()}
}

// of is the tally of the village so named, new if need be.
func (v *villageTallies) of(name []byte) *calc.RegistryTally {
	if v.last != nil && v.is(v.lastAt, name) {
		return v.last
	}
	h := maphash.Bytes(v.seed, name)
	mask := uint64(len(v.slots) - 1)
	for k := h & mask; ; k = (k + 1) & mask {
		s := &v.slots[k]
		if s.at == 0 {
			i := len(v.names)
			if i%tallyChunk == 0 {
				v.chunks = append(v.chunks, make([]villageTally, tallyChunk))
			}
			t := &v.chunks[i/tallyChunk][i%tallyChunk]
			t.n = longName
			if len(name) <= villageShort {
				t.n = uint8(copy(t.short[:], name))
			}
			v.names = append(v.names, string(name))
			*s = villageSlot{tag: uint32(h >> 32), at: uint32(i + 1)}
			if 2*len(v.names) > len(v.slots) {
				v.grow()
			}
			v.last, v.lastAt = v.tally(i), i
			return v.last
		}
		if s.tag == uint32(h>>32) && v.is(int(s.at-1), name) {
			i := int(s.at - 1)
			v.last, v.lastAt = v.tally(i), i
			return v.last
		}
	}
}

// grow doubles the table.
func (v *villageTallies) grow() {
	v.slots = make([]villageSlot, 2*len(v.slots))
	mask := uint64(len(v.slots) - 1)
	for i, name := range v.names {
		h := maphash.String(v.seed, name)
		k := h & mask
		for v.slots[k].at != 0 {
			k = (k + 1) & mask
		}
		v.slots[k] = villageSlot{tag: uint32(h >> 32), at: uint32(i + 1)}
	}
}

// tally is the tally of the village at place i.
func (v *villageTallies) tally(i int) *calc.RegistryTally {
	return &v.chunks[i/tallyChunk][i%tallyChunk].RegistryTally
}
