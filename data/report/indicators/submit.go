package indicators

import (
	"context"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/domain"
)

// Submit makes the whole project's report of the period (Comparable: no
// selection) and stores it as submitted by advisor of partner, with note.
// projectStart is where its "since project start" figures count from ("":
// the first visit). It returns the stored submission and the report whose
// figures it froze.
func Submit(ctx context.Context, st *data.Store, from, to, projectStart, advisor, partner, note string) (*domain.Submission, *Report, error) {
	r, err := Compute(ctx, st, Filter{From: from, To: to, ProjectStart: projectStart})
	if err != nil {
		return nil, nil, err
	}
	snap := TakeSnapshot(r)
	enc, err := EncodeSnapshot(snap)
	if err == nil && len(enc) > domain.MaxSnapshotLen {
		enc, err = EncodeSnapshot(snap.WithoutVisits())
	}
	if err != nil {
		return nil, nil, err
	}
	sub := &domain.Submission{From: from, To: to, Advisor: advisor, Partner: partner, Note: note, Snapshot: enc}
	if r.Cumulative != nil {
		sub.ProjectStart = r.Cumulative.From
	}
	if err := st.CreateSubmission(ctx, sub); err != nil {
		return nil, nil, err
	}
	return sub, r, nil
}

// SubmittedValues are the main figures of a submitted report by key
// (FigureKeys), read from its snapshot.
func SubmittedValues(ctx context.Context, st *data.Store, id string) (map[string]int, error) {
	enc, err := st.SubmissionSnapshot(ctx, id)
	if err != nil {
		return nil, err
	}
	snap, err := DecodeSnapshot(enc)
	if err != nil {
		return nil, err
	}
	out := make(map[string]int, len(snap.Figures))
	for k, f := range snap.Figures {
		out[k] = f.Value
	}
	return out, nil
}
