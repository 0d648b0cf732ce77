package exchange_test

// The convergence test's operations on actions, contacts and assessments,
// and those that change how devices meet: merges, settled conflicts, a USB
// stick, a clock set wrong.

import (
	"fmt"
	"path/filepath"
	"strings"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/exchange"
	"eu.ilsa.coach/ilsa/data/models"
)

func (w *cvWorld) opCreateAction(d *cvDevice) bool {
	id, ok := w.pickOrg(d)
	if !ok {
		return false
	}
	a := domain.Action{OrgID: id, Text: w.text(d, "åtgärd"), Owner: d.name}
	if w.rng.IntN(2) == 0 {
		a.Due = w.date()
	}
	w.must(d.s.CreateAction(ctx, &a), "create action")
	w.logf("%s create %s for %s", d.name, w.remember(&w.actions, "action", a.ID), w.label[id])
	return true
}

func (w *cvWorld) doneAction(d *cvDevice, id string) {
	w.t.Helper()
	date := w.date()
	if w.rng.IntN(4) == 0 {
		date = "" // open again
	}
	w.must(d.s.SetActionDone(ctx, id, date), "set action done")
	w.logf("%s %s done=%q", d.name, w.label[id], date)
}

func (w *cvWorld) opDoneAction(d *cvDevice) bool {
	a, ok := pickLive(w, w.actions, w.readAction(d))
	if !ok {
		return false
	}
	w.doneAction(d, a.ID)
	return true
}

func (w *cvWorld) opHotAction(*cvDevice) bool {
	if len(w.actions) == 0 {
		return false
	}
	id := w.actions[w.rng.IntN(len(w.actions))]
	ds := w.holders(func(d *cvDevice) bool { _, err := w.readAction(d)(id); return err == nil })
	for _, d := range ds {
		w.doneAction(d, id)
	}
	return ds != nil
}

func (w *cvWorld) opContact(d *cvDevice) bool {
	if c, ok := pickLive(w, w.contacts, w.readContact(d)); ok && w.rng.IntN(2) == 0 {
		c.Role = w.text(d, "roll")
		if w.rng.IntN(2) == 0 {
			c.Name = w.text(d, "Person")
		}
		w.must(d.s.UpdateContact(ctx, &c), "update contact")
		w.logf("%s edit %s: role=%s name=%s", d.name, w.label[c.ID], c.Role, c.Name)
		return true
	}
	id, ok := w.pickOrg(d)
	if !ok {
		return false
	}
	c := domain.Contact{OrgID: id, Name: w.text(d, "Person"), Role: "VD"}
	w.must(d.s.CreateContact(ctx, &c), "create contact")
	w.logf("%s create %s at %s", d.name, w.remember(&w.contacts, "contact", c.ID), w.label[id])
	return true
}

func (w *cvWorld) opNewAssessment(d *cvDevice) bool {
	id, ok := w.pickOrg(d)
	if !ok {
		return false
	}
	m := []*models.Model{w.scale, w.canvas, w.checklist}[w.rng.IntN(3)]
	a := domain.Assessment{OrgID: id, ModelID: m.ID, ModelVersion: m.Version, Date: w.date()}
	var desc []string
	for _, dim := range m.Dimensions {
		if w.rng.IntN(2) == 0 {
			desc = append(desc, w.setAnswer(d, &a, m, dim.ID))
		}
	}
	w.must(d.s.SaveAssessment(ctx, &a, m), "create assessment")
	w.model[a.ID] = m
	w.logf("%s create %s (%s) for %s: %s", d.name, w.remember(&w.assessments, "assessment", a.ID), m.ID, w.label[id],
		strings.Join(desc, "; "))
	return true
}

// editableAssessment reads an assessment live on d whose organisation is
// live on d too (saving needs both).
func (w *cvWorld) editableAssessment(d *cvDevice, id string) (domain.Assessment, bool) {
	a, err := d.s.Assessment(ctx, id)
	if isNotFound(err) {
		return a, false
	}
	w.must(err, "read assessment")
	if m := w.model[id]; a.ModelID != m.ID || a.ModelVersion != m.Version || a.Date == "" {
		return a, false // only partly here yet
	}
	if _, err := w.readOrg(d)(a.OrgID); err != nil {
		return a, false
	}
	return a, true
}

func (w *cvWorld) editAssessment(d *cvDevice, a domain.Assessment, dim string) {
	w.t.Helper()
	m := w.model[a.ID]
	desc := w.setAnswer(d, &a, m, dim)
	switch w.rng.IntN(5) {
	case 0:
		a.Comment = w.text(d, "bedömning")
		desc += "; comment=" + a.Comment
	case 1:
		a.Status = []domain.AssessmentStatus{domain.AssessmentDraft, domain.AssessmentDone}[w.rng.IntN(2)]
		desc += "; status=" + string(a.Status)
	}
	w.must(d.s.SaveAssessment(ctx, &a, m), "save assessment")
	w.logf("%s edit %s: %s", d.name, w.label[a.ID], desc)
}

