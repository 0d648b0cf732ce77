package app

import (
	"flag"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"eu.ilsa.coach/ilsa/app/prefs"
	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/evaluation"
)

// The evaluation commands: evaluation forms, add and results.

// FormsDirName is the folder inside the data directory for questionnaire
// files from outside; SharedFormsDir is where a project lead puts them in
// the shared folder, beside the models.
const (
	FormsDirName   = "forms"
	SharedFormsDir = "ilsa/v1/forms"
)

// loadForms reads the bundled questionnaires and those of the data folder
// and the shared folder.
func loadForms(dataDir string, st *data.Store) (*evaluation.Library, []error) {
	dirs := []string{filepath.Join(dataDir, FormsDirName)}
	if st != nil {
		if shared := prefs.New(st).SyncFolder(); shared != "" {
			dirs = append(dirs, filepath.Join(shared, filepath.FromSlash(SharedFormsDir)))
		}
	}
	return evaluation.Load(dirs...)
}

// forms opens the store and loads the questionnaires, warning of each file
// skipped.
func (s *session) forms() (*evaluation.Library, error) {
	if err := s.open(); err != nil {
		return nil, err
	}
	lib, problems := loadForms(s.dataDir, s.store)
	for _, p := range problems {
		s.say(s.env.Stderr, "ilsa: "+s.tr.T("cli.warn.form_skipped", "Problem", s.tr.Error(p)))
	}
	return lib, nil
}

func evaluationForms(fs *flag.FlagSet) runFunc {
	asJSON := fs.Bool("json", false, "cli.flag.json")
	return func(s *session, _ []string) error {
		lib, err := s.forms()
		if err != nil {
			return err
		}
		lang := s.tr.Lang()
		if *asJSON {
			out := make([]map[string]any, 0)
			for _, f := range lib.All() {
				qs := make([]map[string]any, 0, len(f.Questions))
				for _, q := range f.Questions {
					m := map[string]any{"id": q.ID, "kind": q.Kind, "text": q.Text.In(lang), "required": q.Required}
					if q.Numeric() {
						lo, hi := q.Range()
						m["min"], m["max"], m["low"], m["high"] = lo, hi, q.Low.In(lang), q.High.In(lang)
					}
					if len(q.Choices) > 0 {
						cs := make([]map[string]any, 0, len(q.Choices))
						for _, c := range q.Choices {
							cs = append(cs, map[string]any{"id": c.ID, "text": c.Text.In(lang)})
						}
						m["choices"] = cs
					}
					qs = append(qs, m)
				}
				out = append(out, map[string]any{"id": f.ID, "version": f.Version, "title": f.Title.In(lang),
					"before_after": f.BeforeAfter, "bundled": f.Bundled, "file": f.File, "questions": qs})
			}
			return s.writeJSON(out)
		}
		w := s.table(s.tr.T("cli.col.id"), s.tr.T("field.title"), s.tr.T("cli.col.version"), s.tr.T("cli.col.questions"), s.tr.T("cli.col.origin"))
		for _, f := range lib.All() {
			origin := s.tr.T("cli.models.bundled")
			if !f.Bundled {
				origin = f.File
			}
			row(w, f.ID, f.Title.In(lang), strconv.Itoa(f.Version), strconv.Itoa(len(f.Questions)), origin)
		}
		return w.Flush()
	}
}

func evaluationAdd(fs *flag.FlagSet) runFunc {
	formID := fs.String("form", "", "cli.flag.evaluation.form")
	visit := fs.String("visit", "", "cli.flag.evaluation.visit")
	joint := fs.String("joint", "", "cli.flag.evaluation.joint")
	answers := &stringList{}
	fs.Var(answers, "answer", "cli.flag.evaluation.answer")
	gender := fs.String("gender", "", "cli.flag.evaluation.gender")
	country := fs.String("country", "", "cli.flag.evaluation.country")
	age := fs.String("age", "", "cli.flag.evaluation.age")
	timing := fs.String("timing", "", "cli.flag.evaluation.timing")
	date := fs.String("date", "", "cli.flag.evaluation.date")
	return func(s *session, _ []string) error {
		for _, c := range []struct {
			flag, value string
			ok          bool
		}{
			{"--gender", *gender, slices.Contains(domain.Genders, domain.Gender(*gender))},
			{"--country", *country, *country == "" || domain.Country(*country).Valid()},
			{"--age", *age, slices.Contains(domain.AgeBands, domain.AgeBand(*age))},
			{"--timing", *timing, *timing == "" || slices.Contains(domain.Timings, domain.Timing(*timing))},
		} {
			if !c.ok {
				return usage("cli.error.flag_value", "Flag", c.flag, "Value", c.value)
			}
		}
		if *visit != "" && *joint != "" {
			return usage("cli.error.evaluation.visit_or_joint")
		}
		lib, err := s.forms()
		if err != nil {
			return err
		}
		form, ok := lib.Latest(*formID)
		if !ok {
			return usage("cli.error.evaluation.no_form", "Form", *formID)
		}
		values, err := answerValues(form, *answers)
		if err != nil {
			return err
		}
		if *date == "" {
			*date = s.env.Now().Format(domain.DateLayout)
		}
		s.isoDates(date)
		r := domain.Response{Answers: evaluation.Answers{Values: values}, VisitID: *visit, JointID: *joint, Date: *date,
			Timing: domain.Timing(*timing), Gender: domain.Gender(*gender), AgeBand: domain.AgeBand(*age), Country: domain.Country(*country)}
		if err := s.store.CreateResponse(s.ctx(), &r, form); err != nil {
			return err
		}
		fmt.Fprintln(s.env.Stdout, r.ID)
		return nil
	}
}

