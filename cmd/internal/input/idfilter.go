package input

import (
	"hash/maphash"
	"math/bits"
	"sync"
	"sync/atomic"
)

// idFilter is a Bloom filter of ids seen, in bounded memory: as many bytes
// as the input, rounded up to a power of two, from 64 KiB to at most 16 MiB
// (reached at 8 MiB of input) whatever the number of rows, so that a
// summary's memory stays flat. It never misses an id seen before; it may
// wrongly report one as seen, so a "maybe seen" is only a candidate,
// confirmed or dismissed by a second look at the lines of the candidates
// (firstRepeat), which may read much of the input again, so wrong reports
// must be rare: at two million ids, about one run in a hundred has one
// (TestIDFilterFalsePositives). Only ids out of order go into it
// (rangeIDs): a registry sorted by id never fills it.
//
// Its words are allocated at the first id added (ready): a sorted
// registry never adds one, so its run neither holds the 16 MiB nor lets them
// raise the garbage collector's goal, and its memory stays that of the sums.
//
// It is blocked: an id's bits all lie in one 64-byte block, two bits in
// each of its eight words, so an add costs one cache miss instead of
// sixteen. The block comes from the hash's top bits and the bits within it
// from the rest, so that ids sharing a block do not share their bits.
type idFilter struct {
	words  []uint64 // nil until ready
	blocks uint64
	once   sync.Once
	shift  uint // the hash's top 64 − shift bits choose the block
	seed   maphash.Seed
	locks  [256]sync.Mutex // a block is only touched under locks[block%256]
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
	shift := uint(64 - bits.TrailingZeros64(blocks))
	return &idFilter{blocks: blocks, shift: shift, seed: maphash.MakeSeed()}
}

// ready allocates the words, once, before the first id is added.
func (f *idFilter) ready() {
	f.once.Do(func() { f.words = make([]uint64, f.blocks*8) })
}

// block is the index of the first word of h's block.
func (f *idFilter) block(h uint64) uint64 { return (h >> f.shift) * 8 }

// addHash records an id by its hash and reports whether it may have been
// added before. Adds to one block are serialised by its lock, so two workers
// adding the same id cannot both miss each other.
func (f *idFilter) addHash(h uint64) (maybeSeen bool) {
	block := f.block(h)
	words := f.words[block : block+8 : block+8]
	// Six bits of each of two hashes choose a bit in each word: the low
	// bits of h, and a remix of all of it.
	a, b := h, remix(h)
	mu := &f.locks[(block/8)&255]
	mu.Lock()
	seen := true
	for i := range words {
		// Words are read and written atomically: idBatch touches blocks
		// without their locks to bring them into the cache.
		mask := uint64(1)<<(a&63) | uint64(1)<<(b&63)
		if atomic.LoadUint64(&words[i])&mask != mask {
			seen = false
			atomic.OrUint64(&words[i], mask)
		}
		a, b = a>>6, b>>6
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
	if b.n == 0 {
		return
	}
	b.filter.ready()
	for _, h := range b.hashes[:b.n] {
		b.touched ^= atomic.LoadUint64(&b.filter.words[b.filter.block(h)])
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

// remix is splitmix64's finalizer: every bit of its result depends on every
// bit of h.
func remix(h uint64) uint64 {
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	return h ^ h>>31
}
