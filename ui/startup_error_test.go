package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"eu.ilsa.coach/ilsa/translations"
)

func TestStartupErrorWindowExplainsInTheUsersLanguage(t *testing.T) {
	w := StartupErrorWindow(test.NewTempApp(t), translations.New("nb"), "Datamappen /x ligger i en mappe som synkroniseres av Syncthing.")
	if !shows(w.Content(), "Syncthing") || !shows(w.Content(), "ILSA Coach kan ikke starte") {
		t.Fatalf("window shows %v", visibleTexts(w.Content()))
	}
	buttonWithText(t, w.Content(), "Avslutt")
}
