package app

import (
	"context"
	"flag"
	"io"
	"path/filepath"
	"strings"

	"eu.ilsa.coach/ilsa/app/prefs"
	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/evaluation"
	"eu.ilsa.coach/ilsa/data/report/indicators"
	"eu.ilsa.coach/ilsa/data/report/project"
	"eu.ilsa.coach/ilsa/translations"
	"eu.ilsa.coach/ilsa/ui"
)

// reportProject writes the project's report draft for a period:
// ilsa report project --from DATE --to DATE [--lang sv|nb|en] --out FILE.pdf|.docx|.md
// The format comes from the file's extension; --lang chooses the draft's
// language only (messages stay in the session's); the project's start is
// the one the Reports screen keeps, as for `report indicators`.
func reportProject(fs *flag.FlagSet) runFunc {
	from := fs.String("from", "", "cli.flag.from")
	to := fs.String("to", "", "cli.flag.to")
	lang := fs.String("lang", "", "cli.flag.report.lang")
	out := fs.String("out", "", "cli.flag.report_project.out")
	start := fs.String("project-start", "", "cli.flag.project_start")
	return func(s *session, _ []string) error {
		if *lang != "" && !translations.Supported(*lang) {
			return usage("cli.error.lang", "Value", *lang)
		}
		s.isoDates(from, to, start)
		f := indicators.Filter{From: *from, To: *to, ProjectStart: *start}
		if err := periodUsage(f); err != nil {
			return err
		}
		format, err := draftFormat(*out)
		if err != nil {
			return err
		}
		if err := checkOutFile(*out); err != nil {
			return err
		}
		if err := s.open(); err != nil {
			return err
		}
		if f.ProjectStart == "" {
			f.ProjectStart = prefs.New(s.store).ProjectStart()
		}
		tr := s.tr
		if *lang != "" {
			tr = translations.New(*lang)
		}
		forms, _ := loadForms(s.dataDir, s.store) // problems with form files are reported by "ilsa evaluation forms"
		pictures, err := writeProjectDraft(s.ctx(), s.store, forms, f, tr, format, *out)
		if err != nil {
			return err
		}
		abs, _ := filepath.Abs(*out)
		s.say(s.env.Stdout, s.tr.T("report.project.written", "From", s.tr.DateString(f.From),
			"To", s.tr.DateString(f.To), "Path", abs))
		for _, p := range pictures {
			abs, _ := filepath.Abs(p)
			s.say(s.env.Stdout, s.tr.T("report.project.picture_written", "Path", abs))
		}
		return nil
	}
}

// draftFormat is the format the output file's extension names. ODT is
// refused with its own message: the DOCX opens in LibreOffice.
func draftFormat(path string) (project.Format, error) {
	if path == "" {
		return "", usage("cli.error.flag_value", "Flag", "--out", "Value", path)
	}
	format, ok := project.FormatOf(path)
	switch {
	case strings.EqualFold(filepath.Ext(path), ".odt"):
		return "", usage("cli.error.report_project.odt")
	case !ok:
		return "", usage("cli.error.report_project.format", "Value", filepath.Base(path))
	}
	return format, nil
}

// periodUsage turns a wrong period or project start into a usage error
// naming its flag.
func periodUsage(f indicators.Filter) error {
	err := f.Validate()
	if err == nil {
		return nil
	}
	v, _ := domain.AsValidation(err)
	if v == nil {
		return err
	}
	val, _ := v.Params["value"].(string)
	if val == "" {
		val = map[string]string{"from": f.From, "to": f.To, "project_start": f.ProjectStart}[v.Field]
	}
	return usage("cli.error.flag_value", "Flag", "--"+strings.ReplaceAll(v.Field, "_", "-"), "Value", val)
}

// writeProjectDraft gathers, builds and writes the draft to path, whole
// or not at all; a Markdown draft's pictures are written next to it first,
// and their paths returned.
func writeProjectDraft(ctx context.Context, st *data.Store, forms *evaluation.Library, f indicators.Filter,
	tr *translations.Localizer, format project.Format, path string) ([]string, error) {
	in, err := project.Gather(ctx, st, f)
	if err != nil {
		return nil, err
	}
	system, err := gatherInnovationSystem(ctx, st, f.ProjectStart)
	if err != nil {
		return nil, err
	}
	evaluations, err := project.GatherEvaluations(ctx, st, forms, f.From, f.To)
	if err != nil {
		return nil, err
	}
	in.Extra = append(in.Extra, innovationSystemSections(system), project.EvaluationSections(evaluations))
	files, err := project.Render(project.Build(in, tr), format, path)
	if err != nil {
		return nil, err
	}
	var pictures []string
	for _, file := range append(files[1:], files[0]) {
		if _, err := writeViaTemp(file.Path, func(w io.Writer) (int, error) { return w.Write(file.Data) }); err != nil {
			return nil, err
		}
		if file.Path != path {
			pictures = append(pictures, file.Path)
		}
	}
	return pictures, nil
}

var _ ui.ProjectDrafts = funderReports{}

// ProjectDraft writes the Reports screen's project report draft.
func (f funderReports) ProjectDraft(ctx context.Context, filter indicators.Filter, lang string, format project.Format, path string) error {
	var forms *evaluation.Library
	if f.forms != nil {
		forms = f.forms()
	}
	_, err := writeProjectDraft(ctx, f.st, forms, filter, translations.New(lang), format, path)
	return err
}