func (w *cvWorld) opEditAssessment(d *cvDevice) bool {
	for _, i := range w.rng.Perm(len(w.assessments)) {
		if a, ok := w.editableAssessment(d, w.assessments[i]); ok {
			m := w.model[a.ID]
			w.editAssessment(d, a, m.Dimensions[w.rng.IntN(len(m.Dimensions))].ID)
			return true
		}
	}
	return false
}

// opHotAnswer edits the same answer (its id is the assessment's and the
// dimension's, so it is one record everywhere) on several devices.
func (w *cvWorld) opHotAnswer(*cvDevice) bool {
	if len(w.assessments) == 0 {
		return false
	}
	id := w.assessments[w.rng.IntN(len(w.assessments))]
	ds := w.holders(func(d *cvDevice) bool { _, ok := w.editableAssessment(d, id); return ok })
	if ds == nil {
		return false
	}
	m := w.model[id]
	dim := m.Dimensions[w.rng.IntN(len(m.Dimensions))].ID
	for _, d := range ds {
		a, _ := w.editableAssessment(d, id)
		w.editAssessment(d, a, dim)
	}
	return true
}

func (w *cvWorld) opMerge(d *cvDevice) bool {
	live := w.liveOrgs(d)
	if len(live) < 2 {
		return false
	}
	i := w.rng.IntN(len(live))
	j := (i + 1 + w.rng.IntN(len(live)-1)) % len(live)
	keep, dup := live[i], live[j]
	res, err := d.s.MergeOrganisations(ctx, keep, dup)
	w.must(err, "merge")
	w.merged[dup] = true
	w.stats.merges++
	w.logf("%s merge %s into %s: %+v", d.name, w.label[dup], w.label[keep], res)
	return true
}

// opResolve settles one of the device's open conflicts, in one of the
// three ways the conflicts review offers.
func (w *cvWorld) opResolve(d *cvDevice) bool {
	open, err := d.s.Conflicts(ctx, false)
	w.must(err, "conflicts")
	if len(open) == 0 {
		return false
	}
	c := open[w.rng.IntN(len(open))]
	choice := data.ConflictChoice(w.rng.IntN(3))
	if choice == data.UseMerged && !data.IsFreeText(c.Entity, c.Field) {
		choice = data.KeepWinner
	}
	w.must(d.s.ResolveConflict(ctx, c.N, choice, w.text(d, "merged")), "resolve conflict")
	w.stats.resolved++
	w.logf("%s resolve conflict %d (%s.%s, loser %s at %v) choice %d", d.name, c.N, w.label[c.ID], c.Field, w.devName(c.LoserDevice), c.LoserHLC, choice)
	return true
}

// opUSB carries everything one device knows to another as an export file.
func (w *cvWorld) opUSB(d *cvDevice) bool {
	to := w.dev()
	if to == d {
		return false
	}
	w.n++
	path := filepath.Join(w.t.TempDir(), fmt.Sprintf("export-%d.bundle", w.n))
	_, err := exchange.ExportFile(ctx, d.s, path, exchange.Options{App: "convergence"})
	w.must(err, "export")
	res, err := exchange.ImportFiles(ctx, to.s, []string{path, path}, exchange.Options{App: "convergence"})
	w.must(err, "import")
	if len(res.Files) != 0 || res.Clones != 0 || len(res.Imported) != 1 {
		w.fatalf("%s: import of %s's export: %+v", to.name, d.name, res)
	}
	n := res.Rehomed
	w.stats.usb++
	w.logf("usb: %s → %s: applied %d, duplicates %d, conflicts %d, rehomed %d", d.name, to.name, res.Applied, res.Duplicates, res.Conflicts, n)
	return true
}

// opClock sends one device's clock years ahead, or brings it back (its
// hybrid clock then stays ahead: everything it writes still is).
func (w *cvWorld) opClock(d *cvDevice) bool {
	if w.ahead >= 0 {
		w.clockBack()
		return true
	}
	w.ahead = w.devIndex(d)
	d.clk.Set(d.clk.Now().AddDate(3, 0, 0))
	w.logf("%s clock jumps 3 years ahead", d.name)
	return true
}

func (w *cvWorld) clockBack() {
	d := w.devs[w.ahead]
	other := w.devs[(w.ahead+1)%len(w.devs)]
	d.clk.Set(other.clk.Now())
	w.logf("%s clock set back to %s's", d.name, other.name)
	w.ahead = -1
}
