package evaluation

import (
	"slices"
	"strconv"
	"strings"
)

// MinGroup is the smallest group of respondents the results break down
// further (by gender, by country): in a smaller one a person could be
// recognised by their answers.
const MinGroup = 5

// Respondent is one response as the results read it: no identity, only the
// answers and the optional equality follow-up.
type Respondent struct {
	Answers Answers
	Gender  string // woman, man, other or ""
	Country string // SE, NO or ""
	Timing  string // before, after or ""
	// current: the answers are to the listed version and were checked
	// against it, so the per-question check can be skipped
	current bool
}

// Results summarise the responses to one form.
type Results struct {
	Form        string           `json:"form"`
	Version     int              `json:"version"` // the version whose questions are listed (the newest)
	Respondents int              `json:"respondents"`
	Ignored     int              `json:"ignored,omitempty"` // responses whose answers their form version does not accept, or of an unknown version
	Questions   []QuestionResult `json:"questions"`
	// ByGender and ByCountry count respondents per group, only when there
	// are at least MinGroup respondents; a group below MinGroup is counted
	// in Withheld instead of by name.
	ByGender  []Group `json:"by_gender,omitempty"`
	ByCountry []Group `json:"by_country,omitempty"`
	// BeforeAfter compares the respondents who answered before the
	// activities with those who answered after (forms with before_after).
	BeforeAfter *BeforeAfter `json:"before_after,omitempty"`
}

// QuestionResult is one question's answers.
type QuestionResult struct {
	ID           string   `json:"id"`
	Kind         Kind     `json:"kind"`
	Count        int      `json:"count"`                  // respondents who answered it
	Distribution []Bucket `json:"distribution,omitempty"` // every value or choice, in order, with its count (0 too)
	Mean         *float64 `json:"mean,omitempty"`         // likert and scale
	Texts        []string `json:"texts,omitempty"`        // free-text answers
}

// Bucket is one value or choice and how many respondents gave it.
type Bucket struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// Group is a number of respondents with one gender or country ("" is
// "not given"); Means are the numeric questions' means in the group.
type Group struct {
	Key         string             `json:"key"`
	Respondents int                `json:"respondents"`
	Means       map[string]float64 `json:"means,omitempty"`
}

// BeforeAfter is the two groups of a before/after form and the change of
// each numeric question's mean.
type BeforeAfter struct {
	Before    Results            `json:"before"`
	After     Results            `json:"after"`
	Change    map[string]float64 `json:"change"`              // after's mean minus before's, per numeric question both answered
	Unlabeled int                `json:"unlabeled,omitempty"` // responses that say neither
}

// Summarise sums up the responses to form (the newest version; versionOf
// gives the version each response answered). Answers their version would
// not accept are not counted: a response from elsewhere is checked again
// here, whatever let it in.
func Summarise(form *Form, versionOf func(int) (*Form, bool), rs []Respondent) Results {
	var kept []Respondent
	ignored := 0
	for _, r := range rs {
		f, ok := versionOf(r.Answers.Version)
		if !ok || r.Answers.Form != form.ID || !f.accepts(r.Answers.Values) {
			ignored++
			continue
		}
		r.current = f == form
		kept = append(kept, r)
	}
	res := summarise(form, kept)
	res.Ignored = ignored
	if res.Respondents >= MinGroup {
		res.ByGender = groups(form, kept, func(r Respondent) string { return r.Gender })
		res.ByCountry = groups(form, kept, func(r Respondent) string { return r.Country })
	}
	if form.BeforeAfter {
		ba := &BeforeAfter{Change: map[string]float64{}}
		var before, after []Respondent
		for _, r := range kept {
			switch r.Timing {
			case "before":
				before = append(before, r)
			case "after":
				after = append(after, r)
			default:
				ba.Unlabeled++
			}
		}
		ba.Before, ba.After = summarise(form, before), summarise(form, after)
		for i, q := range ba.Before.Questions {
			if a := ba.After.Questions[i]; q.Mean != nil && a.Mean != nil {
				ba.Change[q.ID] = *a.Mean - *q.Mean
			}
		}
		res.BeforeAfter = ba
	}
	return res
}

func summarise(form *Form, rs []Respondent) Results {
	res := Results{Form: form.ID, Version: form.Version, Respondents: len(rs), Questions: make([]QuestionResult, len(form.Questions))}
	for i, q := range form.Questions {
		qr := QuestionResult{ID: q.ID, Kind: q.Kind}
		counts := map[string]int{}
		var sum int64
		for _, r := range rs {
			v, ok := r.Answers.Values[q.ID]
			if !ok || !r.current && !q.accepts(v) {
				continue // a question of another version, or asked differently there
			}
			qr.Count++
			switch x := v.(type) {
			case int64:
				sum += x
				counts[strconv.FormatInt(x, 10)]++
			case string:
				if q.Kind == KindText {
					qr.Texts = append(qr.Texts, x)
				} else {
					counts[x]++
				}
			case []string:
				for _, c := range x {
					counts[c]++
				}
			}
		}
		switch q.Kind {
		case KindLikert, KindScale:
			lo, hi := q.Range()
			for v := lo; v <= hi; v++ {
				k := strconv.FormatInt(v, 10)
				qr.Distribution = append(qr.Distribution, Bucket{k, counts[k]})
			}
			if qr.Count > 0 {
				m := float64(sum) / float64(qr.Count)
				qr.Mean = &m
			}
		case KindSingle, KindMultiple:
			for _, c := range q.Choices {
				qr.Distribution = append(qr.Distribution, Bucket{c.ID, counts[c.ID]})
			}
		}
		res.Questions[i] = qr
	}
	return res
}

// groups counts respondents by key, naming only groups of MinGroup or more
// (with their means). The smaller ones are counted together as "withheld";
// while that remainder is itself below MinGroup, the smallest named group
// joins it, so no group below MinGroup can be worked out by subtracting
// the named ones from the whole either.
func groups(form *Form, rs []Respondent, key func(Respondent) string) []Group {
	by := map[string][]Respondent{}
	for _, r := range rs {
		by[key(r)] = append(by[key(r)], r)
	}
	var named []string
	var withheld []Respondent
	for k, g := range by {
		if len(g) < MinGroup {
			withheld = append(withheld, g...)
		} else {
			named = append(named, k)
		}
	}
	// the largest first, ties by key, so the smallest is last
	slices.SortFunc(named, func(a, b string) int {
		if d := len(by[b]) - len(by[a]); d != 0 {
			return d
		}
		return strings.Compare(a, b)
	})
	for len(withheld) > 0 && len(withheld) < MinGroup && len(named) > 0 {
		withheld = append(withheld, by[named[len(named)-1]]...)
		named = named[:len(named)-1]
	}
	slices.Sort(named)
	var out []Group
	for _, k := range named {
		out = append(out, group(form, k, by[k]))
	}
	if len(withheld) > 0 {
		out = append(out, group(form, "withheld", withheld))
	}
	if len(out) < 2 {
		return nil // one group is the whole: no breakdown
	}
	return out
}

func group(form *Form, key string, rs []Respondent) Group {
	g := Group{Key: key, Respondents: len(rs), Means: map[string]float64{}}
	for _, q := range summarise(form, rs).Questions {
		if q.Mean != nil {
			g.Means[q.ID] = *q.Mean
		}
	}
	return g
}
