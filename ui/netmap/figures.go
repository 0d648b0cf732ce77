package netmap

import (
	"maps"
	"slices"

	"eu.ilsa.coach/ilsa/data/domain"
)

// Figures are the numbers behind the map, for the actors a filter shows
// and the relations between them.
type Figures struct {
	Actors      int
	ByKind      []KindCount // the kinds that occur, in the kinds' display order (not given last)
	Relations   int
	RelByKind   map[domain.RelationKind]int
	CrossBorder int // relations between an actor in Sweden and one in Norway
	// Since is the project's start ("": not set); NewlyLinked counts the
	// actors with a relation that began on or after it.
	Since       string
	NewlyLinked int
}

// KindCount is how many actors of a kind there are in each country ("" for
// not given).
type KindCount struct {
	Kind      domain.OrgKind
	Group     Group
	ByCountry map[domain.Country]int
}

// Count works out the figures of the actors f shows on m, with the
// relations between them, and the actors linked since the project's start
// since ("" leaves NewlyLinked 0). Every relation counts, also a second
// one between the same two actors, which the map draws as one line.
func Count(m *Map, relations []domain.Relation, f Filter, since string) Figures {
	fig := Figures{RelByKind: map[domain.RelationKind]int{}, Since: since}
	kinds := map[domain.OrgKind]*KindCount{}
	for i := range m.Nodes {
		n := &m.Nodes[i]
		if !f.Shows(n) {
			continue
		}
		fig.Actors++
		k := kinds[n.Kind]
		if k == nil {
			k = &KindCount{Kind: n.Kind, Group: n.Group, ByCountry: map[domain.Country]int{}}
			kinds[n.Kind] = k
		}
		k.ByCountry[n.Country]++
	}
	order := append(slices.Clone(domain.OrgKinds), domain.KindUnknown)
	for _, k := range order {
		if c, ok := kinds[k]; ok {
			fig.ByKind = append(fig.ByKind, *c)
			delete(kinds, k)
		}
	}
	newer := slices.Sorted(maps.Keys(kinds)) // kinds from a newer version, after the known ones
	for _, k := range newer {
		fig.ByKind = append(fig.ByKind, *kinds[k])
	}
	linked := map[int]bool{}
	for _, r := range relations {
		a, b := m.NodeOf(r.FromOrg), m.NodeOf(r.ToOrg)
		if a < 0 || b < 0 || a == b || !f.Shows(&m.Nodes[a]) || !f.Shows(&m.Nodes[b]) {
			continue
		}
		fig.Relations++
		fig.RelByKind[r.Kind]++
		if r.IsCrossBorder(func(id string) domain.Country { return m.Nodes[m.NodeOf(id)].Country }) {
			fig.CrossBorder++
		}
		if since != "" && r.Start >= since {
			linked[a], linked[b] = true, true
		}
	}
	fig.NewlyLinked = len(linked)
	return fig
}
