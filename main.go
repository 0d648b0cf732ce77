// Command ilsa is ILSA Coach: the desktop app, and the command line when a
// command is given. All the work happens in package app.
package main

import (
	"os"

	"eu.ilsa.coach/ilsa/app"
	_ "eu.ilsa.coach/ilsa/app/localefix" // must initialise before Fyne: see its package comment
	"eu.ilsa.coach/ilsa/app/winconsole"
)

func main() {
	winconsole.Attach() // the Windows build is a GUI program: print to the terminal it was started from
	os.Exit(app.Run(os.Args))
}
