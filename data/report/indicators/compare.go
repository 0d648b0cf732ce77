package indicators

import (
	"context"
	"slices"
	"time"

	"eu.ilsa.coach/ilsa/data"
)

// Submitted is the newest submitted report of a period beside the report
// made now: each figure as submitted and now, and the organisations,
// visits and joint actions that entered or left it since, with why.
type Submitted struct {
	ID           string
	At           time.Time
	Advisor      string // who submitted it (profile)
	Partner      string
	Note         string
	ProjectStart string // where its "since project start" figures counted from
	Corrections  int    // earlier submissions of the same period it replaces
	// NoVisits: the submission kept no visit ids (a period too long for
	// them), so differences name organisations and joint actions only.
	NoVisits bool
	Figures  []FigureChange
	// Why tells, for each id that entered or left a figure, what happened
	// to it after the submission, where that can be told.
	Why map[string]Why
}

// FigureChange is one figure as submitted and now. Added and Removed hold
// the ids that entered and left it (sorted), as the figure's own lists.
type FigureChange struct {
	Key            string // one of FigureKeys
	Submitted, Now int
	Added, Removed Figure
}

// Changed reports whether the figure or the ids behind it differ.
func (f FigureChange) Changed() bool {
	return f.Submitted != f.Now || !f.Added.empty() || !f.Removed.empty()
}

func (f Figure) empty() bool { return len(f.Orgs)+len(f.Visits)+len(f.Joints) == 0 }

// Figure returns the change of the figure with key, if submitted.
func (s *Submitted) Figure(key string) (FigureChange, bool) {
	for _, f := range s.Figures {
		if f.Key == key {
			return f, true
		}
	}
	return FigureChange{}, false
}

// Comparable reports whether a report of f can stand beside a submitted
// one: only the whole project's report is submitted (the funder receives
// the project's figures, and a selection of them would compare a part with
// the whole), so only an unfiltered report of the same period is compared.
func (f Filter) Comparable() bool {
	g := f
	g.From, g.To, g.ProjectStart = "", "", ""
	return g == Filter{} && f.From != "" && f.To != ""
}

// CompareSubmitted compares r with the newest submission of its period; nil
// when r's filter is not Comparable or the period has none.
func CompareSubmitted(ctx context.Context, st *data.Store, r *Report) (*Submitted, error) {
	if !r.Filter.Comparable() {
		return nil, nil
	}
	subs, err := st.Submissions(ctx, r.Filter.From, r.Filter.To)
	if err != nil || len(subs) == 0 {
		return nil, err
	}
	newest := subs[0]
	enc, err := st.SubmissionSnapshot(ctx, newest.ID)
	if err != nil {
		return nil, err
	}
	snap, err := DecodeSnapshot(enc)
	if err != nil {
		return nil, err
	}
	out := &Submitted{ID: newest.ID, At: newest.CreatedAt, Advisor: newest.Advisor, Partner: newest.Partner,
		Note: newest.Note, ProjectStart: newest.ProjectStart, Corrections: len(subs) - 1, NoVisits: snap.NoVisits}
	now := namedFigures(r)
	sorted := sortedLists{}
	for _, k := range FigureKeys {
		was, ok := snap.Figures[k]
		if !ok {
			continue
		}
		cur := now[k]
		fc := FigureChange{Key: k, Submitted: was.Value, Now: cur.Value}
		fc.Added.Orgs, fc.Removed.Orgs = setDiff(sorted.of(cur.Orgs), was.Orgs)
		if !snap.NoVisits {
			fc.Added.Visits, fc.Removed.Visits = setDiff(sorted.of(cur.Visits), was.Visits)
		}
		fc.Added.Joints, fc.Removed.Joints = setDiff(sorted.of(cur.Joints), was.Joints)
		out.Figures = append(out.Figures, fc)
	}
	out.Why, err = explain(ctx, st, r.Filter, newest.ID, out.Figures)
	return out, err
}

// sortedLists sorts each id list once: figures share their lists (RCO04
// is RCO01's, many visit lists are windows on one).
type sortedLists map[listKey][]string

type listKey struct {
	first *string
	n     int
}

func (s sortedLists) of(ids []string) []string {
	if len(ids) == 0 {
		return nil
	}
	k := listKey{&ids[0], len(ids)}
	if l, ok := s[k]; ok {
		return l
	}
	l := ids
	if !slices.IsSorted(ids) {
		l = slices.Clone(ids)
		slices.Sort(l)
	}
	s[k] = l
	return l
}

// setDiff returns the ids of now not in was, and of was not in now; both
// lists are sorted.
func setDiff(now, was []string) (added, removed []string) {
	i, j := 0, 0
	for i < len(now) || j < len(was) {
		switch {
		case j == len(was) || (i < len(now) && now[i] < was[j]):
			added = append(added, now[i])
			i++
		case i == len(now) || was[j] < now[i]:
			removed = append(removed, was[j])
			j++
		default:
			i++
			j++
		}
	}
	return added, removed
}

// ChangedIDs are every id that entered or left any figure.
func (s *Submitted) ChangedIDs() []string {
	var ids []string
	for _, f := range s.Figures {
		for _, l := range [][]string{f.Added.Orgs, f.Added.Visits, f.Added.Joints, f.Removed.Orgs, f.Removed.Visits, f.Removed.Joints} {
			ids = append(ids, l...)
		}
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}
