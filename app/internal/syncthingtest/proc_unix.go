//go:build unix

package syncthingtest

import (
	"os/exec"
	"syscall"
)

// ownProcessGroup starts Syncthing in a process group of its own, so that
// it can be stopped with everything it may have started, and so that its
// setLowPriority (off anyway) could never renice the test process.
func ownProcessGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
}

// signalGroup sends SIGTERM (kill: SIGKILL) to the process's group.
func signalGroup(cmd *exec.Cmd, kill bool) {
	if cmd.Process == nil {
		return
	}
	sig := syscall.SIGTERM
	if kill {
		sig = syscall.SIGKILL
	}
	if err := syscall.Kill(-cmd.Process.Pid, sig); err != nil {
		_ = cmd.Process.Signal(sig)
	}
}
