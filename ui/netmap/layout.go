package netmap

import (
	"hash/fnv"
	"math"

	"eu.ilsa.coach/ilsa/data/domain"
)

// The layout is Fruchterman–Reingold's force-directed one with its grid:
// related actors pull together, every actor pushes away those within two
// units (only those: the grid keeps 1,000 actors and 3,000 relations well
// under a second), and each actor is drawn towards the centre of its
// cluster — its country (Norway to the west, Sweden to the east, as on a
// map) and its group (innovation actors above, enterprises below). Every
// actor starts at a place derived from its id, and the nodes are visited in
// id order, so the same network gives the same positions at every opening,
// and a new actor moves the others only a little.

const (
	iterations = 80
	repelRange = 2.0  // actors farther apart than this do not push each other
	minGap     = 0.45 // what overlap removal leaves between two actors' centres
	gravity    = 0.15 // the pull towards the cluster's centre, per unit away
	attraction = 1.0  // the pull of a relation, per log of its length
)

// clusterCentre is where the actors of a country and group gather, for
// n actors in all: the clusters sit apart by about the width of the whole
// network, so each has room for its share.
func clusterCentre(c domain.Country, g Group, n int) (float64, float64) {
	spread := 0.5 * math.Sqrt(float64(n)+1)
	x := 0.0
	switch c {
	case domain.CountryNO:
		x = -1
	case domain.CountrySE:
		x = 1
	}
	y := map[Group]float64{GroupInnovation: -0.6, GroupEnterprise: 0.6, GroupOther: 0}[g]
	return x * spread, y * spread
}

// seed is a point in [-1, 1)² derived from the id alone.
func seed(id string) (float64, float64) {
	h := fnv.New64a()
	h.Write([]byte(id))
	v := h.Sum64()
	return float64(v>>40)/float64(1<<24)*2 - 1, float64(v&(1<<24-1))/float64(1<<24)*2 - 1
}

// grid buckets node indexes by cell, for the neighbours within one cell.
type grid struct {
	cell  float64
	cells map[[2]int][]int
}

func newGrid(m *Map, cell float64) *grid {
	g := &grid{cell: cell, cells: make(map[[2]int][]int, len(m.Nodes))}
	for i := range m.Nodes {
		k := g.key(m.Nodes[i].X, m.Nodes[i].Y)
		g.cells[k] = append(g.cells[k], i)
	}
	return g
}

func (g *grid) key(x, y float64) [2]int {
	return [2]int{int(math.Floor(x / g.cell)), int(math.Floor(y / g.cell))}
}

// near calls f for every node in the 3×3 cells around (x, y), in a fixed
// order.
func (g *grid) near(x, y float64, f func(j int)) {
	k := g.key(x, y)
	for dx := -1; dx <= 1; dx++ {
		for dy := -1; dy <= 1; dy++ {
			for _, j := range g.cells[[2]int{k[0] + dx, k[1] + dy}] {
				f(j)
			}
		}
	}
}

func layout(m *Map) {
	n := len(m.Nodes)
	if n == 0 {
		return
	}
	cx, cy := make([]float64, n), make([]float64, n)
	size := map[[2]int]int{}
	for i := range m.Nodes {
		size[[2]int{countryIndex(m.Nodes[i].Country), int(m.Nodes[i].Group)}]++
	}
	for i := range m.Nodes {
		nd := &m.Nodes[i]
		cx[i], cy[i] = clusterCentre(nd.Country, nd.Group, n)
		r := 0.8 * math.Sqrt(float64(size[[2]int{countryIndex(nd.Country), int(nd.Group)}]))
		sx, sy := seed(nd.ID)
		nd.X, nd.Y = cx[i]+sx*r, cy[i]+sy*r
	}
	dx, dy := make([]float64, n), make([]float64, n)
	temp := math.Sqrt(float64(n)) / 4
	for it := 0; it < iterations; it++ {
		clear(dx)
		clear(dy)
		g := newGrid(m, repelRange)
		for i := range m.Nodes {
			a := &m.Nodes[i]
			g.near(a.X, a.Y, func(j int) {
				if j == i {
					return
				}
				b := &m.Nodes[j]
				ex, ey := a.X-b.X, a.Y-b.Y
				d2 := ex*ex + ey*ey
				if d2 > repelRange*repelRange {
					return
				}
				if d2 < 1e-9 { // two at one place: apart along their order
					ex, ey, d2 = float64(i-j)*1e-3, 1e-3, 2e-6
				}
				// k²/d along the unit vector: k²·e/d².
				dx[i] += ex / d2
				dy[i] += ey / d2
			})
		}
		for _, e := range m.Edges {
			a, b := &m.Nodes[e.A], &m.Nodes[e.B]
			ex, ey := a.X-b.X, a.Y-b.Y
			d := math.Sqrt(ex*ex + ey*ey)
			// A spring: d along the unit vector, e itself, weakened
			// so a well-connected actor does not pull its relations into
			// a heap.
			f := attraction * math.Log1p(d) / math.Max(d, 1e-9)
			dx[e.A] -= ex * f
			dy[e.A] -= ey * f
			dx[e.B] += ex * f
			dy[e.B] += ey * f
		}
		for i := range m.Nodes {
			nd := &m.Nodes[i]
			fx := dx[i] + gravity*(cx[i]-nd.X)
			fy := dy[i] + gravity*(cy[i]-nd.Y)
			l := math.Sqrt(fx*fx + fy*fy)
			if l > temp {
				fx, fy = fx/l*temp, fy/l*temp
			}
			nd.X += fx
			nd.Y += fy
		}
		temp = math.Max(temp*0.95, 0.02)
	}
	removeOverlaps(m)
}

// removeOverlaps pushes apart actors closer than minGap, a few passes over
// the grid, so no two markers cover each other.
func removeOverlaps(m *Map) {
	for pass := 0; pass < 20; pass++ {
		g := newGrid(m, minGap)
		moved := false
		for i := range m.Nodes {
			a := &m.Nodes[i]
			g.near(a.X, a.Y, func(j int) {
				if j <= i {
					return
				}
				b := &m.Nodes[j]
				ex, ey := b.X-a.X, b.Y-a.Y
				d := math.Sqrt(ex*ex + ey*ey)
				if d >= minGap {
					return
				}
				if d < 1e-9 { // at one place: apart along their order
					ex, ey = float64(j-i), 1
					d = math.Sqrt(ex*ex + ey*ey)
				}
				push := (minGap - d) / 2 / d
				a.X, a.Y = a.X-ex*push, a.Y-ey*push
				b.X, b.Y = b.X+ex*push, b.Y+ey*push
				moved = true
			})
		}
		if !moved {
			return
		}
	}
}

func countryIndex(c domain.Country) int {
	switch c {
	case domain.CountryNO:
		return 0
	case domain.CountrySE:
		return 2
	}
	return 1
}
