package translations

import (
	"errors"
	"io/fs"
	"strings"
	"syscall"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/changelog"
	"eu.ilsa.coach/ilsa/data/domain"
)

// Keyed is implemented by errors that carry their own message key (for
// errors defined outside package data, such as the data-directory checks).
type Keyed interface {
	error
	MessageKey() (key string, params []any)
}

// errorKeys maps validation codes (domain.ValidationError.Code) to message keys.
var errorKeys = map[string]string{
	"required":                     "error.required",
	"too_long":                     "error.too_long",
	"choice":                       "error.choice",
	"date.format":                  "error.date.format",
	"date.range":                   "error.date.range",
	"text.control":                 "error.text.control",
	"text.line_break":              "error.text.line_break",
	"text.encoding":                "error.text.encoding",
	"number.range":                 "error.number.range",
	"email.format":                 "error.email.format",
	"phone.format":                 "error.phone.format",
	"country.unknown":              "error.country.unknown",
	"municipality.unknown":         "error.municipality.unknown",
	"municipality.country":         "error.municipality.country",
	"sector.unknown":               "error.sector.unknown",
	"visit.no_org":                 "error.visit.no_org",
	"joint.ends_before_start":      "error.joint.ends_before_start",
	"period.ends_before_start":     "error.period.ends_before_start",
	changelog.CodeFrozen:           "error.submission.frozen",
	"evaluation.one_activity":      "error.evaluation.one_activity",
	"evaluation.no_timing":         "error.evaluation.no_timing",
	"evaluation.answers":           "error.evaluation.answers",
	"relation.self":                "error.relation.self",
	"relation.ends_before_start":   "error.relation.ends_before_start",
	"reference.missing":            "error.reference.missing",
	"merge.same":                   "error.merge.same",
	"reach.none":                   "error.reach.none",
	"reach.self":                   "error.reach.self",
	"reach.actor_kind":             "error.reach.actor_kind",
	"conflict.not_text":            "error.conflict.not_text",
	"conflict.merged_empty":        "error.conflict.merged_empty",
	"assessment.model":             "error.assessment.model",
	"assessment.dimension":         "error.assessment.dimension",
	"assessment.level":             "error.assessment.level",
	"assessment.level_format":      "error.assessment.level_format",
	domain.CodeOrgnrEmpty:          "error.orgnr.empty",
	domain.CodeOrgnrCharacters:     "error.orgnr.characters",
	domain.CodeOrgnrLength:         "error.orgnr.length",
	domain.CodeOrgnrChecksum:       "error.orgnr.checksum",
	domain.CodeOrgnrSEMonth:        "error.orgnr.se_month",
	domain.CodeOrgnrSEDay:          "error.orgnr.se_day",
	domain.CodeOrgnrCountry:        "error.orgnr.country",
	domain.CodeOrgnrNOFirstDigit:   "error.orgnr.no_first_digit",
	domain.CodeOrgnrUnknownCountry: "error.orgnr.unknown_country",
	// sync (data/exchange): why a file was not imported, and folder errors
	"sync.ignored.system":      "error.sync.ignored.system",
	"sync.ignored.temp":        "error.sync.ignored.temp",
	"sync.ignored.conflict":    "error.sync.ignored.conflict",
	"sync.ignored.copy":        "error.sync.ignored.copy",
	"sync.ignored.unknown":     "error.sync.ignored.unknown",
	"sync.file.truncated":      "error.sync.file.truncated",
	"sync.file.unreadable":     "error.sync.file.unreadable",
	"sync.file.not_bundle":     "error.sync.file.not_bundle",
	"sync.file.newer":          "error.sync.file.newer",
	"sync.file.encrypted":      "error.sync.file.encrypted",
	"sync.file.damaged":        "error.sync.file.damaged",
	"sync.file.name_mismatch":  "error.sync.file.name_mismatch",
	"sync.file.too_large":      "error.sync.file.too_large",
	"sync.file.seq_limit":      "error.sync.file.seq_limit",
	"sync.file.not_regular":    "error.sync.file.not_regular",
	"sync.file.refused":        "error.sync.file.refused",
	"sync.same_key_other_hash": "error.sync.same_key_other_hash",
	"sync.file.no_team_key":    "error.sync.file.no_team_key",
	"sync.file.newer_key":      "error.sync.file.newer_key",
	"sync.file.other_team":     "error.sync.file.other_team",
	"sync.file.bad_signature":  "error.sync.file.bad_signature",
	"sync.file.signer_changed": "error.sync.file.signer_changed",
	"sync.file.unsigned":       "error.sync.file.unsigned",
	"sync.folder.missing":      "error.sync.folder.missing",
	"sync.folder.not_dir":      "error.sync.folder.not_dir",
	"sync.folder.unreadable":   "error.sync.folder.unreadable",
	"sync.folder.emptied":      "error.sync.folder.emptied",
	"sync.folder.unwritable":   "error.sync.folder.unwritable",
	"sync.write.changes":       "error.sync.write.changes",
	"sync.write.device":        "error.sync.write.device",
}

