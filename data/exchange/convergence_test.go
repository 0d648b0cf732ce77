package exchange_test

// Convergence property test: devices that edit the same records offline and
// exchange files in any order end with the same data. Through the real sync
// path: devices write bundles into their own copy of a shared folder with
// exchange.Sync, a simulated folder-sync engine carries the files between those
// copies (in random order, late, twice, truncated first, with the junk such
// engines leave), and ExportFile/ImportFiles act as the USB stick.
//
// After every file has reached every device and every device has synced
// until nothing more happens (twice in a row), it asserts:
//
//  1. every Store.Dump is byte-identical, and every change log is identical;
//  2. Store.Check is clean (integrity, foreign keys, FTS, schema) and no live
//     record points at an organisation that does not exist;
//  3. the clock rule: every change is stamped after the value its author saw
//     (hlc > base), even when that value came from a clock years ahead;
//  4. every concurrent loser is listed in conflicts. Precisely, per field
//     (entity, id, field), with the changes of the union of all logs ordered
//     by (hlc, device, seq) and W the greatest (the final value): every
//     change x ≠ W such that
//     (a) x.value ≠ W.value                         (its value is gone),
//     (b) no change y after x has y.base ≥ x.hlc    (nobody who wrote after
//     x saw it — the applier's own test for "concurrent": a change loses
//     silently only to a value whose author had seen it), and
//     (c) no change y after x has y.value = x.value (its value was not
//     carried on by a later change, which is then the one reported)
//     appears as a loser (loser_device, loser_hlc, loser_value) in the union
//     of every device's Store.Conflicts(ctx, true). This mirrors
//     applier.applyLogged: a change that displaces the current winner
//     records it when its base is older than the winner's hlc and the values
//     differ; on x's author device x was the current value right after the
//     edit, so the change that displaces it there records it. (Conflicts
//     are recorded against intermediate winners too, so "loser of W" would
//     be too strong: this is the property the rule guarantees.)
//  5. and conversely every conflict recorded anywhere is sound: its loser
//     and its winner are changes of that field in the log with those values,
//     the loser orders before the winner, and the winner's author had not
//     seen the loser (winner.base < loser.hlc), and no conflict is between
//     two changes of one commit (the RehomeMerged bug this test found,
//     TestConvergeRehomeTwoMergedOrgsOfOneVisit);
//  6. a conflict settled on any device (the devices resolve conflicts at
//     random, in all three ways) is resolved on every device that recorded
//     it, and no other conflict is.
//
// The operations come from a seeded math/rand/v2 generator. A failure prints
// the seed and the operation log; replay one seed with
//
//	ILSA_CONVERGE_SEED=17 go test -tags "migrated_fynedo sqlite_fts5" -race -run 'TestConvergence$' ./data/exchange/
//
// (ILSA_CONVERGE_STEPS changes the number of steps, ILSA_CONVERGE_SEEDS the
// number of seeds). Device ids are UUIDv7, increasing in creation order, so
// ties between equal clocks break the same way on replay.

import (
	"cmp"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/changelog"
	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/exchange"
	"eu.ilsa.coach/ilsa/data/hlc"
	"eu.ilsa.coach/ilsa/data/models"
)

func cvEnvInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

// cvLosersChecked counts, over all seeds, the changes property 4 required
// in conflicts, so the test notices when it stops testing anything.
var cvLosersChecked int

// cvResolved counts the conflicts resolved over all seeds (property 6).
var cvResolved int

