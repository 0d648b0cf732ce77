package ui

import (
	"strings"

	"eu.ilsa.coach/ilsa/data/exchange"
)

// showErasures says on how many of the team's devices each erasure is
// complete: its values gone from that device's database, backups and own
// files in the shared folder (data/exchange ErasureStates). Hidden when
// nothing was erased.
func (s *syncScreen) showErasures(list []exchange.ErasureState) {
	tr := s.u.tr
	if len(list) == 0 {
		s.erasures.Hide()
		return
	}
	var lines []string
	for _, e := range list {
		what := tr.T("ui.sync.erasure.contact")
		if e.Entity == "organisation" {
			what = tr.T("ui.sync.erasure.org")
		}
		key := "ui.sync.erasure.waiting"
		if e.Done >= e.Devices {
			key = "ui.sync.erasure.complete"
		}
		lines = append(lines, "• "+tr.T(key, "What", what, "Date", tr.Date(e.At.Local()), "Done", e.Done, "Devices", e.Devices))
	}
	s.erasures.SetText(tr.T("ui.sync.erasures") + "\n" + strings.Join(lines, "\n"))
	s.erasures.Show()
}
