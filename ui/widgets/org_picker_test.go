package widgets

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"eu.ilsa.coach/ilsa/translations"
)

// fakeLookup answers at once from a fixed list, by name prefix.
type fakeLookup struct{ orgs []OrgMatch }

func (l *fakeLookup) Find(text string, exclude []string, limit int, now bool, show func([]OrgMatch)) {
	var out []OrgMatch
	for _, o := range l.orgs {
		if strings.HasPrefix(strings.ToLower(o.Name), strings.ToLower(text)) && !contains(exclude, o.ID) && len(out) < limit {
			out = append(out, o)
		}
	}
	show(out)
}

func (l *fakeLookup) Stop() {}

func (l *fakeLookup) Names(ids []string) map[string]string {
	out := map[string]string{}
	for _, o := range l.orgs {
		if contains(ids, o.ID) {
			out[o.ID] = o.Name
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Typing offers matches, the arrows and Enter take one as a chip, a chosen
// organisation is not offered again, and Backspace in the empty entry takes
// the last chip back.
func TestOrgPickerChoosesByKeyboard(t *testing.T) {
	a := test.NewTempApp(t)
	lookup := &fakeLookup{orgs: []OrgMatch{{ID: "1", Name: "Krokom Bygg", Label: "Krokom Bygg (Krokom)"},
		{ID: "2", Name: "Kronfågel", Label: "Kronfågel (Malmö)"}, {ID: "3", Name: "Lierne Lam", Label: "Lierne Lam"}}}
	w := a.NewWindow("")
	p := NewOrgPicker(lookup, translations.New("sv"), w.Canvas)
	changes := 0
	p.OnChanged = func() { changes++ }
	w.SetContent(p.View)
	w.Resize(fyne.NewSize(500, 300))

	test.Type(p.Entry, "Kr")
	if !p.Suggesting() {
		t.Fatal("no suggestions while typing")
	}
	p.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	p.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := p.Chips(); len(got) != 1 || got[0] != "Kronfågel" || p.Entry.Text != "" || p.Suggesting() || changes != 1 {
		t.Fatalf("after Down and Enter: chips %v, entry %q, suggesting %v, %d changes", got, p.Entry.Text, p.Suggesting(), changes)
	}
	test.Type(p.Entry, "Kr")
	p.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := p.Selected(); len(got) != 2 || got[1] != "1" {
		t.Fatalf("the chosen one was offered again: %v", got)
	}
	p.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	if got := p.Selected(); len(got) != 1 || got[0] != "2" || changes != 3 {
		t.Fatalf("after Backspace: %v, %d changes", got, changes)
	}
	p.SetSelected([]string{"3", "9"})
	if got := p.Chips(); len(got) != 2 || got[0] != "Lierne Lam" || got[1] == "" || got[1] == "ui.picker.unknown" || changes != 3 {
		t.Fatalf("SetSelected: chips %v, %d changes", got, changes)
	}
}
