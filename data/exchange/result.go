package exchange

import (
	"path/filepath"

	"eu.ilsa.coach/ilsa/data/changelog"
	"eu.ilsa.coach/ilsa/data/domain"
)

// What happened to a file that was not imported.
const (
	ActionIgnored     = "ignored"     // not one of our names: never read
	ActionPending     = "pending"     // a bundle left for a later sync
	ActionQuarantined = "quarantined" // a bundle not trusted as what its name says
	ActionNotWritten  = "not_written" // this device's own file, which the folder would not take
)

// Result says what a sync (or an import of files) did. JSON-ready for
// `ilsa sync --json`.
type Result struct {
	Device   string       `json:"device"`
	Written  []BundleInfo `json:"written"`
	Imported []BundleInfo `json:"imported"`
	// Skipped counts bundles in the folder that were imported before.
	Skipped int `json:"skipped"`
	// Changes applied and what else the imports found.
	Applied    int `json:"applied"`
	Duplicates int `json:"duplicates"`
	Conflicts  int `json:"conflicts"`
	// Settled counts open conflicts marked resolved because another device
	// settled them (perhaps ones recorded in this very sync).
	Settled   int `json:"settled"`
	Clones    int `json:"clones"`
	FutureHLC int `json:"future_clock"`
	Unknown   int `json:"unknown"`
	// Refused counts changes kept aside: clocks out of range or values no
	// form accepts (in the log, never applied; `ilsa check` lists them).
	Refused int `json:"refused"`
	// Files lists each file ignored, left for later or quarantined, with why.
	Files []FileReport `json:"files"`
	// Gaps are ranges of a device's changes not in the folder yet: later
	// bundles were imported anyway (last writer wins in any order) and the
	// missing ones will be when they arrive.
	Gaps []Gap `json:"gaps"`
	// Rehomed counts records that named a merged organisation and were
	// moved onto the one it was merged into after the import.
	Rehomed int `json:"rehomed"`
	// NewDeviceID is set when this device's id was found cloned and it now
	// writes under a fresh one.
	NewDeviceID string `json:"new_device_id,omitempty"`
	// NotWritten is set when this device's changes (ReasonChangesNotWritten)
	// or its device.json (ReasonDeviceNotWritten) could not be written into
	// the folder — read-only, full — and says where. Everything else was
	// done, but the sync was partial: the others do not get this device's
	// changes until a later sync can write them.
	NotWritten *FileReport `json:"not_written,omitempty"`
	// Rewritten counts this device's own bundles written again without
	// erased values; ErasuresCompleted the erasures this device reported
	// complete in this sync.
	Rewritten         int `json:"rewritten,omitempty"`
	ErasuresCompleted int `json:"erasures_completed,omitempty"`
	// NoTeamKey and NewerKey count colleagues (devices) whose bundles are
	// encrypted and stay unapplied until this device joins the team, or
	// joins again for the newer key (each file is also in Files).
	NoTeamKey int `json:"colleagues_encrypted"`
	NewerKey  int `json:"colleagues_newer_key"`
}

// BundleInfo is one bundle written or imported.
type BundleInfo struct {
	Device   string `json:"device"`
	FirstSeq uint64 `json:"first_seq"`
	LastSeq  uint64 `json:"last_seq"`
	Changes  int    `json:"changes"`
	File     string `json:"file"`
}

// FileReport is a file that was not imported, and why.
type FileReport struct {
	Path   string `json:"path"`
	Action string `json:"action"` // ActionIgnored, ActionPending or ActionQuarantined
	Reason string `json:"reason"` // a Reason… code
	Detail string `json:"detail,omitempty"`
}

// Problem is the report as a translatable problem: pass it to
// translations.Localizer.Problem for a sentence in the user's language.
func (f FileReport) Problem() *domain.ValidationError {
	return &domain.ValidationError{Field: "file", Code: f.Reason, Params: map[string]any{"Path": f.Path}}
}

// Gap is a range of a device's changes not yet seen.
type Gap struct {
	Device string `json:"device"`
	From   uint64 `json:"from"`
	To     uint64 `json:"to"`
}

// Problems reports whether anything needs the user's attention.
func (r Result) Problems() bool { return len(r.Files) > 0 || r.NotWritten != nil }

// Partial reports whether this device's own files could not be written.
func (r Result) Partial() bool { return r.NotWritten != nil }

// countLocked counts the colleagues whose files this device cannot decrypt.
func (r *Result) countLocked() {
	noKey, newer := map[string]bool{}, map[string]bool{}
	for _, f := range r.Files {
		dev := filepath.Base(filepath.Dir(f.Path))
		switch f.Reason {
		case ReasonNoTeamKey:
			noKey[dev] = true
		case ReasonNewerKey:
			newer[dev] = true
		}
	}
	r.NoTeamKey, r.NewerKey = len(noKey), len(newer)
}

func (r *Result) addImport(ir changelog.ImportResult) {
	r.Applied += ir.Applied
	r.Duplicates += ir.Duplicates
	r.Conflicts += ir.Conflicts
	r.Settled += ir.Settled
	r.Clones += ir.Clones
	r.FutureHLC += ir.FutureHLC
	r.Unknown += ir.Unknown
	r.Refused += ir.Refused
	if ir.NewDeviceID != "" {
		r.NewDeviceID = ir.NewDeviceID
	}
}
