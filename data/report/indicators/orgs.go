package indicators

import (
	"cmp"
	"slices"

	"eu.ilsa.coach/ilsa/data/domain"
)

// org is an organisation as the report sees it, with what the report asks
// of it for every visit worked out once. The fields read for every visit
// come first, together in a cache line or two: the visits come in date
// order, so their organisations are visited all over the table.
type org struct {
	idx        uint32 // position in orgTable.list
	se, no     bool   // Country is Sweden, Norway
	enterprise bool   // Kind.IsEnterprise()
	knownKind  bool   // Kind.Known(): "" and kinds from newer builds are not
	size       uint8  // index of Size() in sizeOrder: its headcount now
	womenLed   bool   // LeaderGender is LeaderWomen
	leader     uint8  // index of LeaderGender in domain.LeaderGenders (0, not given, for a value it lacks)
	// rows are the breakdown rows of its country, county, municipality,
	// sector, kind and leadership (orgDimensions), looked up once per report.
	rows [len(orgDimensions)]*rowBuilder

	OrgRow
	county string // "" for "other" and unknown municipalities
}

// orgTable holds every organisation and resolves ids through merges.
type orgTable struct {
	list     []*org // sorted by id
	byID     map[string]*org
	resolved map[string]*org // memo of resolve; nil entries mean "no live organisation"
}

func newOrgTable(rows []OrgRow) *orgTable {
	t := &orgTable{byID: make(map[string]*org, len(rows)), resolved: make(map[string]*org, len(rows))}
	counties := map[string]string{}
	for _, m := range domain.Municipalities() {
		counties[m.Code] = m.County
	}
	all := make([]org, len(rows)) // one allocation for the table
	t.list = make([]*org, len(rows))
	for i := range rows {
		r := &rows[i]
		all[i] = org{OrgRow: *r, county: counties[r.Municipality], enterprise: r.Kind.IsEnterprise(), knownKind: r.Kind.Known(),
			size: uint8(slices.Index(sizeOrder, r.Size())), se: r.Country == domain.CountrySE, no: r.Country == domain.CountryNO,
			womenLed: r.LeaderGender == domain.LeaderWomen, leader: uint8(max(0, slices.Index(domain.LeaderGenders, r.LeaderGender)))}
		t.list[i] = &all[i]
	}
	// Sorting pointers moves 8 bytes per swap instead of a whole record.
	slices.SortFunc(t.list, func(a, b *org) int { return cmp.Compare(a.ID, b.ID) })
	for i, o := range t.list {
		o.idx = uint32(i)
		t.byID[o.ID] = o
	}
	return t
}

// maxMergeDepth bounds the walk along merged_into: a chain longer than any
// real sequence of merges means a cycle (two devices merging A into B and B
// into A), which must not hang the report.
const maxMergeDepth = 32

// resolve follows merged_into from id to the organisation that now holds
// its records. A merged duplicate is never counted itself: records pointing
// at it count for its keeper. When the keeper has not arrived yet (sync
// brings records in any order) the last duplicate known stands in for it, so
// the organisation is still counted, once. It returns nil when the chain
// ends at no live organisation: deleted without a merge, never received, or
// a cycle of merges.
func (t *orgTable) resolve(id string) *org {
	if o, ok := t.resolved[id]; ok {
		return o
	}
	cur := t.byID[id]
	for depth := 0; cur != nil && cur.MergedInto != ""; depth++ {
		next := t.byID[cur.MergedInto]
		if next == nil {
			break // keeper not received yet: cur stands in for it
		}
		if depth == maxMergeDepth {
			cur = nil
			break
		}
		cur = next
	}
	if cur != nil && cur.Deleted && cur.MergedInto == "" {
		cur = nil
	}
	t.resolved[id] = cur
	return cur
}
