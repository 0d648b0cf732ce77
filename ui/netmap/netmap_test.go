package netmap

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/domain"
)

// network makes n actors of every country and kind and m relations between
// them, the same for the same seed: like the region's, most relations link
// an enterprise with an innovation actor (a few of which are hubs) of its
// own country, a fifth cross the border.
func network(n, m int, seed uint64) ([]data.Actor, []domain.Relation) {
	r := rand.New(rand.NewPCG(seed, 1))
	countries := []domain.Country{domain.CountrySE, domain.CountryNO, ""}
	actors := make([]data.Actor, n)
	for i := range actors {
		actors[i] = data.Actor{ID: fmt.Sprintf("%08x-%d", r.Uint32(), i), Name: fmt.Sprintf("Aktör %d", i),
			Country: countries[r.IntN(3)], Kind: domain.OrgKinds[r.IntN(len(domain.OrgKinds))]}
	}
	byCountry := map[domain.Country][]int{}
	for i, a := range actors {
		if GroupOf(a.Kind) == GroupInnovation {
			byCountry[a.Country] = append(byCountry[a.Country], i)
		}
	}
	rels := make([]domain.Relation, m)
	for i := range rels {
		a := r.IntN(n)
		c := actors[a].Country
		if r.IntN(5) == 0 {
			c = countries[r.IntN(3)]
		}
		hubs := byCountry[c]
		b := hubs[min(r.IntN(len(hubs)), r.IntN(len(hubs)))] // the first few are hubs
		rels[i] = domain.Relation{FromOrg: actors[a].ID, ToOrg: actors[b].ID,
			Kind: domain.RelationKinds[r.IntN(len(domain.RelationKinds))]}
	}
	return actors, rels
}

func TestTheSameNetworkGivesTheSameMap(t *testing.T) {
	actors, rels := network(300, 700, 1)
	first := Build(actors, rels)
	// The store may list them in another order: the map does not follow it.
	rand.New(rand.NewPCG(9, 9)).Shuffle(len(actors), func(i, j int) { actors[i], actors[j] = actors[j], actors[i] })
	second := Build(actors, rels)
	for i := range first.Nodes {
		a, b := first.Nodes[i], second.Nodes[i]
		if a.ID != b.ID || a.X != b.X || a.Y != b.Y {
			t.Fatalf("node %d: %s at (%v, %v), then %s at (%v, %v)", i, a.ID, a.X, a.Y, b.ID, b.X, b.Y)
		}
	}
	if len(first.Edges) != len(second.Edges) {
		t.Fatalf("edges: %d, then %d", len(first.Edges), len(second.Edges))
	}
}

func TestActorsDoNotCoverEachOther(t *testing.T) {
	actors, rels := network(1000, 3000, 2)
	m := Build(actors, rels)
	close := 0
	for i := range m.Nodes {
		for j := i + 1; j < len(m.Nodes); j++ {
			a, b := m.Nodes[i], m.Nodes[j]
			if math.Hypot(a.X-b.X, a.Y-b.Y) < minGap*0.5 {
				close++
			}
		}
	}
	// Overlap removal runs a bounded number of passes: a handful may stay
	// closer than the gap, never half of it for more than a few.
	if close > len(m.Nodes)/100 {
		t.Fatalf("%d pairs of actors closer than half the gap", close)
	}
}

func TestActorsGatherByCountryAndGroup(t *testing.T) {
	actors, rels := network(400, 600, 3)
	m := Build(actors, rels)
	var sumX = map[domain.Country]float64{}
	var count = map[domain.Country]int{}
	var sumY = map[Group]float64{}
	var countG = map[Group]int{}
	for _, n := range m.Nodes {
		sumX[n.Country] += n.X
		count[n.Country]++
		sumY[n.Group] += n.Y
		countG[n.Group]++
	}
	no, se := sumX[domain.CountryNO]/float64(count[domain.CountryNO]), sumX[domain.CountrySE]/float64(count[domain.CountrySE])
	if no >= se {
		t.Errorf("Norway's actors lie at x %.1f on average, Sweden's at %.1f: want Norway to the west", no, se)
	}
	in, ent := sumY[GroupInnovation]/float64(countG[GroupInnovation]), sumY[GroupEnterprise]/float64(countG[GroupEnterprise])
	if in >= ent {
		t.Errorf("innovation actors at y %.1f, enterprises at %.1f: want innovation actors above", in, ent)
	}
}

func TestRelationsOutsideTheActorsAreLeftOut(t *testing.T) {
	actors := []data.Actor{{ID: "a", Country: domain.CountrySE}, {ID: "b", Country: domain.CountryNO}}
	rels := []domain.Relation{
		{FromOrg: "a", ToOrg: "b", Kind: domain.RelationPartnerOf},
		{FromOrg: "b", ToOrg: "a", Kind: domain.RelationFundedBy}, // the same pair: one line
		{FromOrg: "a", ToOrg: "gone", Kind: domain.RelationMemberOf},
		{FromOrg: "a", ToOrg: "a", Kind: domain.RelationMemberOf},
	}
	m := Build(actors, rels)
	if len(m.Edges) != 1 || !m.Edges[0].CrossBorder || m.Nodes[0].Degree != 1 {
		t.Fatalf("edges %+v, nodes %+v", m.Edges, m.Nodes)
	}
	if m.NodeOf("b") != 1 || m.NodeOf("gone") != -1 {
		t.Fatal("NodeOf")
	}
}

