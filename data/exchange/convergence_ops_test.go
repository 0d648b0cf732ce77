package exchange_test

// The random operations of the convergence test: what a user (or a clock,
// or a USB stick) can do on one device between two syncs.

import (
	"fmt"
	"slices"
	"strings"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/domain"
)

type cvOp struct {
	weight int
	name   string
	run    func(d *cvDevice) bool // false: nothing to do on this device
}

func (w *cvWorld) ops() []cvOp {
	return []cvOp{
		{6, "create org", w.opCreateOrg},
		{12, "edit org", w.opEditOrg},
		{14, "hot org field", w.opHotOrg},
		{3, "delete org", w.opDeleteOrg},
		{3, "restore org", w.opRestoreOrg},
		{7, "create visit", w.opCreateVisit},
		{4, "edit visit", w.opEditVisit},
		{3, "hot visit", w.opHotVisit},
		{2, "delete/restore visit", w.opDeleteVisit},
		{4, "create action", w.opCreateAction},
		{4, "complete action", w.opDoneAction},
		{3, "hot action", w.opHotAction},
		{3, "contact", w.opContact},
		{4, "new assessment", w.opNewAssessment},
		{4, "edit assessment", w.opEditAssessment},
		{4, "hot answer", w.opHotAnswer},
		{2, "merge", w.opMerge},
		{3, "resolve conflict", w.opResolve},
		{14, "sync", func(d *cvDevice) bool { w.syncDevice(d, false); return true }},
		{14, "engine", func(*cvDevice) bool { w.engineStep(); return true }},
		{2, "junk", func(*cvDevice) bool { w.plantJunk(); return true }},
		{2, "usb", w.opUSB},
		{2, "clock", w.opClock},
	}
}

func (w *cvWorld) randomOp() {
	w.t.Helper()
	ops := w.ops()
	total := 0
	for _, o := range ops {
		total += o.weight
	}
	r := w.rng.IntN(total)
	for _, o := range ops {
		if r -= o.weight; r < 0 {
			d := w.dev()
			w.tick(d)
			w.stats.ops++
			if !o.run(d) {
				w.stats.skipped++
				w.logf("%s %s: nothing to do", d.name, o.name)
			}
			return
		}
	}
}

func (w *cvWorld) opCreateOrg(d *cvDevice) bool {
	o := domain.Organisation{Name: w.text(d, "Org"), Country: domain.CountrySE}
	if w.rng.IntN(2) == 0 {
		w.setOrgField(d, &o, "municipality")
	}
	if w.rng.IntN(2) == 0 {
		w.setOrgField(d, &o, "employees")
	}
	if w.rng.IntN(3) == 0 {
		w.setOrgField(d, &o, "notes")
	}
	w.must(d.s.CreateOrganisation(ctx, &o), "create organisation")
	w.logf("%s create %s %q", d.name, w.remember(&w.orgs, "org", o.ID), o.Name)
	return true
}

func (w *cvWorld) editOrg(d *cvDevice, id string, fields []string) {
	w.t.Helper()
	o, err := w.readOrg(d)(id)
	w.must(err, "read organisation")
	var desc []string
	for _, f := range fields {
		desc = append(desc, f+"="+w.setOrgField(d, &o, f))
	}
	w.must(d.s.UpdateOrganisation(ctx, &o), "update organisation")
	w.logf("%s edit %s: %s", d.name, w.label[id], strings.Join(desc, "; "))
}

func (w *cvWorld) opEditOrg(d *cvDevice) bool {
	id, ok := w.pickOrg(d)
	if !ok {
		return false
	}
	fields := slices.Clone(cvOrgFields)
	w.rng.Shuffle(len(fields), func(i, j int) { fields[i], fields[j] = fields[j], fields[i] })
	w.editOrg(d, id, fields[:1+w.rng.IntN(3)])
	return true
}

// holders lists the devices (at least two, a random subset) on which ok
// holds, with their clocks sometimes set to one instant.
func (w *cvWorld) holders(ok func(d *cvDevice) bool) []*cvDevice {
	var out []*cvDevice
	for _, i := range w.rng.Perm(len(w.devs)) {
		if ok(w.devs[i]) {
			out = append(out, w.devs[i])
		}
	}
	if len(out) < 2 {
		return nil
	}
	out = out[:2+w.rng.IntN(len(out)-1)]
	if w.rng.IntN(3) == 0 {
		w.sameInstant(out)
	} else {
		for _, d := range out {
			w.tick(d)
		}
	}
	w.stats.hot++
	return out
}

// opHotOrg edits the same field of one organisation on several devices
// before any of them syncs: concurrent edits.
func (w *cvWorld) opHotOrg(*cvDevice) bool {
	if len(w.orgs) == 0 {
		return false
	}
	id := w.orgs[w.rng.IntN(len(w.orgs))]
	ds := w.holders(func(d *cvDevice) bool { _, err := w.readOrg(d)(id); return err == nil })
	if ds == nil {
		return false
	}
	field := cvOrgFields[w.rng.IntN(len(cvOrgFields))]
	for _, d := range ds {
		w.editOrg(d, id, []string{field})
	}
	return true
}

