// Command ilsa is ILSA Coach: the desktop app, and the command line when a
// command is given. All the work happens in package app.
package main

import (
	"os"

	"github.com/ilsa-coach/ilsa/app"
)

func main() { os.Exit(app.Run(os.Args)) }