// BenchmarkLayout lays out the budget's network: 1,000 actors and 3,000
// relations, under a second (issue 17).
func BenchmarkLayout(b *testing.B) {
	actors, rels := network(1000, 3000, 4)
	for b.Loop() {
		Build(actors, rels)
	}
}

func TestFiguresCountActorsRelationsAndTheNewlyLinked(t *testing.T) {
	actors := []data.Actor{
		{ID: "peak", Country: domain.CountrySE, Kind: domain.KindCluster},
		{ID: "kvarn", Country: domain.CountrySE, Kind: domain.KindSME},
		{ID: "hage", Country: domain.CountryNO, Kind: domain.KindIncubator},
		{ID: "laks", Country: domain.CountryNO, Kind: domain.KindSME},
		{ID: "alone", Kind: domain.KindSME},
	}
	rels := []domain.Relation{
		{FromOrg: "kvarn", ToOrg: "peak", Kind: domain.RelationMemberOf, Start: "2025-06-01"},
		{FromOrg: "laks", ToOrg: "hage", Kind: domain.RelationSupportedBy, Start: "2026-03-01"},
		{FromOrg: "peak", ToOrg: "hage", Kind: domain.RelationPartnerOf, Start: "2026-01-15"},
		{FromOrg: "hage", ToOrg: "peak", Kind: domain.RelationFundedBy}, // no start: not new
	}
	m := Build(actors, rels)
	f := Count(m, rels, Filter{}, "2026-01-01")
	if f.Actors != 5 || f.Relations != 4 || f.CrossBorder != 2 || f.NewlyLinked != 3 || f.RelByKind[domain.RelationPartnerOf] != 1 {
		t.Fatalf("figures: %+v", f)
	}
	var kinds []string
	for _, k := range f.ByKind {
		kinds = append(kinds, fmt.Sprintf("%s:%d/%d/%d", k.Kind, k.ByCountry[domain.CountrySE], k.ByCountry[domain.CountryNO], k.ByCountry[""]))
	}
	if got := fmt.Sprint(kinds); got != "[sme:1/1/1 incubator:0/1/0 cluster:1/0/0]" {
		t.Fatalf("actors per kind and country: %s", got)
	}
	se := Count(m, rels, Filter{Country: domain.CountrySE}, "2026-01-01")
	if se.Actors != 2 || se.Relations != 1 || se.CrossBorder != 0 || se.NewlyLinked != 0 {
		t.Fatalf("Sweden's figures: %+v", se)
	}
	if none := Count(m, rels, Filter{}, ""); none.NewlyLinked != 0 {
		t.Fatalf("without a project start: %+v", none)
	}
}

func TestThePictureShowsEachActorInItsCountrysColourAndFindsItUnderThePointer(t *testing.T) {
	actors := []data.Actor{
		{ID: "a", Name: "Peak Innovation", Country: domain.CountrySE, Kind: domain.KindCluster},
		{ID: "b", Name: "Nasjonalparken Næringshage", Country: domain.CountryNO, Kind: domain.KindIncubator},
		{ID: "c", Name: "Krokoms Kvarn", Country: domain.CountrySE, Kind: domain.KindSME},
	}
	m := Build(actors, []domain.Relation{{FromOrg: "a", ToOrg: "b", Kind: domain.RelationPartnerOf}})
	v := NewView(m, 400, 300, Filter{})
	img := v.Draw(LightStyle, -1)
	for i, want := range []domain.Country{domain.CountrySE, domain.CountryNO, domain.CountrySE} {
		x, y := v.Point(i)
		if got := img.At(int(x), int(y)); got != LightStyle.Countries[want] {
			t.Errorf("%s at its point is %v, want %s's %v", m.Nodes[i].Name, got, want, LightStyle.Countries[want])
		}
		if hit := v.NodeAt(x+2, y+1); hit != i {
			t.Errorf("the pointer beside %s finds %d", m.Nodes[i].Name, hit)
		}
	}
	if v.NodeAt(-100, -100) != -1 {
		t.Error("nothing is under a pointer far away")
	}
	only := NewView(m, 400, 300, Filter{Country: domain.CountryNO})
	if only.ShownCount() != 1 || only.Shown(0) {
		t.Fatal("the filter shows Norway's actor alone")
	}
	x, y := v.Point(0)
	if got := only.Draw(LightStyle, -1).At(int(x), int(y)); got == LightStyle.Countries[domain.CountrySE] {
		t.Error("a Swedish actor is drawn although the filter shows Norway's")
	}
}

// BenchmarkDraw draws the budget's network at a window's size, names and
// all: what the map screen does off the UI goroutine at every filter change.
func BenchmarkDraw(b *testing.B) {
	actors, rels := network(1000, 3000, 4)
	m := Build(actors, rels)
	for b.Loop() {
		NewView(m, 1400, 900, Filter{}).Draw(LightStyle, -1)
	}
}
