package export

import (
	"strconv"
	"strings"
	"unicode"

	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/evaluation"
	"eu.ilsa.coach/ilsa/data/report/indicators"
	"eu.ilsa.coach/ilsa/translations"
)

// FormResults are one questionnaire's results over the report's period, as
// the caller summed them up (the export reads no store).
type FormResults struct {
	Form    *evaluation.Form
	Results evaluation.Results
}

// EvaluationsApply reports whether a report with filter f carries the
// evaluation results: only a report of the whole project does. A response
// is anonymous and belongs to no partner or advisor, and its country is the
// respondent's own, optional answer, so no selection beyond the period
// could be applied to it truthfully.
func EvaluationsApply(f indicators.Filter) bool {
	return f.Country == "" && f.County == "" && f.Municipality == "" && f.Advisor == "" &&
		f.Partner == "" && f.Side == "" && f.Kind == ""
}

// evalDoc is one questionnaire's part of the export: the respondents, a
// table per question (the distribution and the mean) and the free texts.
type evalDoc struct {
	sheet       string
	header      []string // the columns after the question's
	widths      []float64
	respondents table   // titled with the questionnaire
	questions   []table // titled with the question
	texts       []freeTexts
}

// freeTexts are the free-text answers to one question.
type freeTexts struct {
	question string
	answers  []string
}

// evaluationDocs are the questionnaires answered in the period, in the
// reader's language; none when none was answered.
func evaluationDocs(o Options) []evalDoc {
	var out []evalDoc
	for _, fr := range o.Evaluations {
		if fr.Form != nil && fr.Results.Respondents > 0 {
			out = append(out, evaluationDoc(fr, o.Lang))
		}
	}
	return out
}

func evaluationDoc(fr FormResults, tr *translations.Localizer) evalDoc {
	lang := tr.Lang()
	form, r, ba := fr.Form, fr.Results, fr.Results.BeforeAfter
	title := cleanText(form.Title.In(lang))
	if strings.TrimSpace(title) == "" {
		title = form.ID
	}
	header := []string{tr.T("report.indicators.eval.answer"), tr.T("report.indicators.eval.respondents"),
		tr.T("report.indicators.col.share") + " %"}
	widths := []float64{44, 14, 12}
	if ba != nil {
		header = append(header, tr.T("report.indicators.eval.before"), tr.T("report.indicators.eval.after"),
			tr.T("report.indicators.eval.change"))
		widths = []float64{34, 16, 12, 12, 12, 14}
	}
	none := text("")
	// pad completes a row of the before/after form's columns.
	pad := func(row []cell, extra ...cell) []cell {
		if ba == nil {
			return row
		}
		for len(extra) < 3 {
			extra = append(extra, none)
		}
		return append(row, extra...)
	}
	d := evalDoc{sheet: title, header: header, widths: widths}

	resp := table{title: title, header: append([]string{tr.T("report.indicators.eval.group")}, header[1:]...), widths: widths,
		note: tr.N("report.indicators.eval.note", r.Respondents, "N", tr.Number(r.Respondents), "Min", tr.Number(evaluation.MinGroup))}
	if ba != nil {
		resp.rows = append(resp.rows, pad([]cell{text(tr.T("report.indicators.eval.all")), count(r.Respondents), share(r.Respondents, r.Respondents)},
			count(ba.Before.Respondents), count(ba.After.Respondents)))
		if ba.Unlabeled > 0 {
			resp.rows = append(resp.rows, pad([]cell{text(tr.T("report.indicators.eval.unlabeled")), count(ba.Unlabeled), share(ba.Unlabeled, r.Respondents)}))
		}
	} else {
		resp.rows = append(resp.rows, []cell{text(tr.T("report.indicators.eval.all")), count(r.Respondents), share(r.Respondents, r.Respondents)})
	}
	// Summarise names no group below MinGroup; the groups come as it gives them.
	for _, g := range r.ByGender {
		resp.rows = append(resp.rows, pad([]cell{text(tr.T("field.gender") + ": " + groupLabel(g.Key, genderLabel, tr)), count(g.Respondents), share(g.Respondents, r.Respondents)}))
	}
	for _, g := range r.ByCountry {
		resp.rows = append(resp.rows, pad([]cell{text(tr.T("field.country") + ": " + groupLabel(g.Key, func(k string, tr *translations.Localizer) string {
			return tr.Country(domain.Country(k))
		}, tr)), count(g.Respondents), share(g.Respondents, r.Respondents)}))
	}
	d.respondents = resp

	for i, qr := range r.Questions {
		q, ok := form.Question(qr.ID)
		if !ok {
			continue
		}
		qt := table{title: cleanText(q.Text.In(lang)), header: header, widths: widths, subheading: true}
		var before, after *evaluation.QuestionResult
		if ba != nil && i < len(ba.Before.Questions) && i < len(ba.After.Questions) {
			before, after = &ba.Before.Questions[i], &ba.After.Questions[i]
		}
		if before != nil {
			qt.rows = append(qt.rows, pad([]cell{text(tr.T("report.indicators.eval.answered")), count(qr.Count), none},
				count(before.Count), count(after.Count)))
		} else {
			qt.rows = append(qt.rows, pad([]cell{text(tr.T("report.indicators.eval.answered")), count(qr.Count), none}))
		}
		if qr.Count == 0 { // no one answered it: no distribution of zeros
			d.questions = append(d.questions, qt)
			continue
		}
		for j, b := range qr.Distribution {
			row := []cell{text(valueLabel(q, b.Value, tr)), count(b.Count), share(b.Count, qr.Count)}
			if before != nil && j < len(before.Distribution) && j < len(after.Distribution) {
				row = pad(row, count(before.Distribution[j].Count), count(after.Distribution[j].Count))
			} else {
				row = pad(row)
			}
			qt.rows = append(qt.rows, row)
		}
		if qr.Mean != nil {
			row := []cell{text(tr.T("report.indicators.eval.mean")), decimalCell(*qr.Mean), none}
			if before != nil {
				row = pad(row, meanCell(before.Mean), meanCell(after.Mean), none)
				if c, ok := ba.Change[qr.ID]; ok {
					row[5] = decimalCell(c)
				}
			}
			qt.rows = append(qt.rows, row)
		}
		d.questions = append(d.questions, qt)
		if len(qr.Texts) > 0 {
			ft := freeTexts{question: qt.title}
			for _, s := range qr.Texts {
				ft.answers = append(ft.answers, cleanText(s))
			}
			d.texts = append(d.texts, ft)
		}
	}
	return d
}