// answerValues reads --answer QUESTION=VALUE flags as the form's questions
// take them: a number for likert and scale, a choice id, choice ids
// separated by commas for multiple choice, any text for free text. Whether
// the value is one the question accepts is the store's check.
func answerValues(form *evaluation.Form, answers []string) (map[string]any, error) {
	values := map[string]any{}
	for _, a := range answers {
		id, v, ok := strings.Cut(a, "=")
		q, known := form.Question(strings.TrimSpace(id))
		if !ok || !known {
			return nil, usage("cli.error.evaluation.answer", "Answer", a, "Form", form.ID)
		}
		if _, twice := values[q.ID]; twice {
			return nil, usage("cli.error.evaluation.answer_twice", "Question", q.ID)
		}
		switch q.Kind {
		case evaluation.KindLikert, evaluation.KindScale:
			n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
			if err != nil {
				return nil, usage("cli.error.evaluation.answer_number", "Question", q.ID, "Value", v)
			}
			values[q.ID] = n
		case evaluation.KindMultiple:
			var ids []string
			for _, c := range strings.Split(v, ",") {
				if c = strings.TrimSpace(c); c != "" {
					ids = append(ids, c)
				}
			}
			values[q.ID] = ids
		case evaluation.KindSingle:
			values[q.ID] = strings.TrimSpace(v)
		default:
			values[q.ID] = v
		}
	}
	return values, nil
}

func evaluationResults(fs *flag.FlagSet) runFunc {
	formID := fs.String("form", "", "cli.flag.evaluation.form")
	visit := fs.String("visit", "", "cli.flag.evaluation.results_visit")
	joint := fs.String("joint", "", "cli.flag.evaluation.results_joint")
	from := fs.String("from", "", "cli.flag.from")
	to := fs.String("to", "", "cli.flag.to")
	asJSON := fs.Bool("json", false, "cli.flag.json")
	return func(s *session, _ []string) error {
		if *visit != "" && *joint != "" {
			return usage("cli.error.evaluation.visit_or_joint")
		}
		s.isoDates(from, to)
		for _, d := range []struct{ flag, value string }{{"--from", *from}, {"--to", *to}} {
			if d.value != "" && domain.ValidateDate("date", d.value, true) != nil {
				return usage("cli.error.flag_value", "Flag", d.flag, "Value", d.value)
			}
		}
		lib, err := s.forms()
		if err != nil {
			return err
		}
		form, ok := lib.Latest(*formID)
		if !ok {
			return usage("cli.error.evaluation.no_form", "Form", *formID)
		}
		res, err := s.store.EvaluationResults(s.ctx(), lib, form, data.ResponseQuery{VisitID: *visit, JointID: *joint, From: *from, To: *to})
		if err != nil {
			return err
		}
		if *asJSON {
			return s.writeJSON(res)
		}
		s.printResults(form, res)
		return nil
	}
}

// printResults writes the results as a table: each question with its
// count, mean and distribution, and the change for a before/after form.
func (s *session) printResults(form *evaluation.Form, res evaluation.Results) {
	lang := s.tr.Lang()
	s.say(s.env.Stdout, s.tr.N("cli.evaluation.respondents", res.Respondents, "Title", form.Title.In(lang)))
	w := s.table(s.tr.T("cli.col.question"), s.tr.T("cli.col.answered"), s.tr.T("cli.col.mean"), s.tr.T("cli.col.distribution"))
	for i, q := range res.Questions {
		mean := ""
		if q.Mean != nil {
			mean = strconv.FormatFloat(*q.Mean, 'f', 1, 64)
			if ba := res.BeforeAfter; ba != nil {
				if d, ok := ba.Change[q.ID]; ok {
					mean += fmt.Sprintf(" (%+.1f)", d)
				}
			}
		}
		var dist []string
		for _, b := range q.Distribution {
			dist = append(dist, fmt.Sprintf("%s:%d", b.Value, b.Count))
		}
		for _, t := range q.Texts {
			dist = append(dist, strconv.Quote(t))
		}
		row(w, form.Questions[i].Text.In(lang), strconv.Itoa(q.Count), mean, strings.Join(dist, " "))
	}
	w.Flush()
}
