package main

import (
	"hash/maphash"
	"sync"
	"sync/atomic"
)

// idFilter is a Bloom filter of ids seen, in fixed memory: at most 16 MiB
// whatever the number of rows, so that a summary's memory stays flat (an
// input of a megabyte or more gets all of it, a smaller one a block per 64
// bytes). It never misses an id seen before; it may wrongly report one as
// seen (about once in ten million ids at two million rows), so a "maybe
// seen" is only a candidate, confirmed or dismissed by a second look at the
// input.
//
// It is blocked: an id's bits all lie in one 64-byte block, one bit in each
// of its eight words, so an add costs one cache miss instead of eight.
type idFilter struct {
	words []uint64
	mask  uint64 // blocks − 1
	seed  maphash.Seed
	locks [256]sync.Mutex // a block is only touched under locks[block%256]
}

const (
	maxFilterBlocks = 1 << 18 // of 8 words: 16 MiB
	minFilterBlocks = 1 << 10
)

// newIDFilter sizes a filter for an input of so many bytes.
func newIDFilter(inputBytes int64) *idFilter {
	blocks := uint64(minFilterBlocks)
	for blocks < maxFilterBlocks && int64(blocks)*64 < inputBytes {
		blocks *= 2
	}
	return &idFilter{words: make([]uint64, blocks*8), mask: blocks - 1, seed: maphash.MakeSeed()}
}

// addHash records an id by its hash and reports whether it may have been
// added before. Adds to one block are serialised by its lock, so two workers
// adding the same id cannot both miss each other.
func (f *idFilter) addHash(h uint64) (maybeSeen bool) {
	block := h & f.mask
	bits := h * 0x9e3779b97f4a7c15 // a second hash: six bits for each of eight words
	words := f.words[block*8 : block*8+8 : block*8+8]
	mu := &f.locks[block&255]
	mu.Lock()
	seen := true
	for i := range words {
		// Words are read and written atomically: idBatch touches blocks
		// without their locks to bring them into the cache.
		mask := uint64(1) << (bits & 63)
		if atomic.LoadUint64(&words[i])&mask == 0 {
			seen = false
			atomic.OrUint64(&words[i], mask)
		}
		bits >>= 6
	}
	mu.Unlock()
	return seen
}

// idBatch adds ids to a filter in batches: it first touches every block of
// the batch, so that their cache misses overlap instead of following one
// another (twice as fast, measured), then adds them. Ids the filter may
// have seen become candidates.
type idBatch struct {
	filter     *idFilter
	hashes     [idBatchSize]uint64
	ends       [idBatchSize]int // where each id ends in arena
	arena      []byte
	n          int
	touched    uint64 // keeps the touching loads from being optimised away
	candidates []string
}

const idBatchSize = 64

func (b *idBatch) add(id []byte) {
	b.hashes[b.n] = maphash.Bytes(b.filter.seed, id)
	b.arena = append(b.arena, id...)
	b.ends[b.n] = len(b.arena)
	if b.n++; b.n == idBatchSize {
		b.flush()
	}
}

// flush adds the ids held; call it once more after the last id.
func (b *idBatch) flush() {
	for _, h := range b.hashes[:b.n] {
		b.touched ^= atomic.LoadUint64(&b.filter.words[(h&b.filter.mask)*8])
	}
	start := 0
	for i, h := range b.hashes[:b.n] {
		if b.filter.addHash(h) {
			b.candidates = append(b.candidates, string(b.arena[start:b.ends[i]]))
		}
		start = b.ends[i]
	}
	b.n, b.arena = 0, b.arena[:0]
}
