package ui

import (
	"os"
	"path/filepath"
	"testing"

	"eu.ilsa.coach/ilsa/app/prefs"
)

// An advisor types a shared folder that does not exist yet: the app offers
// to create it, and then uses it.
func TestSyncOffersToCreateAMissingFolder(t *testing.T) {
	for _, c := range []struct{ lang, asks, create, cancel, reached string }{
		{"sv", "finns inte än", "Skapa och använd", "Avbryt", "Mappen går att nå"},
		{"nb", "finnes ikke ennå", "Opprett og bruk", "Avbryt", "Mappen er tilgjengelig"},
	} {
		t.Run(c.lang, func(t *testing.T) {
			u, st := newTestUI(t, c.lang)
			u.opt.Sync = testSyncer(st)
			u.Show(tabSync)
			u.WaitIdle()
			s := u.syncScreen
			folder := filepath.Join(t.TempDir(), "Nextcloud", "ILSA")

			s.folder.SetText(folder)
			s.setFolder(folder)
			u.WaitIdle()
			tapButton(t, u, topOverlay(t, u), c.cancel)
			if _, err := os.Stat(folder); !os.IsNotExist(err) || prefs.New(st).SyncFolder() != "" {
				t.Fatalf("cancelled, yet the folder was made or kept (%v)", err)
			}

			s.setFolder(folder)
			u.WaitIdle()
			d := topOverlay(t, u)
			if !shows(d, c.asks) || !shows(d, folder) {
				t.Fatalf("the question: %q", visibleTexts(d))
			}
			tapButton(t, u, d, c.create)
			u.WaitIdle()
			if fi, err := os.Stat(folder); err != nil || !fi.IsDir() {
				t.Fatalf("the folder was not created: %v", err)
			}
			if got := prefs.New(st).SyncFolder(); got != folder {
				t.Fatalf("stored folder %q", got)
			}
			if !shows(s.view, c.reached) {
				t.Fatalf("after creating the folder: %q", visibleTexts(s.view))
			}
		})
	}
}

func TestSyncFolderHintMatchesTheSystem(t *testing.T) {
	for _, c := range []struct{ goos, lang, want string }{
		{"windows", "sv", `C:\Users\anna\Nextcloud\ILSA`},
		{"darwin", "nb", "/Users/kari/Nextcloud/ILSA"},
		{"linux", "en", "/home/alex/Nextcloud/ILSA"},
	} {
		if got := exampleSyncFolder(c.goos, c.lang); got != c.want {
			t.Errorf("%s/%s: %q, want %q", c.goos, c.lang, got, c.want)
		}
	}
	u, _ := newTestUI(t, "sv")
	if got := u.syncScreen.folder.PlaceHolder; got != "t.ex. /home/anna/Nextcloud/ILSA" {
		t.Errorf("placeholder on this system: %q", got)
	}
}