func (w *cvWorld) opDeleteOrg(d *cvDevice) bool {
	id, ok := w.pickOrg(d)
	if !ok {
		return false
	}
	w.must(d.s.DeleteOrganisation(ctx, id), "delete organisation")
	w.logf("%s delete %s", d.name, w.label[id])
	return true
}

func (w *cvWorld) opRestoreOrg(d *cvDevice) bool {
	for _, i := range w.rng.Perm(len(w.orgs)) {
		id := w.orgs[i]
		if w.merged[id] {
			continue
		}
		if _, err := d.s.Organisation(ctx, id); err == nil {
			continue // live
		}
		err := d.s.RestoreOrganisation(ctx, id)
		if isNotFound(err) {
			continue // not on this device yet
		}
		w.must(err, "restore organisation")
		w.logf("%s restore %s", d.name, w.label[id])
		return true
	}
	return false
}

func (w *cvWorld) someOrgs(d *cvDevice, max int) []string {
	live := w.liveOrgs(d)
	w.rng.Shuffle(len(live), func(i, j int) { live[i], live[j] = live[j], live[i] })
	return live[:min(len(live), 1+w.rng.IntN(max))]
}

func (w *cvWorld) opCreateVisit(d *cvDevice) bool {
	orgs := w.someOrgs(d, 3)
	if len(orgs) == 0 {
		return false
	}
	nv := data.NewVisit{Visit: domain.Visit{Date: w.date(), OrgIDs: orgs, Notes: w.text(d, "besök"),
		Minutes: 15 * (1 + w.rng.IntN(8)), Type: domain.VisitTypes[w.rng.IntN(len(domain.VisitTypes))]}}
	for range w.rng.IntN(3) {
		nv.NextSteps = append(nv.NextSteps, domain.Action{Text: w.text(d, "nästa steg"), Due: w.date()})
	}
	w.must(d.s.CreateVisitWithActions(ctx, &nv), "create visit")
	var labels []string
	for _, id := range orgs {
		labels = append(labels, w.label[id])
	}
	l := w.remember(&w.visits, "visit", nv.ID)
	for _, a := range nv.NextSteps {
		l += " " + w.remember(&w.actions, "action", a.ID)
	}
	w.logf("%s create %s for %s", d.name, l, strings.Join(labels, ","))
	return true
}

func (w *cvWorld) editVisit(d *cvDevice, v domain.Visit, what int) {
	w.t.Helper()
	var desc string
	switch what {
	case 0:
		v.Notes = w.text(d, "besök")
		desc = "notes=" + v.Notes
	case 1:
		v.Minutes = 15 * (1 + w.rng.IntN(8))
		desc = fmt.Sprint("minutes=", v.Minutes)
	case 2:
		v.Date = w.date()
		desc = "date=" + v.Date
	default:
		if len(v.OrgIDs) > 1 && w.rng.IntN(2) == 0 {
			v.OrgIDs = v.OrgIDs[1:]
		} else if id, ok := w.pickOrg(d); ok && !slices.Contains(v.OrgIDs, id) {
			v.OrgIDs = append(v.OrgIDs, id)
		}
		var labels []string
		for _, id := range v.OrgIDs {
			labels = append(labels, w.label[id])
		}
		desc = "orgs=" + strings.Join(labels, ",")
	}
	w.must(d.s.UpdateVisit(ctx, &v), "update visit")
	w.logf("%s edit %s: %s", d.name, w.label[v.ID], desc)
}

func (w *cvWorld) opEditVisit(d *cvDevice) bool {
	v, ok := pickLive(w, w.visits, w.readVisit(d))
	if !ok {
		return false
	}
	w.editVisit(d, v, w.rng.IntN(4))
	return true
}

func (w *cvWorld) opHotVisit(*cvDevice) bool {
	if len(w.visits) == 0 {
		return false
	}
	id := w.visits[w.rng.IntN(len(w.visits))]
	ds := w.holders(func(d *cvDevice) bool { _, err := w.readVisit(d)(id); return err == nil })
	if ds == nil {
		return false
	}
	what := w.rng.IntN(4)
	for _, d := range ds {
		v, err := w.readVisit(d)(id)
		w.must(err, "read visit")
		w.editVisit(d, v, what)
	}
	return true
}

func (w *cvWorld) opDeleteVisit(d *cvDevice) bool {
	if len(w.visits) == 0 {
		return false
	}
	id := w.visits[w.rng.IntN(len(w.visits))]
	if _, err := d.s.Visit(ctx, id); err == nil {
		w.must(d.s.DeleteVisit(ctx, id), "delete visit")
		w.logf("%s delete %s", d.name, w.label[id])
		return true
	}
	err := d.s.RestoreVisit(ctx, id)
	if isNotFound(err) {
		return false
	}
	w.must(err, "restore visit")
	w.logf("%s restore %s", d.name, w.label[id])
	return true
}
