package app

import (
	"context"
	"io"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/evaluation"
	"eu.ilsa.coach/ilsa/data/report/indicators"
	"eu.ilsa.coach/ilsa/data/report/indicators/export"
	"eu.ilsa.coach/ilsa/translations"
	"eu.ilsa.coach/ilsa/ui"
)

// funderReports gives the Reports screen the indicators over the open store.
type funderReports struct {
	st    *data.Store
	lib   *modelLibrary              // the window's, reloaded after each sync
	forms func() *evaluation.Library // the questionnaires, for the exports and the project draft; nil: the bundled
}

var _ ui.Reports = funderReports{}

func (f funderReports) Indicators(ctx context.Context, filter indicators.Filter) (*indicators.Report, error) {
	return indicators.Compute(ctx, f.st, filter)
}

// exporters are the file formats of the funder report.
var exporters = map[string]func(io.Writer, *indicators.Report, export.Options) error{
	"xlsx": export.XLSX, "csv": export.CSV, "pdf": export.PDF}

func (f funderReports) Export(ctx context.Context, r *indicators.Report, format, lang, path string) error {
	write, ok := exporters[format]
	if !ok {
		return usage("cli.error.flag_value", "Flag", "--format", "Value", format)
	}
	opt := export.Options{Lang: translations.New(lang), Models: f.lib.Current()}
	if format != "csv" {
		var forms *evaluation.Library
		if f.forms != nil {
			forms = f.forms()
		}
		var err error
		if opt.Evaluations, err = evaluationsFor(ctx, f.st, forms, r.Filter); err != nil {
			return err
		}
	}
	_, err := writeViaTemp(path, func(file io.Writer) (int, error) {
		return 0, write(file, r, opt)
	})
	return err
}
