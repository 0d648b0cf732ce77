package syncthingtest

// Pairing instances and waiting until they agree.

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	gosync "sync"
	"testing"
	"time"
)

// Pair makes every instance know every other one, shares FolderID between
// all of them (each in a fresh temporary folder, rescanned every second,
// with the file watcher on), and waits until they are connected and the
// folder is idle and in sync everywhere.
//
// Each pair of instances connects in one direction only: a later instance
// knows an earlier one at its explicit tcp://127.0.0.1 address and dials
// it; the earlier one knows the later one as "dynamic", which with
// discovery off means it only accepts. When both sides dial each other at
// the same moment (as after a resume), Syncthing 1.19 can stall the Hello
// exchange of one connection for its 20 s timeout; one dialer never does.
// Instances are configured in order, so the side that accepts already
// knows the dialer when the dial comes.
func Pair(t testing.TB, insts ...*Instance) {
	t.Helper()
	for _, in := range insts {
		in.Folder = filepath.Join(t.TempDir(), "shared-"+strings.ToLower(in.Name))
		// The folder marker tells Syncthing (and ILSA Coach's data-folder
		// check) that this folder is kept by Syncthing.
		if err := os.MkdirAll(filepath.Join(in.Folder, ".stfolder"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for k, in := range insts {
		var devs []map[string]any
		for j, other := range insts {
			devs = append(devs, map[string]any{"deviceID": other.DeviceID})
			if other == in {
				continue
			}
			addr := "dynamic" // accept only
			if j < k {
				addr = other.Listen // dial
				if in.dials == nil {
					in.dials = map[string]bool{}
				}
				in.dials[other.DeviceID] = true
			}
			dev := map[string]any{"deviceID": other.DeviceID, "name": other.Name, "addresses": []string{addr},
				"compression": "metadata", "autoAcceptFolders": false, "paused": false}
			if err := in.Post("/rest/config/devices", dev, nil); err != nil {
				t.Fatalf("syncthing %s: add device %s: %v", in.Name, other.Name, err)
			}
		}
		folder := map[string]any{"id": FolderID, "label": "ILSA test", "path": in.Folder, "type": "sendreceive",
			"devices": devs, "rescanIntervalS": 1, "fsWatcherEnabled": true, "fsWatcherDelayS": 1,
			"paused": false, "maxConflicts": 10}
		if err := in.Post("/rest/config/folders", folder, nil); err != nil {
			t.Fatalf("syncthing %s: share folder: %v", in.Name, err)
		}
	}
	WaitInSync(t, insts...)
}

// NewPair starts two instances, A and B, and pairs them.
func NewPair(t testing.TB) (a, b *Instance) {
	t.Helper()
	insts := StartAll(t, "A", "B")
	a, b = insts[0], insts[1]
	Pair(t, a, b)
	return a, b
}

// budgets holds each test's deadline (testing.TB → time.Time).
var budgets gosync.Map

// startBudget starts the test's TestBudget, once.
func startBudget(t testing.TB) {
	if _, loaded := budgets.LoadOrStore(t, time.Now().Add(TestBudget)); !loaded {
		t.Cleanup(func() { budgets.Delete(t) })
	}
}

// Eventually polls cond until it reports true, and fails the test with its
// last explanation after timeout, or sooner when the test's budget is spent.
func Eventually(t testing.TB, timeout time.Duration, what string, cond func() (bool, string)) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	budget := false
	if d, ok := budgets.Load(t); ok && d.(time.Time).Before(deadline) {
		deadline, budget = d.(time.Time), true
	}
	for {
		ok, why := cond()
		if ok {
			return
		}
		if time.Now().After(deadline) {
			if budget {
				t.Fatalf("%s: not yet, and the test's %v budget is spent: %s", what, TestBudget, why)
			}
			t.Fatalf("%s: not after %v: %s", what, timeout, why)
		}
		time.Sleep(pollEvery)
	}
}

type dbStatus struct {
	State          string `json:"state"`
	NeedTotalItems int    `json:"needTotalItems"`
	GlobalFiles    int    `json:"globalFiles"`
	LocalFiles     int    `json:"localFiles"`
	Errors         int    `json:"errors"`
	PullErrors     int    `json:"pullErrors"`
	Sequence       int64  `json:"sequence"`
}

type completion struct {
	Completion  float64 `json:"completion"`
	NeedItems   int     `json:"needItems"`
	NeedDeletes int     `json:"needDeletes"`
	RemoteState string  `json:"remoteState"`
}

// InSync reports whether all instances are connected to each other, the
// shared folder is idle with nothing needed on each, and each knows every
// other to be complete; if not, why.
func InSync(insts ...*Instance) (bool, string) {
	for _, in := range insts {
		var conns struct {
			Connections map[string]struct {
				Connected bool `json:"connected"`
			} `json:"connections"`
		}
		if err := in.Get("/rest/system/connections", &conns); err != nil {
			return false, err.Error()
		}
		var st dbStatus
		if err := in.Get("/rest/db/status?folder="+FolderID, &st); err != nil {
			return false, err.Error()
		}
		if st.State != "idle" || st.NeedTotalItems != 0 || st.PullErrors != 0 {
			return false, fmt.Sprintf("%s: folder %s, needs %d items, %d pull errors", in.Name, st.State, st.NeedTotalItems, st.PullErrors)
		}
		for _, other := range insts {
			if other == in {
				continue
			}
			if !conns.Connections[other.DeviceID].Connected {
				return false, fmt.Sprintf("%s: not connected to %s", in.Name, other.Name)
			}
			var c completion
			if err := in.Get("/rest/db/completion?folder="+FolderID+"&device="+url.QueryEscape(other.DeviceID), &c); err != nil {
				return false, err.Error()
			}
			if c.Completion < 100 || c.NeedItems != 0 || c.NeedDeletes != 0 || (c.RemoteState != "" && c.RemoteState != "valid") {
				return false, fmt.Sprintf("%s: sees %s at %.1f%% (needs %d items, remote state %q)",
					in.Name, other.Name, c.Completion, c.NeedItems, c.RemoteState)
			}
		}
	}
	return true, ""
}

// WaitInSync waits until InSync holds. Files written since the last scan
// are not yet known to Syncthing: Scan first (WaitFiles does).
func WaitInSync(t testing.TB, insts ...*Instance) {
	t.Helper()
	Eventually(t, SyncTimeout, "syncthing in sync", func() (bool, string) { return InSync(insts...) })
}
