package input

import "encoding/binary"

// candidateSet is the ids that may repeat, which firstRepeat looks for in
// every line it reads again: a shuffled registry of millions of rows is
// read again whole for a thousand candidates, so most ids are turned away
// by a look at a bitmap (8 KiB, in the cache) on a hash of their last eight
// bytes, with no call; only the rest are looked up in the map.
type candidateSet struct {
	bits [candidateBits / 64]uint64
	ids  map[string]bool
}

const candidateBits = 1 << 16

func newCandidateSet(ids []string) *candidateSet {
	c := &candidateSet{ids: make(map[string]bool, len(ids))}
	for _, id := range ids {
		h := quickHash([]byte(id))
		c.bits[h/64] |= 1 << (h % 64)
		c.ids[id] = true
	}
	return c
}

// has reports whether id is a candidate.
func (c *candidateSet) has(id []byte) bool {
	h := quickHash(id)
	return c.bits[h/64]&(1<<(h%64)) != 0 && c.ids[string(id)]
}

// quickHash is 16 bits of a multiplicative hash of id's length and its last
// eight bytes, where the ids of a registry differ (the household's number
// after the county's and village's codes).
func quickHash(id []byte) uint16 {
	var x uint64
	if len(id) >= 8 {
		x = binary.LittleEndian.Uint64(id[len(id)-8:])
	} else {
		for _, c := range id {
			x = x<<8 | uint64(c)
		}
	}
	return uint16((x ^ uint64(len(id))) * 0x9E3779B97F4A7C15 >> 48)
}
