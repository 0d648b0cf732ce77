package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/data/report/indicators"
	"eu.ilsa.coach/ilsa/data/report/project"
)

// draftingReports is testReports that also writes project drafts.
type draftingReports struct{ testReports }

func (draftingReports) ProjectDraft(context.Context, indicators.Filter, string, project.Format, string) error {
	return nil
}

// selectIn picks option in the select under root that offers it.
func selectIn(t *testing.T, root fyne.CanvasObject, option string) {
	t.Helper()
	var found *widget.Select
	walk(root, func(o fyne.CanvasObject) {
		if s, ok := o.(*widget.Select); ok {
			for _, opt := range s.Options {
				if opt == option {
					found = s
				}
			}
		}
	})
	if found == nil {
		t.Fatalf("no select offers %q", option)
	}
	found.SetSelected(option)
}

// The Reports screen's "Project report draft…" asks for the language and
// the format (DOCX by default), then where to save, suggesting a name with
// the period and the format's extension.
func TestProjectDraftAsksLanguageFormatAndFile(t *testing.T) {
	u, st := newTestUI(t, "sv")
	u.opt.Reports = draftingReports{testReports{st}}
	u.build(tabReports) // the button shows only when drafts can be written
	u.win.Resize(fyne.NewSize(1280, 800))
	u.Show(tabReports)
	u.WaitIdle()
	tapButton(t, u, u.reports.view, "Utkast till projektrapport…")
	ask := topOverlay(t, u)
	for _, want := range []string{"Utkast till projektrapport", "2026-07-01 – 2026-12-31", "Språk", "Svenska", "Format",
		"Word-dokument, DOCX (att redigera)", "Välj fil…"} {
		if !shows(ask, want) {
			t.Errorf("the draft dialog lacks %q: %q", want, visibleTexts(ask))
		}
	}
	selectIn(t, ask, "Norsk bokmål")
	selectIn(t, ask, "Markdown (ren text att redigera)")
	tapButton(t, u, ask, "Välj fil…")
	save := topOverlay(t, u)
	name := ""
	walk(save, func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok && strings.HasPrefix(e.Text, "Utkast") {
			name = e.Text
		}
	})
	if name != "Utkast projektrapport 2026-07-01 till 2026-12-31.md" {
		t.Errorf("the save dialog suggests %q", name)
	}
	test.Tap(buttonWithText(t, save, "Avbryt"))
}

// Without a writer of drafts the button is not there.
func TestNoProjectDraftButtonWithoutAWriter(t *testing.T) {
	u, st := newTestUI(t, "en")
	u.opt.Reports = testReports{st}
	u.build(tabReports)
	u.WaitIdle()
	if shows(u.reports.view, "Project report draft…") {
		t.Error("the button shows although no draft can be written")
	}
}