func TestConvergence(t *testing.T) {
	seeds, steps := 10, 100
	if testing.Short() {
		seeds, steps = 4, 60
	}
	seeds = cvEnvInt("ILSA_CONVERGE_SEEDS", seeds)
	steps = cvEnvInt("ILSA_CONVERGE_STEPS", steps)
	list := make([]uint64, 0, seeds)
	for i := range seeds {
		list = append(list, uint64(i+1))
	}
	if s := cvEnvInt("ILSA_CONVERGE_SEED", 0); s > 0 {
		list = []uint64{uint64(s)}
	}
	cvLosersChecked, cvResolved = 0, 0
	for _, seed := range list {
		t.Run(fmt.Sprintf("seed=%d", seed), func(t *testing.T) { runConvergence(t, seed, steps) })
	}
	if len(list) > 1 && !t.Failed() && cvLosersChecked == 0 {
		t.Fatal("no concurrent loser was ever produced: the property was not tested")
	}
	if len(list) > 1 && !t.Failed() && cvResolved == 0 {
		t.Fatal("no conflict was ever resolved: property 6 was not tested")
	}
}

func runConvergence(t *testing.T, seed uint64, steps int) {
	start := time.Now()
	n := 3 + int(seed%3) // 3, 4 or 5 devices
	w := newCVWorld(t, seed, n)
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("seed %d failed; replay with ILSA_CONVERGE_SEED=%d ILSA_CONVERGE_STEPS=%d. Operations:\n%s",
				seed, seed, steps, strings.Join(w.log, "\n"))
		}
	})
	w.baseline()
	for w.step = 1; w.step <= steps; w.step++ {
		w.randomOp()
	}
	w.step = steps + 1
	w.logf("---- settle: every file everywhere, sync until quiescent")
	w.settle()
	losers := w.checkConverged()
	cvLosersChecked += losers
	cvResolved += w.stats.resolved
	t.Logf("seed %d: %d devices, %d steps (%d skipped), %d syncs, %d bundles (%d imports, %d truncated copies, %d redelivered, %d junk), "+
		"%d hot edits, %d merges, %d rehomed, %d busy settle rounds, %d USB, %d changes stamped years ahead, %d losers checked, %d conflicts resolved, %d conflicts within one commit, %v",
		seed, n, steps, w.stats.skipped, w.stats.syncs, len(w.files), w.stats.imports, w.stats.truncated, w.stats.redelivered,
		w.stats.junk, w.stats.hot, w.stats.merges, w.stats.rehomed, w.stats.busyRounds, w.stats.usb, w.stats.future, losers, w.stats.resolved, w.stats.selfConflicts, time.Since(start).Round(time.Millisecond))
}

// baseline gives every device a few organisations, visits and assessments
// and lets everybody see everybody's, so concurrent edits of shared records
// start at once.
func (w *cvWorld) baseline() {
	w.t.Helper()
	for _, d := range w.devs {
		for range 2 {
			w.opCreateOrg(d)
		}
		w.opCreateVisit(d)
		w.opNewAssessment(d)
		w.opCreateAction(d)
		w.syncDevice(d, false)
	}
	w.deliverAll()
	for _, d := range w.devs {
		w.syncDevice(d, false)
	}
}

// settle delivers every file to every device and syncs every device, round
// after round, until two rounds in a row do nothing.
//
// Three rounds with something to do are enough: in the first every device
// writes what it has not written yet, merges included (and moves what it
// knows of records of merged organisations in the same sync); in the second
// every device has every merge and every record, and moves the records
// only it had just learnt of; the third brings those moves. A fourth busy
// round means a sync left for the next one what it could have written
// itself.
func (w *cvWorld) settle() {
	w.t.Helper()
	if w.ahead >= 0 && w.rng.IntN(2) == 0 {
		w.clockBack()
	}
	const maxBusy = 3
	quiet := 0
	for round := 1; quiet < 2; round++ {
		w.deliverAll()
		busy := false
		for _, d := range w.devs {
			if w.syncDevice(d, true) {
				busy = true
			}
		}
		if busy {
			quiet = 0
			w.stats.busyRounds = round
			if round > maxBusy {
				w.fatalf("settle round %d still changed something; %d rounds should do", round, maxBusy)
			}
		} else {
			quiet++
		}
	}
}

type cvKey struct{ entity, id, field string }

