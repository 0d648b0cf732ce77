// Package netmap is the innovation-system map apart from any widget: the
// network of organisations (actors) and their relations, laid out by a
// deterministic force-directed layout, the figures behind it, and a picture
// of it drawn with image/draw, which both the map screen and the command
// line's PNG export show.
package netmap

import (
	"slices"
	"strings"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/domain"
)

// Group is what an actor is in the innovation system: an innovation actor
// (incubator, cluster, business organisation, research, academia,
// municipality, region, public body), an enterprise, or neither (an NGO,
// other, not given). The map shapes and clusters actors by it.
type Group int

const (
	GroupInnovation Group = iota
	GroupEnterprise
	GroupOther
)

// Groups lists the groups in display order.
var Groups = []Group{GroupInnovation, GroupEnterprise, GroupOther}

// GroupOf is the group of an organisation kind.
func GroupOf(k domain.OrgKind) Group {
	switch {
	case k.IsEnterprise():
		return GroupEnterprise
	case k == domain.KindNGO || k == domain.KindOther || !k.Known():
		return GroupOther
	}
	return GroupInnovation
}

// Node is one actor on the map, at (X, Y) in the layout's own units
// (about one unit between related actors).
type Node struct {
	data.Actor
	Group  Group
	Degree int // how many relations it has
	X, Y   float64
}

// Edge is one relation on the map, between Nodes[A] and Nodes[B].
type Edge struct {
	A, B        int
	Kind        domain.RelationKind
	CrossBorder bool // one end in Sweden, the other in Norway
}

// Map is the laid-out network: its nodes in id order, so the same actors
// give the same map.
type Map struct {
	Nodes []Node
	Edges []Edge
	index map[string]int
}

// NodeOf is the index of the actor with id, or -1.
func (m *Map) NodeOf(id string) int {
	if i, ok := m.index[id]; ok {
		return i
	}
	return -1
}

// Build makes the map of actors and relations and lays it out. Relations
// with an end that is not among the actors are left out, and so is a second
// relation between the same two actors (the map draws one line).
func Build(actors []data.Actor, relations []domain.Relation) *Map {
	m := &Map{Nodes: make([]Node, len(actors)), index: make(map[string]int, len(actors))}
	for i, a := range actors {
		m.Nodes[i] = Node{Actor: a, Group: GroupOf(a.Kind)}
	}
	slices.SortFunc(m.Nodes, func(a, b Node) int { return strings.Compare(a.ID, b.ID) })
	for i, n := range m.Nodes {
		m.index[n.ID] = i
	}
	seen := map[[2]int]bool{}
	for _, r := range relations {
		a, okA := m.index[r.FromOrg]
		b, okB := m.index[r.ToOrg]
		if !okA || !okB || a == b {
			continue
		}
		pair := [2]int{min(a, b), max(a, b)}
		if seen[pair] {
			continue
		}
		seen[pair] = true
		cross := m.Nodes[a].Country.Valid() && m.Nodes[b].Country.Valid() && m.Nodes[a].Country != m.Nodes[b].Country
		m.Edges = append(m.Edges, Edge{A: a, B: b, Kind: r.Kind, CrossBorder: cross})
		m.Nodes[a].Degree++
		m.Nodes[b].Degree++
	}
	slices.SortFunc(m.Edges, func(x, y Edge) int {
		if x.A != y.A {
			return x.A - y.A
		}
		return x.B - y.B
	})
	layout(m)
	return m
}

// Filter chooses the actors shown; zero fields choose all.
type Filter struct {
	Country      domain.Country
	Kind         domain.OrgKind
	Group        *Group
	Municipality string
	Sector       string
}

// Shows reports whether the filter shows node n.
func (f Filter) Shows(n *Node) bool {
	return (f.Country == "" || n.Country == f.Country) && (f.Kind == "" || n.Kind == f.Kind) &&
		(f.Group == nil || n.Group == *f.Group) && (f.Municipality == "" || n.Municipality == f.Municipality) &&
		(f.Sector == "" || n.Sector == f.Sector)
}
