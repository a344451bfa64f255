package main

import (
	"cmp"
	"encoding/binary"
	"slices"
	"unsafe"

	"econcalc/calc"
)

// weightClass is the households of one group and one weight: they share
// their floor and their remainder.
type weightClass struct {
	group  int32
	weight calc.Fixed
	exact  string // a weight beyond fixed point (see exactKey); "" for fixed point
}

// tallyPart is the first pass's count of one part of the input. Merged, it
// holds the parts, whose groups it numbers in first-appearance order.
type tallyPart struct {
	bytes     int64 // the input the part read; 0 for the in-order pass
	groups    payeeGroups
	lastGroup int                   // households of a group are usually listed together
	classes   map[weightClass]int64 // households of each group and weight
	small     []int64               // households of small whole weights, by group and smallWeight
	// smallCells is 1 + the smallWeight of a weight cell of one byte, once
	// read, and 0 before.
	smallCells [256]int8
	loose      []looseWeight       // households beyond maxTallyClasses, sorted once merged
	exact      map[string]calc.Num // weights beyond fixed point, by exactKey
	reported   []reportedTotal     // the file's own total rows
	// follows is, for each of reported, the group of the household before
	// it where it names none (合计 beside an empty 组): -1 for none,
	// partStart where the part began after that household (precedingGroups).
	follows   []int32
	after     []string // follows, merged: the group's name, "" for none
	subtotals int
	into      []int   // each of its groups' index among all, once merged
	ties      []int64 // households of each pool whose remainder is its cut (splitAll)
	shareTies []int64 // the same for the pools' splits of 100 (splitShares)
	parts     []*tallyPart
	places    int32 // the most decimals a weight is written with (splitAll), for the weight column
}

func newTallyPart(bytes int64) *tallyPart {
	return &tallyPart{bytes: bytes, groups: payeeGroups{byName: map[string]int{}}, lastGroup: -1,
		classes: map[weightClass]int64{}, exact: map[string]calc.Num{}}
}

// maxTallyClasses is how many classes a part counts in its map; once it has
// met that many (a weight column of amounts, with as many values as
// households), it lists the households of other classes as looseWeights (a
// variable so that tests list them on small inputs).
var maxTallyClasses = 1 << 16

// looseWeight is one household of a fixed-point weight that a part lists
// rather than counts: 16 bytes a household, no pointers, sorted and counted
// in runs once the part is read.
type looseWeight struct {
	units  int64
	group  int32
	places int8
}

// smallWeights is how many weights a part counts in a slice rather than
// its map: the whole numbers below it written without decimals, the
// members of a household say, for which a map costs most of the pass (a
// variable so that tests count every class in the map).
var smallWeights = 16

// smallWeight is a fixed-point weight's place among the small ones, or -1.
// 2 and 2.0 are apart (they print apart): only the first is small.
func smallWeight(f calc.Fixed) int {
	if f.Places != 0 || f.Units < 0 || f.Units%calc.FixedOne != 0 || f.Units/calc.FixedOne >= int64(smallWeights) {
		return -1
	}
	return int(f.Units / calc.FixedOne)
}

// countSmall counts a household of a small weight (smallWeight k) in the
// group.
func (p *tallyPart) countSmall(group, k int) {
	i := group*smallWeights + k
	if i >= len(p.small) {
		n := (group + 1) * smallWeights
		p.small = slices.Grow(p.small, n-len(p.small))[:n] // never shrunk: the new counts are zero
	}
	p.small[i]++
}

// each calls fn with each class of the part and its households; a class
// may come more than once, its households split between the calls.
func (p *tallyPart) each(fn func(c weightClass, households int64)) {
	for i, n := range p.small {
		if n > 0 {
			k := int64(i % smallWeights)
			fn(weightClass{group: int32(i / smallWeights), weight: calc.Fixed{Units: k * calc.FixedOne}}, n)
		}
	}
	for c, n := range p.classes {
		fn(c, n)
	}
	for i := 0; i < len(p.loose); {
		j := i + 1
		for j < len(p.loose) && p.loose[j] == p.loose[i] {
			j++
		}
		fn(weightClass{group: p.loose[i].group, weight: calc.Fixed{Units: p.loose[i].units, Places: p.loose[i].places}}, int64(j-i))
		i = j
	}
}

// mergeTallies keeps the parts, in input order, and numbers their groups in
// order of first appearance.
func mergeTallies(parts []*tallyPart) (*tallyPart, error) {
	all := newTallyPart(0)
	all.parts = parts
	last := "" // the group of the last household of the parts merged
	for _, p := range parts {
		all.reported = append(all.reported, p.reported...)
		all.after, last = p.precedingGroups(all.after, last)
		all.subtotals += p.subtotals
		slices.SortFunc(p.loose, func(a, b looseWeight) int {
			return cmp.Or(cmp.Compare(a.group, b.group), cmp.Compare(a.units, b.units), cmp.Compare(a.places, b.places))
		})
		p.into = make([]int, len(p.groups.groups))
		for gi, g := range p.groups.groups {
			p.into[gi] = all.groups.index(g.name)
		}
	}
	return all, nil
}

// sameName: the group cell b holds s, the name of the group of the row
// before (as most rows do). A name of 8 to 16 bytes, a village's three to
// five characters, is compared in two words that overlap, without a call.
func sameName(b []byte, s string) bool {
	if len(b) != len(s) {
		return false
	}
	if n := len(b); n >= 8 && n <= 16 {
		t := unsafe.Slice(unsafe.StringData(s), n)
		return binary.LittleEndian.Uint64(b) == binary.LittleEndian.Uint64(t) &&
			binary.LittleEndian.Uint64(b[n-8:]) == binary.LittleEndian.Uint64(t[n-8:])
	}
	return string(b) == s
}
