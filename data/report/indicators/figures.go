package indicators

import (
	"math/bits"
	"slices"
)

// figureBuilder collects a Figure: organisations as a bit set over the
// organisation table and visits as positions in the report's visit list, in
// the order they come (oldest first), each once. A report over 100,000
// visits adds millions of members; maps of ids and slices of strings made
// most of its time (hashing, and the garbage collector scanning pointers).
type figureBuilder struct {
	value  int
	orgs   []uint64 // bit i: the organisation with index i in orgTable.list
	nvis   int32    // number of visits added
	visits []int32  // positions in computation.visits; nil while they are 0, 1, 2, … (see addVisit)
	last   int      // position + 1 of the last visit added, to add each once
}

func (b *figureBuilder) addOrg(o *org) {
	w := o.idx >> 6
	if int(w) >= len(b.orgs) {
		b.orgs = append(b.orgs, make([]uint64, int(w)+1-len(b.orgs))...)
	}
	b.orgs[w] |= 1 << (o.idx & 63)
}

func (b *figureBuilder) has(o *org) bool {
	w := o.idx >> 6
	return int(w) < len(b.orgs) && b.orgs[w]&(1<<(o.idx&63)) != 0
}

// addVisit adds the visit at position pos once (visits arrive one at a
// time, so a repeat can only be the last one added) and reports whether it
// was new. As long as the visits are every visit of the report from the
// first on (the visit count, the organisations reached, …) no list is kept:
// the figure shares the report's list of visit ids.
func (b *figureBuilder) addVisit(pos int) bool {
	if b.last == pos+1 {
		return false
	}
	b.last = pos + 1
	if b.visits == nil {
		if pos == int(b.nvis) {
			b.nvis++
			return true
		}
		b.visits = make([]int32, b.nvis, max(2*int(b.nvis), 16))
		for i := range b.visits {
			b.visits[i] = int32(i)
		}
	}
	if len(b.visits) == cap(b.visits) {
		// Double: append grows long lists by a quarter, copying them often.
		b.visits = slices.Grow(b.visits, len(b.visits))
	}
	b.visits = append(b.visits, int32(pos))
	b.nvis++
	return true
}

// orgFigure returns the Figure with Value the number of organisations.
func (b *figureBuilder) orgFigure(c *computation) Figure {
	f := b.figure(c)
	f.Value = len(f.Orgs)
	return f
}

// figure returns the Figure with the value accumulated in b.value. The
// table's list is sorted by id, so the ids come out sorted. A figure whose
// visits are the report's first ones shares c.visitIDs (capped, so an
// append copies): the lists of a Report are read-only.
func (b *figureBuilder) figure(c *computation) Figure {
	return Figure{Value: b.value, Orgs: b.orgIDs(c.orgs), Visits: b.visitIDs(c)}
}

func (b *figureBuilder) orgIDs(t *orgTable) []string {
	n := 0
	for _, w := range b.orgs {
		n += bits.OnesCount64(w)
	}
	orgs := make([]string, 0, n)
	for w, set := range b.orgs {
		for set != 0 {
			i := bits.TrailingZeros64(set)
			orgs = append(orgs, t.list[w*64+i].ID)
			set &= set - 1
		}
	}
	return orgs
}

func (b *figureBuilder) visitIDs(c *computation) []string {
	if c.figuresOnly {
		return nil
	}
	if b.visits == nil {
		return c.visitIDs[:b.nvis:b.nvis]
	}
	visits := make([]string, len(b.visits))
	for i, pos := range b.visits {
		visits[i] = c.visitIDs[pos]
	}
	return visits
}
