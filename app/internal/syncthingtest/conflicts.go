package syncthingtest

// Cutting connections and making conflict copies on purpose.

import (
	"bytes"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// SetConnected disconnects (false) or reconnects (true) a and b by pausing
// or resuming each in the other's configuration, and waits until they are
// disconnected or connected. On resume the accepting side goes first, so
// the dialing side's immediate dial finds it ready.
func SetConnected(t testing.TB, connected bool, a, b *Instance) {
	t.Helper()
	pairs := [][2]*Instance{{a, b}, {b, a}}
	if connected && a.dials[b.DeviceID] {
		pairs[0], pairs[1] = pairs[1], pairs[0] // the acceptor first
	}
	for _, pair := range pairs {
		in, peer := pair[0], pair[1]
		patch := map[string]any{"paused": !connected}
		if err := in.do(http.MethodPatch, "/rest/config/devices/"+url.PathEscape(peer.DeviceID), patch, nil); err != nil {
			t.Fatalf("syncthing %s: set %s paused=%v: %v", in.Name, peer.Name, !connected, err)
		}
	}
	Eventually(t, SyncTimeout, fmt.Sprintf("%s and %s connected=%v", a.Name, b.Name, connected), func() (bool, string) {
		for _, pair := range pairs {
			var conns struct {
				Connections map[string]struct {
					Connected bool `json:"connected"`
				} `json:"connections"`
			}
			if err := pair[0].Get("/rest/system/connections", &conns); err != nil {
				return false, err.Error()
			}
			if got := conns.Connections[pair[1].DeviceID].Connected; got != connected {
				return false, fmt.Sprintf("%s: connected to %s is %v", pair[0].Name, pair[1].Name, got)
			}
		}
		return true, ""
	})
}

// conflictName matches Syncthing's conflict copies:
// name.sync-conflict-YYYYMMDD-HHMMSS-DEVICE7.ext
var conflictName = regexp.MustCompile(`\.sync-conflict-[0-9]{8}-[0-9]{6}-[A-Z0-9]{7}`)

// MakeConflict has Syncthing itself make a conflict copy: with a and b
// disconnected, a writes aData and b writes bData (dated an hour earlier)
// at rel; once reconnected, Syncthing keeps a's version under rel and b's
// as a conflict copy beside it in both folders. It returns the copy's path
// relative to the folder (slash-separated).
func MakeConflict(t testing.TB, a, b *Instance, rel string, aData, bData []byte) string {
	t.Helper()
	SetConnected(t, false, a, b)
	older := time.Now().Add(-time.Hour)
	for _, w := range []struct {
		in    *Instance
		data  []byte
		mtime time.Time
	}{{a, aData, time.Now()}, {b, bData, older}} {
		p := filepath.Join(w.in.Folder, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, w.data, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, w.mtime, w.mtime); err != nil {
			t.Fatal(err)
		}
		// Both versions must be in each side's index before they meet.
		if err := w.in.Scan(); err != nil {
			t.Fatalf("syncthing %s: scan: %v", w.in.Name, err)
		}
	}
	SetConnected(t, true, a, b)
	dir, base := path.Split(rel)
	ext := path.Ext(base)
	stem := strings.TrimSuffix(base, ext)
	var copyRel string
	Eventually(t, SyncTimeout, "Syncthing's conflict copy of "+rel, func() (bool, string) {
		copyRel = ""
		entries, err := os.ReadDir(filepath.Join(a.Folder, filepath.FromSlash(dir)))
		if err != nil {
			return false, err.Error()
		}
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
			if strings.HasPrefix(e.Name(), stem+".sync-conflict-") && strings.HasSuffix(e.Name(), ext) &&
				conflictName.MatchString(e.Name()) && !IsTemp(e.Name()) {
				copyRel = path.Join(dir, e.Name())
			}
		}
		if copyRel == "" {
			return false, fmt.Sprintf("%s holds %v", a.Name, names)
		}
		return true, ""
	})
	WaitSameTree(t, a, b)
	for _, in := range []*Instance{a, b} {
		for p, want := range map[string][]byte{rel: aData, copyRel: bData} {
			got, err := os.ReadFile(filepath.Join(in.Folder, filepath.FromSlash(p)))
			if err != nil || !bytes.Equal(got, want) {
				t.Fatalf("syncthing %s: after the conflict %s holds %d bytes (%v), want %d", in.Name, p, len(got), err, len(want))
			}
		}
	}
	return copyRel
}
