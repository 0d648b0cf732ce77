package app

import (
	"context"

	"fyne.io/fyne/v2"

	"eu.ilsa.coach/ilsa/app/instance"
	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/backup"
	"eu.ilsa.coach/ilsa/data/exchange"
	"eu.ilsa.coach/ilsa/ui"
)

// damagedWindow is the start on a damaged or lost database (why): it
// offers to restore the latest backup (a damaged file is set aside, not
// deleted) or, when there is a damaged file (damaged), to open what can
// still be read, read-only, and export it into a bundle file. Nothing is
// ever created over the old file.
func (s *session) damagedWindow(a fyne.App, why error, damaged *data.DamagedError, primary *instance.Primary) error {
	var choices ui.DamagedChoices
	restored := ""
	if list, err := backup.List(s.dataDir); err == nil && len(list) > 0 {
		latest := list[0]
		choices.Latest = &ui.BackupInfo{Path: latest.Path, Time: latest.Time, Size: latest.Size}
		choices.Restore = func() error {
			if err := backup.Check(context.Background(), latest.Path); err != nil {
				return err
			}
			restored = latest.Path
			return nil
		}
	}
	if damaged != nil {
		choices.Export = func(path string) (int, error) {
			st, err := data.Open(damaged.Path, data.Options{ReadOnly: true, Now: s.env.Now})
			if err != nil {
				return 0, err
			}
			defer st.Close()
			h, err := exchange.ExportFile(context.Background(), st, path, s.syncOptions())
			return int(h.Count), err
		}
	}
	ui.DamagedDatabaseWindow(a, s.tr, s.tr.Error(why), choices).ShowAndRun()
	if restored == "" {
		return why
	}
	primary.Close()
	return restoreAndReopen(s.dataDir, restored, s.env.Now(), s.tr)
}
