package data

import (
	"context"
	"math"

	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/models"
)

// Progress is an organisation's way through one scale model: the levels of
// each finished assessment in date order, the targets set, and the step the
// advisor could suggest next. The client report and the Progress view both
// read it, so they always agree.
type Progress struct {
	Model  *models.Model // the version of the latest assessment (names, levels)
	Points []ProgressPoint
	// Targets per dimension: from the latest assessment that set one.
	Targets map[string]Target
	// Next is the suggested next step: the weakest dimension of the latest
	// assessment and the text of the level above it; nil when every
	// dimension is at the top (or nothing was answered).
	Next *NextStep
}

// ProgressPoint is where the organisation stood at one finished
// assessment: each dimension's latest rating up to then. A dimension the
// assessment left unrated keeps its rating from an earlier one, so a
// partial assessment moves the dimensions it rated and blanks none.
type ProgressPoint struct {
	AssessmentID string
	Date         string
	Levels       map[string]int // dimension → level; dimensions never rated absent
	// Carried are the dimensions whose level comes from an earlier
	// assessment than this one.
	Carried map[string]bool
}

// Target is the level aimed at for a dimension, and by when.
type Target struct {
	Level int
	Due   string
}

// NextStep is a suggestion: lift Dimension from Level to Level+1.
type NextStep struct {
	Dimension string
	Level     int
	NextLevel models.Level
}

// Latest, First and Previous return the points the radar compares (nil when
// there are not that many).
func (p *Progress) Latest() *ProgressPoint { return p.at(len(p.Points) - 1) }
func (p *Progress) First() *ProgressPoint  { return p.at(0) }
func (p *Progress) Previous() *ProgressPoint {
	if len(p.Points) < 2 {
		return nil
	}
	return p.at(len(p.Points) - 2)
}

func (p *Progress) at(i int) *ProgressPoint {
	if i < 0 || i >= len(p.Points) {
		return nil
	}
	return &p.Points[i]
}

// Values returns the point's levels in the model's dimension order, NaN
// where a dimension was not answered (the shape charts take).
func (pt *ProgressPoint) Values(m *models.Model) []float64 {
	out := make([]float64, len(m.Dimensions))
	for i, d := range m.Dimensions {
		if l, ok := pt.Levels[d.ID]; ok {
			out[i] = float64(l)
		} else {
			out[i] = math.NaN()
		}
	}
	return out
}

// Progress returns the organisation's progress in every scale model it has
// a finished assessment of, in the order the models were first used.
// Drafts do not count: a half-done assessment is not a measurement.
func (s *Store) Progress(ctx context.Context, orgID string, lib *models.Library) ([]Progress, error) {
	all, err := s.Assessments(ctx, orgID)
	if err != nil {
		return nil, err
	}
	return progressOf(all, lib), nil
}

func progressOf(all []domain.Assessment, lib *models.Library) []Progress {
	byModel := map[string]int{}
	var out []Progress
	for _, a := range all {
		if a.Status != domain.AssessmentDone {
			continue
		}
		m, ok := lib.Version(a.ModelID, a.ModelVersion)
		if !ok {
			m, ok = lib.Latest(a.ModelID)
		}
		if !ok || m.Kind != models.KindScale {
			continue
		}
		i, seen := byModel[a.ModelID]
		if !seen {
			i = len(out)
			byModel[a.ModelID] = i
			out = append(out, Progress{Targets: map[string]Target{}})
		}
		p := &out[i]
		p.Model = m // assessments come oldest first: the last one read wins
		pt := ProgressPoint{AssessmentID: a.ID, Date: a.Date, Levels: map[string]int{}, Carried: map[string]bool{}}
		if prev := p.Latest(); prev != nil {
			for dim, l := range prev.Levels {
				pt.Levels[dim], pt.Carried[dim] = l, true
			}
		}
		for _, ans := range a.Answers {
			if ans.Level != nil {
				pt.Levels[ans.Dimension] = *ans.Level
				delete(pt.Carried, ans.Dimension)
			}
			if ans.Target != nil {
				p.Targets[ans.Dimension] = Target{Level: *ans.Target, Due: ans.TargetDue}
			}
		}
		p.Points = append(p.Points, pt)
	}
	for i := range out {
		out[i].Next = nextStep(&out[i])
	}
	return out
}

// nextStep picks the weakest rated dimension as of the latest assessment
// (the first in model order on a tie) that still has a level above it.
func nextStep(p *Progress) *NextStep {
	latest := p.Latest()
	if latest == nil {
		return nil
	}
	var best *NextStep
	for i := range p.Model.Dimensions {
		d := &p.Model.Dimensions[i]
		l, ok := latest.Levels[d.ID]
		if !ok || l >= p.Model.Levels {
			continue
		}
		if best != nil && l >= best.Level {
			continue
		}
		next, ok := d.Level(l + 1)
		if !ok {
			continue
		}
		best = &NextStep{Dimension: d.ID, Level: l, NextLevel: next}
	}
	return best
}
