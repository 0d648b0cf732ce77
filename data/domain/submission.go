package domain

// Submission is a period's funder report as the project lead submitted it
// (sv "inlämnad rapport", nb "innlevert rapport"): who submitted it, when,
// and the frozen figures with the ids behind them. It is immutable: once
// written no one edits or deletes it, and a correction is a new submission
// of the same period (the newest is the reference).
type Submission struct {
	Meta
	From, To     string // the period, YYYY-MM-DD, both days included
	ProjectStart string // where the "since project start" figures counted from
	Advisor      string // the submitter's name (profile)
	Partner      string // the submitter's organisation (profile)
	Note         string
	// Snapshot is the frozen figures in their versioned encoding
	// (indicators.EncodeSnapshot); only the report package reads it.
	Snapshot string
}

// MaxSnapshotLen bounds an encoded snapshot: well under a bundle's limit
// of one value (1 MiB), so a submission always travels.
const MaxSnapshotLen = 900_000

// Fields gives the record's synced fields by name, as the change log writes
// them. Every field is written when a submission is made, empty ones too,
// so each has a value to hold against a later change (changelog's frozen
// entities).
func (s *Submission) Fields() map[string]any {
	return map[string]any{"deleted": false, "period_from": s.From, "period_to": s.To, "project_start": s.ProjectStart,
		"advisor": s.Advisor, "partner": s.Partner, "note": s.Note, "snapshot": s.Snapshot}
}

// Normalise trims and checks a submission: a period whose start is not
// after its end, and a snapshot.
func (s *Submission) Normalise() error {
	trim(&s.Advisor)
	trim(&s.Partner)
	normaliseLineEnds(&s.Note)
	p := checkFields(EntitySubmission, s.Fields())
	p.add(ValidateDate("from", s.From, true))
	p.add(ValidateDate("to", s.To, true))
	if s.From != "" && s.To != "" && s.From > s.To {
		p.add(invalid("to", "period.ends_before_start"))
	}
	p.add(ValidateDate("project_start", s.ProjectStart, false))
	p.add(CheckLen("advisor", s.Advisor, MaxShortLen))
	p.add(CheckLen("partner", s.Partner, MaxShortLen))
	p.add(CheckLen("note", s.Note, MaxNotesLen))
	if s.Snapshot == "" {
		p.add(invalid("snapshot", "required"))
	}
	p.add(CheckLen("snapshot", s.Snapshot, MaxSnapshotLen))
	return p.err()
}
