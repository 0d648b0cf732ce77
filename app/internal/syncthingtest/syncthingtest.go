// Package syncthingtest runs real Syncthing instances for tests: each in its
// own home directory (a t.TempDir), reachable only on loopback, with global
// and local discovery, relays, NAT traversal, usage and crash reporting and
// upgrades switched off, so a test never touches the network. Pair shares
// one folder between instances that reach each other at explicit
// tcp://127.0.0.1 addresses; WaitFiles, WaitSameTree and WaitInSync poll
// until Syncthing has delivered; MakeConflict has Syncthing make a real
// conflict copy. Every wait is bounded by its own timeout and by a budget
// for the whole test (TestBudget from the first Start), so a broken test
// fails in about a minute with the instances' log tails, never hangs.
//
// It is a test-only helper: it takes a testing.TB, fails or skips the test
// on its own, and stops every process it started in t.Cleanup. The syncthing
// binary comes from $ILSA_SYNCTHING or PATH (Debian package `syncthing`,
// installed by scripts/deps.sh test); without it the test is skipped — or
// fails when $CI is set, so that CI really runs it. Written against
// Syncthing 1.19 (Debian bookworm) and its REST API, config version 36.
package syncthingtest

import (
	"time"
)

// FolderID is the id of the folder Pair shares.
const FolderID = "ilsa"

// Timeouts. Generous: Syncthing takes one to a few seconds to start, more
// on a loaded CI machine running other packages' tests at the same time.
var (
	StartTimeout = 30 * time.Second // process start to a REST API answering
	SyncTimeout  = 30 * time.Second // a change in one folder to all others
	TestBudget   = 60 * time.Second // the first Start to the last wait
	stopTimeout  = 10 * time.Second // clean shutdown before SIGKILL
	pollEvery    = 100 * time.Millisecond
)
