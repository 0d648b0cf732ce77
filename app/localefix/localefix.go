// Package localefix runs before Fyne's language package initialises and
// turns the locale names "C.UTF-8" / "POSIX.UTF-8" into plain "C" / "POSIX".
//
// Fyne reads the locale in its package init, before main runs, and logs three
// "Fyne error: Error parsing user locale C" lines on every start when LANG is
// C.UTF-8 (the default of many servers and containers) — noise on stderr that
// would break the command line's "one clear line on stderr" promise. Plain
// "C" is understood by Fyne as "no locale": English, silently.
//
// This works because Go initialises ready packages in import-path order and
// this module's path (eu.ilsa.coach/...) sorts before fyne.io/...: main
// imports this package first, and it depends on nothing but os.
package localefix

import (
	"os"
	"strings"
)

func init() {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := os.Getenv(k)
		if v == "" {
			continue
		}
		if base, _, ok := strings.Cut(v, "."); ok && (base == "C" || base == "POSIX") {
			_ = os.Setenv(k, base)
		}
		return // the first one set is the one in force
	}
}
