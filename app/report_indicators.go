package app

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"io"
	"path/filepath"
	"strings"

	"eu.ilsa.coach/ilsa/app/prefs"
	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/evaluation"
	"eu.ilsa.coach/ilsa/data/report/indicators"
	"eu.ilsa.coach/ilsa/data/report/indicators/export"
	"eu.ilsa.coach/ilsa/data/report/project"
)

// reportIndicators is "ilsa report indicators": the funder report as JSON,
// XLSX, CSV or PDF, to a file or (--out -) standard output.
func reportIndicators(fs *flag.FlagSet) runFunc {
	from := fs.String("from", "", "cli.flag.from")
	to := fs.String("to", "", "cli.flag.to")
	format := fs.String("format", "json", "cli.flag.format")
	out := fs.String("out", "", "cli.flag.out_or_stdout")
	var f indicators.Filter
	country := fs.String("country", "", "cli.flag.only.country")
	fs.StringVar(&f.County, "county", "", "cli.flag.only.county")
	fs.StringVar(&f.Municipality, "municipality", "", "cli.flag.only.municipality")
	fs.StringVar(&f.Advisor, "advisor", "", "cli.flag.only.advisor")
	kind := fs.String("kind", "", "cli.flag.only.kind")
	fs.StringVar(&f.Partner, "partner", "", "cli.flag.report.partner")
	side := fs.String("side", "", "cli.flag.report.side")
	start := fs.String("project-start", "", "cli.flag.project_start")
	return func(s *session, _ []string) error {
		s.isoDates(from, to, start)
		f.From, f.To, f.Country, f.Kind, f.Side = *from, *to, domain.Country(*country), domain.OrgKind(*kind), domain.Country(*side)
		f.ProjectStart = *start
		write, ok := map[string]func(io.Writer, *indicators.Report, export.Options) error{
			"json": writeIndicatorsJSON, "xlsx": export.XLSX, "csv": export.CSV, "pdf": export.PDF}[*format]
		if !ok {
			return usage("cli.error.flag_value", "Flag", "--format", "Value", *format)
		}
		// A wrong filter is a wrong command line (exit 2), named by its flag.
		if err := f.Validate(); err != nil {
			v, _ := domain.AsValidation(err)
			if v == nil {
				return err
			}
			val, _ := v.Params["value"].(string)
			if val == "" {
				val = map[string]string{"from": f.From, "to": f.To, "municipality": f.Municipality, "project_start": f.ProjectStart}[v.Field]
			}
			return usage("cli.error.flag_value", "Flag", "--"+strings.ReplaceAll(v.Field, "_", "-"), "Value", val)
		}
		if *out != "-" {
			if err := checkOutFile(*out); err != nil {
				return err
			}
		}
		if err := s.open(); err != nil {
			return err
		}
		if f.ProjectStart == "" {
			// The start the Reports screen keeps, when set there.
			f.ProjectStart = prefs.New(s.store).ProjectStart()
		}
		r, err := indicators.Compute(s.ctx(), s.store, f)
		if err != nil {
			return err
		}
		// A submitted period: the submitted figures and what changed since.
		if r.Submitted, err = indicators.CompareSubmitted(s.ctx(), s.store, r); err != nil {
			return err
		}
		lib, _ := loadModels(s.dataDir, s.store) // problems with model files are reported by "ilsa models list"
		opt := export.Options{Lang: s.tr, Models: lib}
		if *format == "xlsx" || *format == "pdf" {
			forms, _ := loadForms(s.dataDir, s.store) // problems with form files are reported by "ilsa evaluation forms"
			if opt.Evaluations, err = evaluationsFor(s.ctx(), s.store, forms, f); err != nil {
				return err
			}
		}
		if *out == "-" {
			w := bufio.NewWriter(s.env.Stdout)
			if err := write(w, r, opt); err != nil {
				return err
			}
			return w.Flush()
		}
		var buf bytes.Buffer
		if err := write(&buf, r, opt); err != nil {
			return err
		}
		if _, err := writeViaTemp(*out, func(f io.Writer) (int, error) { return f.Write(buf.Bytes()) }); err != nil {
			return err
		}
		abs, _ := filepath.Abs(*out)
		s.say(s.env.Stdout, s.tr.T("report.indicators.written", "From", s.tr.DateString(f.From),
			"To", s.tr.DateString(f.To), "Path", abs))
		return nil
	}
}

// evaluationsFor sums up the questionnaires answered in the report's
// period, for the XLSX and PDF of the whole project's report (none for a
// selection: see export.EvaluationsApply).
func evaluationsFor(ctx context.Context, st *data.Store, forms *evaluation.Library, f indicators.Filter) ([]export.FormResults, error) {
	if !export.EvaluationsApply(f) {
		return nil, nil
	}
	got, err := project.GatherEvaluations(ctx, st, forms, f.From, f.To)
	if err != nil {
		return nil, err
	}
	out := make([]export.FormResults, len(got))
	for i, g := range got {
		out[i] = export.FormResults{Form: g.Form, Results: g.Results}
	}
	return out, nil
}

func writeIndicatorsJSON(w io.Writer, r *indicators.Report, _ export.Options) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(r); err != nil {
		return err
	}
	_, err := w.Write(jsonSafe(buf.Bytes())) // names and advisors are stored text
	return err
}
