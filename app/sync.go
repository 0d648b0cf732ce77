package app

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"eu.ilsa.coach/ilsa/app/syncsvc"
	"eu.ilsa.coach/ilsa/data/exchange"
	"eu.ilsa.coach/ilsa/data/hlc"
)

// The sync commands: sync with a shared folder, export and import bundle
// files by hand, and list concurrent edits.

func (s *session) syncOptions() exchange.Options {
	return exchange.Options{App: Version, Now: s.env.Now}
}

// syncFolder is "ilsa sync --folder DIR [--json] [--reseed]".
func syncFolder(fs *flag.FlagSet) runFunc {
	folder := fs.String("folder", "", "cli.flag.folder")
	asJSON := fs.Bool("json", false, "cli.flag.json")
	reseed := fs.Bool("reseed", false, "cli.flag.reseed")
	return func(s *session, _ []string) error { return s.cmdSync(*folder, *asJSON, *reseed) }
}

func (s *session) cmdSync(folder string, asJSON, reseed bool) error {
	if err := s.open(); err != nil {
		return err
	}
	// Through the window's own sync service, so Today and the Sync screen
	// show this sync as one of theirs.
	sync := syncsvc.New(s.store, syncsvc.Options{App: Version, Now: s.env.Now})
	res, err := sync.Sync(s.ctx(), folder, reseed, s.tr.Error, nil)
	if err != nil {
		return err
	}
	// The folder synced with is this device's shared folder from now on:
	// the app syncs with it too and reads the models a lead puts there.
	if abs, err := filepath.Abs(folder); err == nil {
		if err := sync.Remember(abs); err != nil {
			return err
		}
	}
	if asJSON {
		if err := s.writeJSON(res); err != nil {
			return err
		}
	} else {
		s.say(s.env.Stdout, s.tr.T("cli.sync.done", "Folder", folder))
		s.printResult(res)
	}
	if res.Partial() {
		return syncPartial{}
	}
	return nil
}

// syncPartial makes `ilsa sync` exit 1 after its report when this device's
// files could not be written into the folder (the imports were done).
type syncPartial struct{}

func (syncPartial) Error() string { return "sync partial: this device's files were not written" }

// MessageKey lets translations.Localizer.Error read it out.
func (syncPartial) MessageKey() (string, []any) { return "cli.sync.partial", nil }

// exportBundle is "ilsa export --out FILE".
func exportBundle(fs *flag.FlagSet) runFunc {
	out := fs.String("out", "", "cli.flag.out")
	return func(s *session, _ []string) error { return s.cmdExport(*out) }
}

func (s *session) cmdExport(out string) error {
	if err := checkOutFile(out); err != nil {
		return err
	}
	if err := s.open(); err != nil {
		return err
	}
	h, err := exchange.ExportFile(s.ctx(), s.store, out, s.syncOptions())
	if err != nil {
		return asWriteFileError(out, err)
	}
	s.say(s.env.Stdout, s.tr.N("cli.export.done", int(h.Count), "File", out))
	return nil
}

// importBundles is "ilsa import FILE... [--json]"; exit 1 when any file
// could not be imported.
func importBundles(flags *flag.FlagSet) runFunc {
	asJSON := flags.Bool("json", false, "cli.flag.json")
	return func(s *session, files []string) error { return s.cmdImport(files, *asJSON) }
}

func (s *session) cmdImport(files []string, asJSON bool) error {
	if len(files) == 0 {
		return usage("cli.error.missing_file")
	}
	// A name that is not there, or a folder, is a slip on the command line:
	// say so before importing anything (the sync import would only report
	// the file as unreadable, to be tried again later).
	for _, f := range files {
		if fi, err := os.Stat(f); errors.Is(err, fs.ErrNotExist) {
			return &importPathError{path: f}
		} else if err == nil && fi.IsDir() {
			return &importPathError{path: f, folder: true}
		}
	}
	if err := s.open(); err != nil {
		return err
	}
	res, err := exchange.ImportFiles(s.ctx(), s.store, files, s.syncOptions())
	if err != nil {
		return err
	}
	if asJSON {
		if err := s.writeJSON(res); err != nil {
			return err
		}
	} else {
		s.printResult(res)
	}
	if len(res.Files) > 0 {
		return &importFailed{n: len(res.Files)}
	}
	return nil
}

// importPathError is a file given to import that does not exist or is a
// folder; nothing was imported.
type importPathError struct {
	path   string
	folder bool
}

func (e *importPathError) Error() string {
	if e.folder {
		return e.path + " is a folder"
	}
	return "no file " + e.path
}

// MessageKey lets translations.Localizer.Error read it out.
func (e *importPathError) MessageKey() (string, []any) {
	if e.folder {
		return "cli.error.import_folder", []any{"File", e.path, "Files", filepath.Join(e.path, "*.bundle")}
	}
	return "cli.error.import_no_file", []any{"File", e.path}
}

// importFailed makes `ilsa import` exit 1 after its report when files failed.
type importFailed struct{ n int }

func (e *importFailed) Error() string { return fmt.Sprintf("%d files not imported", e.n) }

// MessageKey lets translations.Localizer.Error read it out.
func (e *importFailed) MessageKey() (string, []any) {
	return "cli.import.failed", []any{"Count", e.n}
}

