//go:build windows

package winconsole

import (
	"os"
	"syscall"
)

// attachParentProcess is ATTACH_PARENT_PROCESS: the console of the program
// that started this one (cmd.exe, PowerShell, Windows Terminal).
const attachParentProcess = ^uintptr(0) // (DWORD)-1

// Attach connects standard output and standard error to the console of the
// terminal the program was started from, when it has one and the output is
// not already going somewhere (a pipe or a file keeps its handle). Built
// with -H=windowsgui the program gets no console, so a double-click never
// flashes a black window; without this, `ilsa version` typed in a terminal
// would print nothing.
func Attach() {
	if valid(syscall.STD_OUTPUT_HANDLE) && valid(syscall.STD_ERROR_HANDLE) {
		return // redirected, or started with a console of its own
	}
	attach := syscall.NewLazyDLL("kernel32.dll").NewProc("AttachConsole")
	if r, _, _ := attach.Call(attachParentProcess); r == 0 {
		return // started from Explorer or a shortcut: nothing to print to
	}
	if !valid(syscall.STD_OUTPUT_HANDLE) {
		if f, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0); err == nil {
			os.Stdout = f
		}
	}
	if !valid(syscall.STD_ERROR_HANDLE) {
		if f, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0); err == nil {
			os.Stderr = f
		}
	}
}

// valid says whether the standard handle h points somewhere.
func valid(h int) bool {
	fd, err := syscall.GetStdHandle(h)
	if err != nil || fd == syscall.InvalidHandle || fd == 0 {
		return false
	}
	_, err = syscall.GetFileType(fd)
	return err == nil
}
