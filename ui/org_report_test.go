package ui

import (
	"context"
	"testing"

	"eu.ilsa.coach/ilsa/data/datatest"
)

func TestExportReportAsksForLanguageAndFile(t *testing.T) {
	u, st := newTestUI(t, "sv")
	var asked []string
	u.opt.ClientReport = func(ctx context.Context, orgID, lang, path string) (int, error) {
		asked = append(asked, orgID, lang, path)
		return 3, nil
	}
	u.build(tabOrganisations) // the button shows only when reports can be written
	o := datatest.Org(t, st, "Ope Mekaniska AB", "")
	u.selectOrg(o.ID)
	u.WaitIdle()
	d := u.orgs.detail
	if !d.report.Visible() || d.report.Disabled() {
		t.Fatal("no Export report button for a saved organisation")
	}
	tapButton(t, u, d.view, "Exportera rapport…")
	ask := topOverlay(t, u)
	for _, want := range []string{"En PDF för kunden", "Språk", "Svenska", "Välj fil…"} {
		if !shows(ask, want) {
			t.Errorf("the export dialog lacks %q: %v", want, visibleTexts(ask))
		}
	}
	if got := reportFileName(`Ope/Mekaniska: "AB"`, "2026-11-27"); got != "Ope-Mekaniska- -AB- 2026-11-27.pdf" {
		t.Errorf("file name %q", got)
	}
}

func TestNoExportReportWithoutAWriter(t *testing.T) {
	u, st := newTestUI(t, "en")
	o := datatest.Org(t, st, "Ope Mekaniska AB", "")
	u.selectOrg(o.ID)
	u.WaitIdle()
	if u.orgs.detail.report.Visible() {
		t.Error("Export report shows although no report can be written")
	}
}