type cvLoser struct {
	key cvKey
	dev string
	hlc hlc.Timestamp
}

// after reports whether a orders after b in the total order (hlc, device, seq).
func after(a, b changelog.Change) bool {
	return cmp.Or(cmp.Compare(a.HLC, b.HLC), cmp.Compare(a.Device, b.Device), cmp.Compare(a.Seq, b.Seq)) > 0
}

// checkConverged asserts properties 1–5 and returns how many losers
// property 4 required.
func (w *cvWorld) checkConverged() int {
	w.t.Helper()
	d0 := w.devs[0]
	dump0 := datatest.Dump(w.t, d0.s)
	log0, err := d0.s.Changes(ctx, "", 0, 0)
	w.must(err, "changes")
	for _, d := range w.devs {
		if dump := datatest.Dump(w.t, d.s); dump != dump0 {
			w.fatalf("dump of %s differs from %s's:\n%s", d.name, d0.name, firstDiff(dump0, dump))
		}
		log, err := d.s.Changes(ctx, "", 0, 0)
		w.must(err, "changes")
		if len(log) != len(log0) {
			w.fatalf("%s has %d changes, %s %d", d.name, len(log), d0.name, len(log0))
		}
		for i := range log {
			if log[i] != log0[i] {
				w.fatalf("change %d: %s has %+v, %s %+v", i, d.name, log[i], d0.name, log0[i])
			}
		}
		rep, err := d.s.Check(ctx)
		w.must(err, "check")
		if !rep.OK() || rep.DanglingRefs != 0 {
			w.fatalf("%s: check: %+v", d.name, rep)
		}
	}

	byKey := map[cvKey][]changelog.Change{}
	for _, c := range log0 {
		if c.HLC <= c.Base {
			w.fatalf("clock rule: change %+v is not stamped after the value its author saw", c)
		}
		k := cvKey{c.Entity, c.ID, c.Field}
		byKey[k] = append(byKey[k], c)
	}
	for _, g := range byKey {
		slices.SortFunc(g, func(a, b changelog.Change) int {
			return cmp.Or(cmp.Compare(a.HLC, b.HLC), cmp.Compare(a.Device, b.Device), cmp.Compare(a.Seq, b.Seq))
		})
	}
	// One commit stamps all its changes alike, and may (RehomeMerged, see
	// TestConvergeRehomeTwoMergedOrgsOfOneVisit) hold two of one field: the
	// value tells them apart.
	find := func(k cvKey, dev string, h hlc.Timestamp, value string) (changelog.Change, bool) {
		for _, c := range byKey[k] {
			if c.Device == dev && c.HLC == h && c.Value == value {
				return c, true
			}
		}
		return changelog.Change{}, false
	}

	// The union of conflicts, each checked for soundness (property 5).
	recorded := map[cvLoser]string{}
	for _, d := range w.devs {
		cs, err := d.s.Conflicts(ctx, true)
		w.must(err, "conflicts")
		for _, c := range cs {
			k := cvKey{c.Entity, c.ID, c.Field}
			lose, ok1 := find(k, c.LoserDevice, c.LoserHLC, c.LoserValue)
			win, ok2 := find(k, c.WinnerDevice, c.WinnerHLC, c.WinnerValue)
			switch {
			case !ok1 || !ok2:
				w.fatalf("%s: conflict %+v names a change that is not in the log with that value", d.name, c)
			case !after(win, lose):
				w.fatalf("%s: conflict %+v: the winner does not order after the loser", d.name, c)
			case win.Base >= lose.HLC:
				w.fatalf("%s: conflict %+v: the winner's author had seen the loser (base %v ≥ %v)", d.name, c, win.Base, lose.HLC)
			case lose.Value == win.Value:
				w.fatalf("%s: conflict %+v between equal values", d.name, c)
			}
			if lose.Device == win.Device && lose.HLC == win.HLC {
				w.stats.selfConflicts++
				w.fatalf("%s: conflict %+v between two changes of one commit", d.name, c)
			}
			recorded[cvLoser{k, c.LoserDevice, c.LoserHLC}] = c.LoserValue
		}
	}

	// Property 6: the settlements in the log against every device's record.
	settled := map[cvLoser]bool{}
	for _, c := range log0 {
		if c.Entity != changelog.EntityConflict {
			continue
		}
		var k struct {
			Entity, ID, Field string
			LoserDevice       string `json:"loser_device"`
			LoserHLC          int64  `json:"loser_hlc"`
		}
		if err := json.Unmarshal([]byte(c.Value), &k); err != nil {
			w.fatalf("settlement %+v: %v", c, err)
		}
		settled[cvLoser{cvKey{k.Entity, k.ID, k.Field}, k.LoserDevice, hlc.Timestamp(k.LoserHLC)}] = true
	}
	for _, d := range w.devs {
		cs, err := d.s.Conflicts(ctx, true)
		w.must(err, "conflicts")
		for _, c := range cs {
			if want := settled[cvLoser{cvKey{c.Entity, c.ID, c.Field}, c.LoserDevice, c.LoserHLC}]; c.Resolved != want {
				w.fatalf("%s: conflict %+v: resolved %v, but settled in the log: %v", d.name, c, c.Resolved, want)
			}
		}
	}

	// Property 4.
	far := hlc.FromTime(datatest.Epoch.AddDate(1, 0, 0))
	for _, c := range log0 {
		if c.HLC > far {
			w.stats.future++
		}
	}
	checked := 0
	for k, g := range byKey {
		win := g[len(g)-1]
	next:
		for i, x := range g[:len(g)-1] {
			if x.Value == win.Value {
				continue
			}
			for _, y := range g[i+1:] {
				if y.Base >= x.HLC || y.Value == x.Value {
					continue next
				}
			}
			checked++
			if _, ok := recorded[cvLoser{k, x.Device, x.HLC}]; !ok {
				w.fatalf("concurrent loser not in any device's conflicts: %s %s (%s).%s = %s by %s at %v (seq %d, base %v); "+
					"final %s by %s at %v (base %v); all changes of the field:\n%s",
					k.entity, k.id, w.label[k.id], k.field, x.Value, w.devName(x.Device), x.HLC, x.Seq, x.Base,
					win.Value, w.devName(win.Device), win.HLC, win.Base, w.describe(g))
			}
		}
	}
	return checked
}

