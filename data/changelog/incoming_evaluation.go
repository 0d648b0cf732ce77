package changelog

import (
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/evaluation"
)

func init() {
	incomingRules[domain.EntityResponse] = map[string]incomingRule{
		"answers": required(answersRule), "visit_id": textRule(maxIDLen), "joint_id": textRule(maxIDLen),
		"date": required(nil), "timing": choiceRule(append([]domain.Timing{domain.TimingNone}, domain.Timings...)),
		"gender": choiceRule(domain.Genders), "age_band": choiceRule(domain.AgeBands), "country": countryRule,
		"created_at": createdRule,
	}
}

// answersRule: a response's answers as the form they name would accept
// them, when it is one of the app's own (the same on every computer running
// this version, so every one decides alike); the answers to any other form
// by their shape and sizes only.
func answersRule(field string, v any) error {
	s, _ := v.(string)
	if len(s) > maxAnswersLen {
		return invalid(field, "too_long", "max", maxAnswersLen)
	}
	a, err := evaluation.Decode(s)
	if err != nil {
		return invalid(field, "evaluation.answers")
	}
	if !evaluation.ValidID(a.Form) || a.Version < 1 || a.Version > evaluation.MaxVersion {
		return invalid(field, "evaluation.answers")
	}
	if f, ok := evaluation.Bundled().Version(a.Form, a.Version); ok {
		err = f.Check(a.Values)
	} else {
		err = evaluation.CheckShape(a.Values)
	}
	if err != nil {
		return invalid(field, "evaluation.answers")
	}
	return nil
}

// maxAnswersLen bounds the answers' JSON: every question of the largest
// form answered with the longest text, with room for escapes.
const maxAnswersLen = evaluation.MaxQuestions * (evaluation.MaxAnswerChars*2 + 100)
