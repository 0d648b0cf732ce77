package app

import (
	"flag"
	"fmt"
	"io/fs"
	"path/filepath"
	"strconv"

	"eu.ilsa.coach/ilsa/app/prefs"
	"eu.ilsa.coach/ilsa/assets"
	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/models"
)

// ModelsDirName is the folder inside the data directory where model files
// from outside (a project lead's) are put; the shared folder's models are
// read as well (modelDirs).
const ModelsDirName = "models"

// loadModels reads the bundled library and the model files in modelDirs.
func loadModels(dataDir string, st *data.Store) (*models.Library, []error) {
	bundled, err := fs.Sub(assets.Models, "models")
	if err != nil {
		return nil, []error{err}
	}
	return models.Load(bundled, modelDirs(dataDir, st)...)
}

// SharedModelsDir is where a project lead puts model files in the shared
// folder, so every advisor's app picks them up after the next sync.
const SharedModelsDir = "ilsa/v1/models"

// modelDirs are the folders model files from outside are read from: the
// data folder's models/, then the shared folder's ilsa/v1/models/.
func modelDirs(dataDir string, st *data.Store) []string {
	dirs := []string{filepath.Join(dataDir, ModelsDirName)}
	if st != nil {
		if shared := prefs.New(st).SyncFolder(); shared != "" {
			dirs = append(dirs, filepath.Join(shared, filepath.FromSlash(SharedModelsDir)))
		}
	}
	return dirs
}

func modelsList(fs *flag.FlagSet) runFunc {
	asJSON := fs.Bool("json", false, "cli.flag.json")
	return func(s *session, _ []string) error {
		if err := s.open(); err != nil {
			return err
		}
		lib, problems := loadModels(s.dataDir, s.store)
		for _, p := range problems {
			s.say(s.env.Stderr, "ilsa: "+s.tr.T("cli.warn.model_skipped", "Problem", p.Error()))
		}
		all := lib.All()
		lang := s.tr.Lang()
		if *asJSON {
			out := make([]map[string]any, 0, len(all))
			for _, m := range all {
				var versions []int
				for _, v := range lib.Versions(m.ID) {
					versions = append(versions, v.Version)
				}
				dims := make([]map[string]any, 0, len(m.Dimensions))
				for _, d := range m.Dimensions {
					dims = append(dims, map[string]any{"id": d.ID, "name": d.Name.In(lang)})
				}
				out = append(out, map[string]any{"id": m.ID, "name": m.Name.In(lang), "version": m.Version,
					"versions": versions, "kind": m.Kind, "levels": m.Levels, "dimensions": dims,
					"source": m.Source, "url": m.URL, "author": m.Author, "license": m.License, "license_url": m.LicenseURL,
					"adapted": m.Adapted, "bundled": m.Bundled, "file": m.File})
			}
			return s.writeJSON(out)
		}
		w := s.table(s.tr.T("cli.col.id"), s.tr.T("field.name"), s.tr.T("cli.col.version"), s.tr.T("cli.col.kind"),
			s.tr.T("cli.col.origin"), s.tr.T("cli.col.credit"))
		for _, m := range all {
			origin := s.tr.T("cli.models.bundled")
			if !m.Bundled {
				origin = m.File
			}
			row(w, m.ID, m.Name.In(lang), strconv.Itoa(m.Version), s.modelKind(m.Kind), origin, s.tr.ModelCredit(m))
		}
		return w.Flush()
	}
}

func (s *session) modelKind(k models.Kind) string {
	switch k {
	case models.KindScale:
		return s.tr.T("model_kind.scale")
	case models.KindCanvas:
		return s.tr.T("model_kind.canvas")
	case models.KindChecklist:
		return s.tr.T("model_kind.checklist")
	}
	return string(k)
}

// assess records an assessment with the newest version of a model:
// ilsa assess --org ID --model MODEL-ID --level DIMENSION=N ... [--date] [--visit ID] [--comment]
func assess(fs *flag.FlagSet) runFunc {
	org := fs.String("org", "", "cli.flag.assess.org")
	model := fs.String("model", "", "cli.flag.model")
	visit := fs.String("visit", "", "cli.flag.visit")
	date := fs.String("date", "", "cli.flag.assess.date")
	comment := fs.String("comment", "", "cli.flag.comment")
	done := fs.Bool("done", true, "cli.flag.done")
	levels := &stringList{}
	fs.Var(levels, "level", "cli.flag.level")
	return func(s *session, _ []string) error {
		answers, err := domain.ParseLevels(*levels)
		if err != nil {
			return err
		}
		s.isoDates(date)
		if err := s.open(); err != nil {
			return err
		}
		lib, _ := loadModels(s.dataDir, s.store)
		m, ok := lib.Latest(*model)
		if !ok {
			return usage("cli.error.unknown_model", "Model", *model)
		}
		a := domain.Assessment{OrgID: *org, VisitID: *visit, ModelID: m.ID, ModelVersion: m.Version,
			Date: *date, Comment: *comment, Answers: answers, Status: domain.AssessmentDraft}
		if a.Date == "" {
			a.Date = s.today()
		}
		if *done {
			a.Status = domain.AssessmentDone
		}
		if err := s.store.SaveAssessment(s.ctx(), &a, m); err != nil {
			return err
		}
		fmt.Fprintln(s.env.Stdout, a.ID)
		return nil
	}
}