// fieldKeys maps field names of validation errors to their labels.
var fieldKeys = map[string]string{
	"name": "field.name", "orgnr": "field.orgnr", "country": "field.country", "municipality": "field.municipality",
	"sector": "field.sector", "kind": "field.kind", "employees": "field.employees", "leader_gender": "field.leader_gender",
	"sustainability": "field.sustainability", "notes": "field.notes", "tags": "field.tags",
	"org": "field.org", "orgs": "field.orgs", "role": "field.role", "email": "field.email", "phone": "field.phone",
	"gender": "field.gender", "consent_date": "field.consent_date", "date": "field.date", "type": "field.type",
	"minutes": "field.minutes", "place": "field.place", "advisor": "field.advisor", "women": "field.women",
	"men": "field.men", "other": "field.other", "phase": "field.phase", "text": "field.text", "due": "field.due",
	"done": "field.done", "visit": "field.visit", "size": "field.size", "sort": "field.sort", "status": "field.status",
	"today": "field.date", "cross_border": "field.cross_border", "owner": "field.owner", "sizes": "field.sizes",
	"model": "field.model", "level": "field.level", "dimension": "field.dimension",
	"title": "field.title", "start": "field.start", "outcome": "field.outcome", "visits": "field.visits", "models": "field.models",
	"from": "field.from", "to": "field.to", "project_start": "ui.reports.project_start",
	"folder": "field.folder", "file": "field.file", "body": "field.finding", "step": "field.finding.step",
	"source": "field.finding.source", "joints": "field.finding.joints", "forms": "field.finding.forms",
	"actor": "field.reach.actor", "others": "field.reach.others",
	"answers": "field.answers", "joint_id": "field.joint_action", "timing": "field.timing", "age_band": "field.age_band", "visit_id": "field.visit",
	"from_org": "field.org", "to_org": "field.relation.other", "start_date": "field.start", "end_date": "field.end",
}

// entityKeys names the kinds of record in messages.
var entityKeys = map[string]string{
	domain.EntityOrganisation: "entity.organisation", domain.EntityContact: "entity.contact",
	domain.EntityVisit: "entity.visit", domain.EntityAction: "entity.action",
	domain.EntityJoint: "entity.joint", domain.EntityFinding: "entity.finding", domain.EntityReach: "entity.reach",
	domain.EntitySubmission: "entity.submission", domain.EntityRelation: "entity.relation",
}

// EntityName names a kind of record ("organisation" → "organisation" in
// English, "organisasjon" in Norwegian); an unknown kind as it is.
func (l *Localizer) EntityName(entity string) string {
	if k, ok := entityKeys[entity]; ok {
		return l.T(k)
	}
	return entity
}

// FieldLabel is the translated label of a field name ("orgnr" → "Org number").
func (l *Localizer) FieldLabel(field string) string {
	// Nested form fields ("next_steps.0.text") take the label of the last part.
	if i := strings.LastIndex(field, "."); i >= 0 {
		field = field[i+1:]
	}
	if k, ok := fieldKeys[field]; ok {
		return l.T(k)
	}
	return field
}

// Problem is the sentence for one validation error, without the field label
// (for showing beside the field).
func (l *Localizer) Problem(v *domain.ValidationError) string {
	key, ok := errorKeys[v.Code]
	if !ok {
		return l.T("error.invalid")
	}
	params := make([]any, 0, 2*len(v.Params))
	for k, val := range v.Params {
		if k == "country" || k == "expected" {
			if s, ok := val.(string); ok {
				val = l.Country(domain.Country(s))
			}
		}
		params = append(params, k, val)
	}
	return l.T(key, params...)
}

// Error is the one place that turns any error into a short sentence in the
// user's language. Validation problems are listed as "Label: problem".
func (l *Localizer) Error(err error) string {
	if err == nil {
		return ""
	}
	if vs := domain.ValidationErrors(err); len(vs) > 0 {
		parts := make([]string, len(vs))
		for i, v := range vs {
			parts[i] = l.FieldLabel(v.Field) + ": " + l.Problem(v)
		}
		return strings.Join(parts, "\n")
	}
	var keyed Keyed
	if errors.As(err, &keyed) {
		k, p := keyed.MessageKey()
		return l.T(k, p...)
	}
	var nf *domain.NotFoundError
	if errors.As(err, &nf) {
		return l.T("error.not_found", "Entity", l.EntityName(nf.Entity), "ID", nf.ID)
	}
	var lost *data.DatabaseLostError
	if errors.As(err, &lost) {
		if lost.Empty {
			return l.T("error.db_lost.empty", "Path", lost.Path, "Device", lost.Device)
		}
		return l.T("error.db_lost.missing", "Path", lost.Path, "Device", lost.Device)
	}
	var damaged *data.DamagedError
	if errors.As(err, &damaged) {
		return l.T("error.db_damaged", "Path", damaged.Path)
	}
	var np *data.NothingPersonalError
	if errors.As(err, &np) {
		return l.T("error.erase.nothing_personal")
	}
	var ro *data.ReadOnlyError
	if errors.As(err, &ro) {
		return l.T("error.read_only", "Dir", ro.Dir)
	}
	var seq *changelog.SeqRangeError
	if errors.As(err, &seq) {
		return l.T("error.seq_range", "Device", seq.Device, "Seq", seq.Seq)
	}
	msg := err.Error()
	switch {
	case errors.Is(err, data.ErrSchemaTooNew):
		return l.T("error.schema_too_new")
	case errors.Is(err, data.ErrInUse): // opening while a backup is restored into the folder
		return l.T("error.database.restoring")
	case errors.Is(err, syscall.ENOSPC) || strings.Contains(msg, "database or disk is full"):
		return l.T("error.disk_full")
	case errors.Is(err, fs.ErrPermission) || strings.Contains(msg, "readonly database"):
		return l.T("error.permission", "Detail", msg)
	case errors.Is(err, fs.ErrNotExist):
		return l.T("error.not_exist", "Detail", msg)
	case strings.Contains(msg, "file is not a database") || strings.Contains(msg, "malformed"):
		return l.T("error.corrupt_db", "Detail", msg)
	}
	return l.T("error.unexpected", "Detail", msg)
}