func (w *cvWorld) devName(id string) string {
	for _, d := range w.devs {
		if d.id == id {
			return d.name
		}
	}
	return id
}

func (w *cvWorld) describe(g []changelog.Change) string {
	var b strings.Builder
	for _, c := range g {
		fmt.Fprintf(&b, "  hlc %v (%s+%d) base %v %s seq %d: %s\n", c.HLC, c.HLC.Time().Format(time.DateTime), uint16(c.HLC),
			c.Base, w.devName(c.Device), c.Seq, c.Value)
	}
	return b.String()
}

func firstDiff(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(la), len(lb)) {
		if la[i] != lb[i] {
			return fmt.Sprintf("line %d:\n- %s\n+ %s", i+1, la[i], lb[i])
		}
	}
	return fmt.Sprintf("lengths %d and %d lines", len(la), len(lb))
}

// ---- the random operations -----------------------------------------------

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

// TestConvergeTwoDevicesSameFieldBothOrders: two devices edit the same field
// offline and sync through one folder, in both orders. Both end with the
// later edit, and the earlier one is listed as the loser.
func TestConvergeTwoDevicesSameFieldBothOrders(t *testing.T) {
	for _, aFirst := range []bool{true, false} {
		t.Run(fmt.Sprintf("a first=%v", aFirst), func(t *testing.T) {
			folder := t.TempDir()
			a, b := newDevice(t), newDevice(t)
			o := a.org("Åre Skidlift AB")
			a.sync(folder)
			b.sync(folder)
			a.clk.Set(datatest.Epoch.Add(time.Minute))
			b.clk.Set(datatest.Epoch.Add(time.Hour)) // b edits later: b wins
			a.setNotes(o.ID, "från a")
			b.setNotes(o.ID, "från b")
			first, second := a, b
			if !aFirst {
				first, second = b, a
			}
			first.sync(folder)
			second.sync(folder)
			first.sync(folder)
			mustEqual(t, "notes on a", a.notes(o.ID), "från b")
			mustEqual(t, "notes on b", b.notes(o.ID), "från b")
			if a.dump() != b.dump() {
				t.Fatal("dumps differ")
			}
			var lost changelog.Change
			cs, _ := a.s.Changes(ctx, a.s.DeviceID(), 0, 0)
			for _, c := range cs {
				if c.Field == "notes" && c.Value == `"från a"` {
					lost = c
				}
			}
			if lost.Seq == 0 {
				t.Fatal("a's edit is not in its log")
			}
			listed := 0
			for _, d := range []*device{a, b} {
				conf, err := d.s.Conflicts(ctx, true)
				if err != nil {
					t.Fatal(err)
				}
				for _, c := range conf {
					if c.ID == o.ID && c.Field == "notes" && c.LoserDevice == lost.Device && c.LoserHLC == lost.HLC {
						if c.LoserValue != `"från a"` || c.WinnerValue != `"från b"` || c.WinnerDevice != b.s.DeviceID() {
							t.Fatalf("conflict on %s: %+v", d.s.DeviceID(), c)
						}
						listed++
					}
				}
			}
			if listed == 0 {
				t.Fatal("a's lost edit is in no device's conflicts")
			}
		})
	}
}

