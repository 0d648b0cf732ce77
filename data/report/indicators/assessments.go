package indicators

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// AgendaModel is the checklist model whose items are the 17 SDGs.
const AgendaModel = "agenda-2030"

// SDGCount is the number of Sustainable Development Goals.
const SDGCount = 17

type sdgBuilder struct {
	figureBuilder
	assessments []string
}

// assessOrg resolves an assessment's organisation and applies the filter.
// Assessments carry no advisor: with an advisor filter they count for the
// organisations that advisor visited in the period.
func (c *computation) assessOrg(id string) *org {
	o := c.orgs.resolve(id)
	if o == nil || !c.f.matchOrg(o) {
		return nil
	}
	if c.f.Advisor != "" {
		if !c.reached.has(o) {
			return nil
		}
	}
	return o
}

// assessments computes the SDGs addressed (Agenda 2030 items marked as
// applying in done assessments of the period) and the impact (levels of
// scale models rising between an organisation's first and latest done
// assessment). answers come oldest assessment first.
func (c *computation) assessments(answers []AnswerRow) {
	c.sdgs = map[string]*sdgBuilder{}
	type key struct{ model, dim, org string }
	type measure struct {
		first, latest  int
		latestDate     string
		count          int
		lastAssessment string
		assessmentIDs  []string
	}
	measures := map[key]*measure{}
	var order []key
	for _, a := range answers {
		o := c.assessOrg(a.OrgID)
		if o == nil {
			continue
		}
		if a.ModelID == AgendaModel {
			if a.Applies && c.f.inPeriod(a.Date) {
				b := c.sdgs[a.Dimension]
				if b == nil {
					b = &sdgBuilder{}
					c.sdgs[a.Dimension] = b
				}
				b.addOrg(o)
				if n := len(b.assessments); n == 0 || b.assessments[n-1] != a.AssessmentID {
					b.assessments = append(b.assessments, a.AssessmentID)
				}
				c.named.addOrg(o)
			}
			continue
		}
		if a.Level == nil {
			continue // canvas blocks, checklist items, unanswered dimensions
		}
		k := key{a.ModelID, a.Dimension, o.ID}
		m := measures[k]
		if m == nil {
			m = &measure{first: *a.Level}
			measures[k] = m
			order = append(order, k)
		}
		// After a merge the keeper may hold two assessments of one day: the
		// later one read (by creation time) is the latest.
		m.latest, m.latestDate = *a.Level, a.Date
		if m.lastAssessment != a.AssessmentID {
			m.count++
			m.lastAssessment = a.AssessmentID
		}
	}
	type row struct{ assessed, improved figureBuilder }
	rows := map[[2]string]*row{}
	for _, k := range order {
		m := measures[k]
		if m.count < 2 || !c.f.inPeriod(m.latestDate) {
			continue
		}
		rk := [2]string{k.model, k.dim}
		r := rows[rk]
		if r == nil {
			r = &row{}
			rows[rk] = r
		}
		o := c.orgs.byID[k.org]
		r.assessed.addOrg(o)
		c.named.addOrg(o)
		if m.latest > m.first {
			r.improved.addOrg(o)
			c.impactOrgs.addOrg(o)
		}
	}
	for rk, r := range rows {
		c.impact = append(c.impact, Impact{Model: rk[0], Dimension: rk[1], Assessed: r.assessed.orgFigure(c), Improved: r.improved.orgFigure(c)})
	}
	slices.SortFunc(c.impact, func(x, y Impact) int {
		return cmp.Or(cmp.Compare(x.Model, y.Model), cmp.Compare(x.Dimension, y.Dimension))
	})
	if c.impact == nil {
		c.impact = []Impact{}
	}
}

// SDGGoals are the ids of the 17 goals in order ("sdg-1" … "sdg-17").
func SDGGoals() []string {
	out := make([]string, SDGCount)
	for i := range out {
		out[i] = fmt.Sprintf("sdg-%d", i+1)
	}
	return out
}

// sdgList lists the 17 goals (zero counts too, so tables keep their shape)
// and any other item marked, in goal order.
func (c *computation) sdgList() ([]SDG, int) {
	goals := SDGGoals()
	for g := range c.sdgs {
		if !slices.Contains(goals, g) {
			goals = append(goals, g)
		}
	}
	slices.SortFunc(goals, func(a, b string) int { return cmp.Or(cmp.Compare(goalNumber(a), goalNumber(b)), cmp.Compare(a, b)) })
	out := make([]SDG, 0, len(goals))
	addressed := 0
	for _, g := range goals {
		s := SDG{Goal: g, Orgs: []string{}, Assessments: []string{}}
		if b := c.sdgs[g]; b != nil {
			s.Orgs = b.orgFigure(c).Orgs
			s.Assessments = b.assessments
			addressed++
		}
		out = append(out, s)
	}
	return out, addressed
}

// goalNumber reads the number of "sdg-N"; other ids sort after the goals.
func goalNumber(id string) int {
	if n, err := strconv.Atoi(strings.TrimPrefix(id, "sdg-")); err == nil && strings.HasPrefix(id, "sdg-") {
		return n
	}
	return 1 << 30
}
