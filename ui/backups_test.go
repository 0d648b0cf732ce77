package ui

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/translations"
)

// fakeBackups is a backups folder in memory.
type fakeBackups struct {
	list     []BackupInfo
	restored string
	refuse   error
}

func (f *fakeBackups) List() ([]BackupInfo, error) { return f.list, nil }
func (f *fakeBackups) BackUpNow(context.Context) (BackupInfo, error) {
	b := BackupInfo{Path: "/d/backups/ilsa-20261207-113000.db", Time: time.Date(2026, 12, 7, 11, 30, 0, 0, time.Local), Size: 2_500_000}
	f.list = append([]BackupInfo{b}, f.list...)
	return b, nil
}
func (f *fakeBackups) Restore(_ context.Context, file string) error {
	if f.refuse != nil {
		return f.refuse
	}
	f.restored = file
	return nil
}
func (f *fakeBackups) LastError() error { return nil }

func (f *fakeBackups) Erase(context.Context) error { return nil }

type refusal struct{}

func (refusal) Error() string { return "not a database" }
func (refusal) MessageKey() (string, []any) {
	return "backup.error.not_database", []any{"Path", "/x/notes.txt"}
}

// Settings lists the backups with their dates in the reader's form, makes
// one at "Back up now", and restores one only after saying what happens.
func TestSettingsListsBackupsAndRestoresAfterConfirming(t *testing.T) {
	for _, c := range []struct{ lang, date, now, restore, yes, made string }{
		{"sv", "2026-12-06 09:00 · 1,2 MB", "Säkerhetskopiera nu", "Återställ…", "Återställ", "Säkerhetskopia gjord: 2026-12-07 11:30."},
		{"nb", "06.12.2026 09:00 · 1,2 MB", "Ta sikkerhetskopi nå", "Gjenopprett …", "Gjenopprett", "Sikkerhetskopi tatt: 07.12.2026 11:30."},
	} {
		t.Run(c.lang, func(t *testing.T) {
			u, _ := newTestUI(t, c.lang)
			fake := &fakeBackups{list: []BackupInfo{{Path: "/d/backups/ilsa-20261206-090000.db", Time: time.Date(2026, 12, 6, 9, 0, 0, 0, time.Local), Size: 1_234_567}}}
			u.opt.Backups = fake
			u.Show(tabSettings)
			u.WaitIdle()
			card := u.settings.backups.card
			if !shows(card, c.date) {
				t.Fatalf("backups shown: %v", visibleTexts(card))
			}
			tapButton(t, u, card, c.now)
			if !shows(card, c.made) || len(fake.list) != 2 {
				t.Errorf("after backing up: %v", visibleTexts(card))
			}
			// The older one: the second Restore button.
			var buttons []*widget.Button
			walk(card, func(o fyne.CanvasObject) {
				if b, ok := o.(*widget.Button); ok && b.Text == c.restore {
					buttons = append(buttons, b)
				}
			})
			if len(buttons) != 2 {
				t.Fatalf("%d restore buttons", len(buttons))
			}
			test.Tap(buttons[1])
			d := topOverlay(t, u)
			if !shows(d, "2026") || fake.restored != "" {
				t.Fatalf("confirm dialog: %v (restored %q)", visibleTexts(d), fake.restored)
			}
			tapButton(t, u, d, c.yes)
			if fake.restored != "/d/backups/ilsa-20261206-090000.db" {
				t.Errorf("restored %q", fake.restored)
			}
		})
	}
}

// A file that is not a sound backup is refused with the reason, and the
// window stays open on the current data.
func TestRestoreRefusedSaysWhyAndKeepsTheWindow(t *testing.T) {
	u, _ := newTestUI(t, "sv")
	fake := &fakeBackups{refuse: refusal{}}
	u.opt.Backups = fake
	u.Show(tabSettings)
	u.WaitIdle()
	u.settings.backups.confirmRestore("/x/notes.txt", "/x/notes.txt")
	tapButton(t, u, topOverlay(t, u), "Återställ")
	if want := "/x/notes.txt är ingen ILSA Coach-databas"; !shows(u.settings.backups.card, want) {
		t.Errorf("card shows %v, want %q", visibleTexts(u.settings.backups.card), want)
	}
}

func TestDamagedDatabaseOffersRestoreAndExport(t *testing.T) {
	tr := translations.New("nb")
	latest := &BackupInfo{Path: "/d/backups/ilsa-20261206-090000.db", Time: time.Date(2026, 12, 6, 9, 0, 0, 0, time.Local)}
	w := DamagedDatabaseWindow(test.NewTempApp(t), tr, "Databasen /d/ilsa.db er skadet", DamagedChoices{Latest: latest,
		Restore: func() error { return errors.New("x") }, Export: func(string) (int, error) { return 3, nil }})
	restore := buttonWithText(t, w.Content(), "Gjenopprett den siste sikkerhetskopien (06.12.2026 09:00)")
	buttonWithText(t, w.Content(), "Åpne skrivebeskyttet og eksporter det som kan leses …")
	if restore.Disabled() || !shows(w.Content(), "er skadet") {
		t.Errorf("window shows %v", visibleTexts(w.Content()))
	}
	w = DamagedDatabaseWindow(test.NewTempApp(t), tr, "skadet", DamagedChoices{Export: func(string) (int, error) { return 0, nil }})
	if b := buttonWithText(t, w.Content(), "Gjenopprett en sikkerhetskopi (det finnes ingen i datamappen)"); !b.Disabled() {
		t.Error("restore offered without a backup")
	}
	if strings.Contains(strings.Join(visibleTexts(w.Content()), " "), "ny database") {
		t.Error("a new database is offered")
	}
	// A lost file: nothing to export.
	w = DamagedDatabaseWindow(test.NewTempApp(t), tr, "mangler", DamagedChoices{Latest: latest, Restore: func() error { return nil }})
	if shows(w.Content(), "Åpne skrivebeskyttet og eksporter det som kan leses …") {
		t.Error("export offered for a lost file")
	}
}