// TestConvergeRehomeTwoMergedOrgsOfOneVisit: a visit made offline names two
// organisations that another device meanwhile merged into a third. One
// RehomeMerged should move the visit onto the kept organisation, as one
// edit, without recording a conflict between its own changes.
//
// Found by TestConvergence (seeds 18, 26, 31, 41, …): RehomeMerged used to
// move one merged organisation at a time, gathering all the edits into one
// commit, so the visit got two edits of its orgs field stamped alike; the
// second put back what the first moved, and the first was recorded as a
// conflict lost to it. Now each record gets one edit with every merged
// organisation resolved, and the list stays sorted.
func TestConvergeRehomeTwoMergedOrgsOfOneVisit(t *testing.T) {
	folder := t.TempDir()
	a, b := newDevice(t), newDevice(t)
	x, y, keep := a.org("Oviken Ost AB"), a.org("Oviksfjällen Ost AB"), a.org("Ovikens Ysteri AB")
	a.sync(folder)
	b.sync(folder)
	v := datatest.Visit(t, a.s, "2026-11-20", "provsmakning", x.ID, y.ID) // offline on a
	for _, dup := range []string{x.ID, y.ID} {
		if _, err := b.s.MergeOrganisations(ctx, keep.ID, dup); err != nil {
			t.Fatal(err)
		}
	}
	b.sync(folder)
	a.sync(folder)
	if _, err := a.s.RehomeMerged(ctx); err != nil {
		t.Fatal(err)
	}
	got, err := a.s.Visit(ctx, v.ID)
	if err != nil {
		t.Fatal(err)
	}
	cs, _ := a.s.Conflicts(ctx, true)
	for _, c := range cs {
		if c.ID == v.ID {
			t.Errorf("conflict between the rehome's own edits: %s loses to %s (both %s at %v)", c.LoserValue, c.WinnerValue, c.WinnerDevice, c.WinnerHLC)
		}
	}
	if len(got.OrgIDs) != 1 || got.OrgIDs[0] != keep.ID {
		t.Errorf("after one rehome the visit names %v, want only %s", got.OrgIDs, keep.ID)
	}
}