func meanCell(m *float64) cell {
	if m == nil {
		return text("—")
	}
	return decimalCell(*m)
}

// valueLabel names a value of the distribution: the choice's text, or the
// number with what the scale's ends mean.
func valueLabel(q *evaluation.Question, value string, tr *translations.Localizer) string {
	lang := tr.Lang()
	if q.Numeric() {
		lo, hi := q.Range()
		switch value {
		case strconv.FormatInt(lo, 10):
			if s := q.Low.In(lang); s != "" {
				return value + " – " + cleanText(s)
			}
		case strconv.FormatInt(hi, 10):
			if s := q.High.In(lang); s != "" {
				return value + " – " + cleanText(s)
			}
		}
		return value
	}
	if c, ok := q.Choice(value); ok {
		return cleanText(c.Text.In(lang))
	}
	return value
}

func genderLabel(k string, tr *translations.Localizer) string {
	switch k {
	case "woman":
		return tr.T("field.women")
	case "man":
		return tr.T("field.men")
	case "other":
		return tr.T("field.other")
	}
	return k
}

// groupLabel names a group of respondents: "not given", the smaller groups
// counted together, or the group's own label.
func groupLabel(k string, label func(string, *translations.Localizer) string, tr *translations.Localizer) string {
	switch k {
	case "":
		return tr.T("report.indicators.eval.not_given")
	case "withheld":
		return tr.T("report.indicators.eval.withheld")
	}
	return label(k, tr)
}

// cleanText keeps a stored text from breaking a document: control
// characters other than line breaks and tabs become spaces.
func cleanText(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) && r != '\n' && r != '\t' || r == unicode.ReplacementChar {
			return ' '
		}
		return r
	}, s)
}
