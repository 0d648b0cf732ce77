//go:build !unix

package sync_test

import "testing"

func mkfifo(t *testing.T, path string) { t.Skip("no FIFOs here") }
