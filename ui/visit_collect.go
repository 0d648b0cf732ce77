package ui

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/domain"
)

// collect reads the form into a visit. Dates and numbers are parsed here,
// where the reader's date form is known; rows is the form row of each next
// step (empty rows are skipped). On a problem it reports every problem of
// the form at once, not one per press of Save.
func (f *visitForm) collect() (nv data.NewVisit, rows []int, err error) {
	d := f.snapshot()
	var local []*domain.ValidationError
	v := f.orig
	v.OrgIDs = d.Orgs
	v.Date = ""
	if iso, ok := f.u.isoDate(d.Date); ok {
		v.Date = iso
	} else {
		local = append(local, dateProblem("date", d.Date))
	}
	v.Type, v.Phase = domain.VisitType(d.Type), domain.Phase(d.Phase)
	v.Place, v.Notes, v.CrossBorder = d.Place, d.Notes, d.CrossBorder
	v.Sizes = f.sizesToStore(d.Sizes)
	v.Partner, v.Side = d.Partner, domain.Country(d.Side)
	for _, c := range []struct {
		field, text string
		dst         *int
		max         int
	}{{"minutes", d.Minutes, &v.Minutes, 24 * 60}, {"women", d.Women, &v.Women, 100_000},
		{"men", d.Men, &v.Men, 100_000}, {"other", d.Other, &v.Other, 100_000}} {
		n, err := parseCount(c.text)
		if err != nil {
			local = append(local, &domain.ValidationError{Field: c.field, Code: "number.range", Params: map[string]any{"min": 0, "max": c.max}})
		}
		*c.dst = n
	}
	nv.Visit = v
	for i, s := range d.Steps {
		text := strings.TrimSpace(s.Text)
		if text == "" && strings.TrimSpace(s.Due) == "" {
			continue
		}
		a := domain.Action{Text: text}
		if iso, ok := f.u.isoDate(s.Due); ok {
			a.Due = iso
		} else {
			local = append(local, dateProblem(fmt.Sprintf("next_steps.%d.due", i), s.Due))
		}
		nv.NextSteps = append(nv.NextSteps, a)
		rows = append(rows, i)
	}
	if len(local) == 0 {
		return nv, rows, nil
	}
	return nv, rows, withStoreProblems(nv, rows, local)
}

// withStoreProblems adds the store's own checks to the problems found while
// parsing (skipping fields that already have one).
func withStoreProblems(nv data.NewVisit, rows []int, local []*domain.ValidationError) error {
	seen := map[string]bool{}
	var errs []error
	for _, p := range local {
		seen[p.Field] = true
		errs = append(errs, p)
	}
	v := nv.Visit
	for _, p := range domain.ValidationErrors(v.Normalise()) {
		if !seen[p.Field] {
			errs = append(errs, p)
		}
	}
	for k, a := range nv.NextSteps {
		a.OrgID = "-" // the store takes it from the visit
		for _, p := range domain.ValidationErrors(a.Normalise()) {
			c := *p
			c.Field = fmt.Sprintf("next_steps.%d.%s", rows[k], p.Field)
			if !seen[c.Field] {
				errs = append(errs, &c)
			}
		}
	}
	return errors.Join(errs...)
}

// store writes the visit and its new next steps in one transaction (off
// the UI goroutine: it reads no widget).
func (f *visitForm) store(nv data.NewVisit, rows []int) error {
	ctx := f.u.ctx()
	if nv.ID == "" {
		return stepsToRows(f.u.storeForVisits().CreateVisitWithActions(ctx, &nv), rows)
	}
	return stepsToRows(f.u.storeForVisits().UpdateVisitWithActions(ctx, &nv), rows)
}

// stepsToRows renames "next_steps.K.field" problems from the K-th stored
// next step to the form row it came from (empty rows are not stored).
func stepsToRows(err error, rows []int) error {
	vs := domain.ValidationErrors(err)
	if len(vs) == 0 {
		return err
	}
	out := make([]error, len(vs))
	for i, v := range vs {
		c := *v
		if rest, ok := strings.CutPrefix(c.Field, "next_steps."); ok {
			if k, field, ok := strings.Cut(rest, "."); ok {
				if n, err := strconv.Atoi(k); err == nil && n < len(rows) {
					c.Field = fmt.Sprintf("next_steps.%d.%s", rows[n], field)
				}
			}
		}
		out[i] = &c
	}
	return errors.Join(out...)
}
