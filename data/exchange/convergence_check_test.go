package exchange_test

// What the convergence test checks once every device has synced: the same
// data everywhere, every lost value kept for review, nothing invented.

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"eu.ilsa.coach/ilsa/data/changelog"
	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/hlc"
)

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
