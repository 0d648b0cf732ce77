//go:build !unix

package syncthingtest

import "os/exec"

func ownProcessGroup(*exec.Cmd) {}

// signalGroup stops the process itself (no process groups here).
func signalGroup(cmd *exec.Cmd, _ bool) {
	if cmd.Process != nil {
		_ = cmd.Process.Kill()
	}
}
