package main

import (
	"hash/maphash"
	"sync"
)

// idFilter is a Bloom filter of ids seen, in fixed memory: 16 MiB whatever
// the number of rows, so that a summary's memory stays flat. It never
// misses an id seen before; it may wrongly report one as seen (about once
// in ten million ids at two million rows), so a "maybe seen" is only a
// candidate, confirmed or dismissed by a second look at the input.
//
// It is blocked: an id's bits all lie in one 64-byte block, one bit in each
// of its eight words, so an add costs one cache miss instead of eight.
type idFilter struct {
	words []uint64
	seed  maphash.Seed
	locks [256]sync.Mutex // a block is only touched under locks[block%256]
}

const idFilterBlocks = 1 << 18 // of 8 words: 16 MiB

func newIDFilter() *idFilter {
	return &idFilter{words: make([]uint64, idFilterBlocks*8), seed: maphash.MakeSeed()}
}

// add records id and reports whether it may have been added before. Adds to
// one block are serialised by its lock, so two workers adding the same id
// cannot both miss each other.
func (f *idFilter) add(id []byte) (maybeSeen bool) {
	h := maphash.Bytes(f.seed, id)
	block := h & (idFilterBlocks - 1)
	bits := h >> 18 // 46 bits left: six per word for eight words
	words := f.words[block*8 : block*8+8 : block*8+8]
	mu := &f.locks[block&255]
	mu.Lock()
	seen := true
	for i := range words {
		mask := uint64(1) << (bits & 63)
		if words[i]&mask == 0 {
			seen = false
			words[i] |= mask
		}
		bits = bits>>6 | bits<<58 // rotate: the eighth word reuses low bits
	}
	mu.Unlock()
	return seen
}
