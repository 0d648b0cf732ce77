// Package winconsole lets the Windows build, a GUI program that opens no
// console window of its own, still print when it is started from a terminal.
package winconsole
