package indicators

// figureBuilder collects a Figure: organisations as a bit set over the
// organisation table and visits as positions in the report's visit list, in
// the order they come (oldest first), each once. A report over 100,000
// visits adds millions of members; maps of ids and slices of strings made
// most of its time (hashing, and the garbage collector scanning pointers).
type figureBuilder struct {
	value  int
	orgs   []uint64 // bit i: the organisation with index i in orgTable.list
	visits []int32  // positions in computation.visits
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
// was new.
func (b *figureBuilder) addVisit(pos int) bool {
	if b.last == pos+1 {
		return false
	}
	b.last = pos + 1
	b.visits = append(b.visits, int32(pos))
	return true
}

// orgFigure returns the Figure with Value the number of organisations.
func (b *figureBuilder) orgFigure(c *computation) Figure {
	f := b.figure(c)
	f.Value = len(f.Orgs)
	return f
}

// figure returns the Figure with the value accumulated in b.value. The
// table's list is sorted by id, so the ids come out sorted.
func (b *figureBuilder) figure(c *computation) Figure {
	t := c.orgs
	orgs := []string{}
	for w, bits := range b.orgs {
		for i := 0; bits != 0; i++ {
			if bits&1 != 0 {
				orgs = append(orgs, t.list[w*64+i].ID)
			}
			bits >>= 1
		}
	}
	visits := make([]string, len(b.visits))
	for i, pos := range b.visits {
		visits[i] = c.visits[pos].ID
	}
	return Figure{Value: b.value, Orgs: orgs, Visits: visits}
}
