package client

import (
	"context"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/models"
)

// content is everything the report shows, read before the first line is
// drawn: a read error (or an unknown organisation) then leaves the writer
// untouched.
type content struct {
	org      domain.Organisation
	contacts []domain.Contact
	visits   []domain.Visit // newest first, as the store lists them
	models   []modelPart    // in the order the models were first used
	actions  []data.ActionRow
	lib      *models.Library
}

// modelPart is one model the organisation was assessed with: the progress
// of a scale model, or the latest finished assessment of a canvas or
// checklist.
type modelPart struct {
	model    *models.Model
	progress *data.Progress     // scale models
	latest   *domain.Assessment // canvas and checklist models
	count    int                // finished assessments of the model
}

func gather(ctx context.Context, st *data.Store, lib *models.Library, orgID string) (*content, error) {
	c := &content{lib: lib}
	var err error
	if c.org, err = st.Organisation(ctx, orgID); err != nil {
		return nil, err
	}
	if c.contacts, err = st.Contacts(ctx, orgID); err != nil {
		return nil, err
	}
	if c.visits, err = st.Visits(ctx, data.VisitQuery{OrgID: orgID}); err != nil {
		return nil, err
	}
	if c.actions, err = st.Actions(ctx, data.ActionQuery{OrgID: orgID, Status: data.ActionsOpen}); err != nil {
		return nil, err
	}
	all, err := st.Assessments(ctx, orgID)
	if err != nil {
		return nil, err
	}
	progress, err := st.Progress(ctx, orgID, lib)
	if err != nil {
		return nil, err
	}
	c.models = modelParts(all, progress, lib)
	return c, nil
}

// modelParts orders the models by first finished assessment. Drafts are left
// out, as in the Progress view: a half-done assessment is not a result to
// hand a client.
func modelParts(all []domain.Assessment, progress []data.Progress, lib *models.Library) []modelPart {
	index := map[string]int{}
	var out []modelPart
	for i := range all {
		a := &all[i]
		if a.Status != domain.AssessmentDone {
			continue
		}
		m, ok := lib.Version(a.ModelID, a.ModelVersion)
		if !ok {
			if m, ok = lib.Latest(a.ModelID); !ok {
				continue // a model this device does not have: nothing to name the answers by
			}
		}
		j, seen := index[a.ModelID]
		if !seen {
			j = len(out)
			index[a.ModelID] = j
			out = append(out, modelPart{model: m})
		}
		out[j].count++
		if m.Kind != models.KindScale {
			out[j].model, out[j].latest = m, a // oldest first: the last one wins
		}
	}
	for i := range progress {
		pr := &progress[i]
		if j, ok := index[pr.Model.ID]; ok {
			out[j].model, out[j].progress = pr.Model, pr
		}
	}
	// A scale model whose answers were all empty has no progress to show.
	kept := out[:0]
	for _, mp := range out {
		if mp.progress != nil || mp.latest != nil {
			kept = append(kept, mp)
		}
	}
	return kept
}