// printResult writes what a sync or an import did, in the user's language.
func (s *session) printResult(r exchange.Result) {
	out := s.env.Stdout
	changes := 0
	for _, b := range r.Written {
		changes += b.Changes
	}
	if len(r.Written) > 0 {
		s.say(out, s.tr.N("cli.sync.written", len(r.Written), "Changes", changes))
	}
	s.say(out, s.tr.N("cli.sync.imported", len(r.Imported), "Applied", r.Applied, "Skipped", r.Skipped))
	if r.Conflicts > 0 {
		s.say(out, s.tr.N("cli.sync.conflicts", r.Conflicts))
	}
	if r.Settled > 0 {
		s.say(out, s.tr.N("cli.sync.settled", r.Settled))
	}
	if r.Clones > 0 {
		s.say(out, s.tr.N("cli.sync.clones", r.Clones))
	}
	if r.NewDeviceID != "" {
		s.say(out, s.tr.T("cli.sync.new_device", "ID", r.NewDeviceID))
	}
	if r.FutureHLC > 0 {
		s.say(out, s.tr.N("cli.sync.future", r.FutureHLC))
	}
	if r.Refused > 0 {
		s.say(out, s.tr.N("cli.sync.refused", r.Refused))
	}
	if r.NoTeamKey > 0 {
		s.say(out, s.tr.N("cli.sync.no_team_key", r.NoTeamKey))
	}
	if r.NewerKey > 0 {
		s.say(out, s.tr.N("cli.sync.newer_key", r.NewerKey))
	}
	for _, g := range r.Gaps {
		s.say(out, s.tr.T("cli.sync.gap", "Device", g.Device, "From", g.From, "To", g.To))
	}
	for _, f := range r.Files {
		s.say(out, s.fileAction(f.Action)+": "+s.tr.Problem(f.Problem()))
	}
	if f := r.NotWritten; f != nil {
		s.say(out, s.fileAction(f.Action)+": "+s.tr.Problem(f.Problem()))
	}
}

func (s *session) fileAction(a string) string {
	switch a {
	case exchange.ActionIgnored:
		return s.tr.T("cli.sync.ignored")
	case exchange.ActionQuarantined:
		return s.tr.T("cli.sync.quarantined")
	case exchange.ActionNotWritten:
		return s.tr.T("cli.sync.not_written")
	}
	return s.tr.T("cli.sync.pending")
}

// conflicts is "ilsa conflicts [--all] [--json]": concurrent edits with both values.
func conflicts(fs *flag.FlagSet) runFunc {
	asJSON := fs.Bool("json", false, "cli.flag.json")
	all := fs.Bool("all", false, "cli.flag.all")
	return func(s *session, _ []string) error { return s.cmdConflicts(*asJSON, *all) }
}

func (s *session) cmdConflicts(asJSON, all bool) error {
	if err := s.open(); err != nil {
		return err
	}
	cs, err := s.store.Conflicts(s.ctx(), all)
	if err != nil {
		return err
	}
	if asJSON {
		out := make([]map[string]any, 0, len(cs))
		for _, c := range cs {
			out = append(out, map[string]any{"n": c.N, "entity": c.Entity, "id": c.ID, "field": c.Field,
				"winner_value": rawJSON(c.WinnerValue), "winner_device": c.WinnerDevice, "winner_time": clockTime(c.WinnerHLC),
				"loser_value": rawJSON(c.LoserValue), "loser_device": c.LoserDevice, "loser_time": clockTime(c.LoserHLC),
				"resolved": c.Resolved})
		}
		return s.writeJSON(out)
	}
	if len(cs) == 0 {
		s.say(s.env.Stdout, s.tr.T("cli.conflicts.none"))
		return nil
	}
	cols := []string{s.tr.T("cli.col.record"), s.tr.T("cli.col.field"), s.tr.T("cli.col.kept"), s.tr.T("cli.col.other")}
	if all { // resolved ones too: say which
		cols = append(cols, s.tr.T("cli.col.resolved"))
	}
	w := s.table(cols...)
	for _, c := range cs {
		// The record by its name ("organisation Røros Ull AS"); --json has the ids.
		cells := []string{s.tr.EntityName(c.Entity) + " " + s.store.ConflictRecordName(s.ctx(), c.Entity, c.ID),
			s.tr.FieldLabel(c.Field), shortValue(c.WinnerValue), shortValue(c.LoserValue)}
		if all {
			cells = append(cells, s.tr.T(map[bool]string{true: "ui.yes", false: "ui.no"}[c.Resolved]))
		}
		row(w, cells...)
	}
	return w.Flush()
}

// rawJSON keeps a stored canonical JSON value as JSON in --json output.
type rawJSON string

func (r rawJSON) MarshalJSON() ([]byte, error) {
	if !json.Valid([]byte(r)) { // a value of the wrong shape from another device
		return json.Marshal(string(r))
	}
	return []byte(r), nil
}

// shortValue shows a canonical JSON value on one table line.
func shortValue(v string) string {
	v = strings.TrimSuffix(strings.TrimPrefix(v, `"`), `"`)
	v = strings.ReplaceAll(v, `\n`, " ")
	if r := []rune(v); len(r) > 60 {
		v = string(r[:59]) + "…"
	}
	return v
}

// clockTime is a change's time for JSON: null for a clock outside the range
// the engine accepts (a database written before the bound existed may
// hold one), which no calendar can print.
func clockTime(ts hlc.Timestamp) any {
	if !ts.Valid() {
		return nil
	}
	return ts.Time()
}
