package indicators

import (
	"cmp"
	"slices"

	"eu.ilsa.coach/ilsa/data"
)

// org is an organisation as the report sees it, with its county looked up once.
type org struct {
	data.ReportOrg
	county string // "" for "other" and unknown municipalities
	idx    uint32 // position in orgTable.list
	// rows are the breakdown rows of its country, county, municipality and
	// sector (orgDimensions), looked up once per report.
	rows [4]*rowBuilder
}

// orgTable holds every organisation and resolves ids through merges.
type orgTable struct {
	list     []*org // sorted by id
	byID     map[string]*org
	resolved map[string]*org // memo of resolve; nil entries mean "no live organisation"
}

func newOrgTable(rows []data.ReportOrg) *orgTable {
	t := &orgTable{byID: make(map[string]*org, len(rows)), resolved: make(map[string]*org, len(rows))}
	counties := map[string]string{}
	for _, m := range data.Municipalities() {
		counties[m.Code] = m.County
	}
	slices.SortFunc(rows, func(a, b data.ReportOrg) int { return cmp.Compare(a.ID, b.ID) })
	t.list = make([]*org, len(rows))
	for i := range rows {
		o := &org{ReportOrg: rows[i], county: counties[rows[i].Municipality], idx: uint32(i)}
		t.list[i] = o
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
