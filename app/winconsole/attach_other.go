//go:build !windows

package winconsole

// Attach does nothing outside Windows: there a program always has the
// terminal it was started from.
func Attach() {}
