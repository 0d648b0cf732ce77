// Command ilsa is ILSA Coach: the desktop app, and the command line when a
// command is given. All the work happens in package app.
package main

import (
	"os"

	"eu.ilsa.coach/ilsa/app"
	_ "eu.ilsa.coach/ilsa/app/localefix" // must initialise before Fyne: see its package comment
)

func main() { os.Exit(app.Run(os.Args)) }
