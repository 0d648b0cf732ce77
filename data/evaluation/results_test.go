package evaluation

import (
	"testing"
)

func respondent(timing, gender string, values map[string]any) Respondent {
	return Respondent{Answers: Answers{Form: "capacity-self-assessment", Version: 1, Values: values}, Timing: timing, Gender: gender}
}

func capacityValues(level int64) map[string]any {
	return map[string]any{"models-methods": level, "customer-needs": level, "tailoring": level, "innovation-system": level, "inclusion": level}
}

func TestSummariseCountsDistributionsAndBeforeAfter(t *testing.T) {
	form, _ := Bundled().Latest("capacity-self-assessment")
	versionOf := func(v int) (*Form, bool) { return Bundled().Version(form.ID, v) }
	rs := []Respondent{
		respondent("before", "woman", capacityValues(2)), respondent("before", "man", capacityValues(2)),
		respondent("before", "woman", capacityValues(3)),
		respondent("after", "woman", capacityValues(4)), respondent("after", "man", capacityValues(5)),
		respondent("after", "", capacityValues(4)),
		respondent("after", "woman", map[string]any{"models-methods": int64(9)}), // not accepted: ignored
	}
	res := Summarise(form, versionOf, rs)
	if res.Respondents != 6 || res.Ignored != 1 {
		t.Fatalf("respondents %d ignored %d", res.Respondents, res.Ignored)
	}
	q := res.Questions[0]
	want := []int{0, 2, 1, 2, 1}
	for i, b := range q.Distribution {
		if b.Count != want[i] {
			t.Errorf("distribution %v, want counts %v", q.Distribution, want)
			break
		}
	}
	ba := res.BeforeAfter
	if ba == nil || ba.Before.Respondents != 3 || ba.After.Respondents != 3 {
		t.Fatalf("before/after %+v", ba)
	}
	if d := ba.Change["models-methods"]; d < 1.99 || d > 2.01 { // 13/3 - 7/3
		t.Errorf("change %v, want 2", d)
	}
	for _, g := range res.ByGender {
		if g.Respondents < MinGroup {
			t.Errorf("group %q of %d shown", g.Key, g.Respondents)
		}
	}
}

// TestSmallGroupsAreNotBrokenDown: below MinGroup nobody is singled out,
// neither directly nor as the whole minus the groups shown.
func TestSmallGroupsAreNotBrokenDown(t *testing.T) {
	form, _ := Bundled().Latest("capacity-self-assessment")
	versionOf := func(v int) (*Form, bool) { return Bundled().Version(form.ID, v) }
	var rs []Respondent
	for range 4 {
		rs = append(rs, respondent("before", "woman", capacityValues(3)))
	}
	if res := Summarise(form, versionOf, rs); res.ByGender != nil || res.ByCountry != nil {
		t.Errorf("four respondents broken down: %+v", res.ByGender)
	}
	for range 6 {
		rs = append(rs, respondent("before", "man", capacityValues(3)))
	}
	rs = append(rs, respondent("before", "other", capacityValues(1)))
	// 4 women, 6 men, 1 other: only men reach five; the other five (women
	// and the one "other") are withheld together, never the one alone.
	res := Summarise(form, versionOf, rs)
	for _, g := range res.ByGender {
		if g.Respondents < MinGroup || g.Key == "other" || g.Key == "woman" {
			t.Errorf("group %q of %d shown", g.Key, g.Respondents)
		}
	}
	rs = rs[:10] // 4 women, 6 men: the women alone would be 4
	if res := Summarise(form, versionOf, rs); res.ByGender != nil {
		t.Errorf("a group below five could be worked out: %+v", res.ByGender)
	}
}
