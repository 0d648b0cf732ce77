package syncthingtest

import (
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestSyncthingReplicatesBothWays checks the harness itself: two real
// Syncthing instances on loopback carry plain files from A to B and back.
func TestSyncthingReplicatesBothWays(t *testing.T) {
	t.Parallel()
	start := time.Now()
	a, b := NewPair(t)
	t.Logf("two instances started and paired in %v", time.Since(start).Round(time.Millisecond))

	write := func(dir, rel, content string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(a.Folder, "from-a.txt", "hello from A\n")
	write(a.Folder, "deep/er/a.bin", string(make([]byte, 300_000)))
	WaitFiles(t, a, []string{"from-a.txt", "deep/er/a.bin"}, b)

	write(b.Folder, "from-b.txt", "hello from B\n")
	write(b.Folder, "from-a.txt", "edited by B\n")
	WaitFiles(t, b, []string{"from-b.txt", "from-a.txt"}, a)

	WaitSameTree(t, a, b)
	t.Logf("done in %v", time.Since(start).Round(time.Millisecond))
}

// TestSyncthingRetriesTakenPorts makes the first ports handed out busy (as
// when another test's process grabs a port between our probe and
// Syncthing's bind): Start must notice and come up on other ports.
func TestSyncthingRetriesTakenPorts(t *testing.T) {
	for _, which := range []string{"gui", "sync"} {
		t.Run(which, func(t *testing.T) {
			Binary(t)
			busy, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				t.Fatal(err)
			}
			defer busy.Close()
			taken := busy.Addr().(*net.TCPAddr).Port
			calls := 0
			pickPort = func() (int, error) {
				calls++
				if (which == "gui" && calls == 1) || (which == "sync" && calls == 2) {
					return taken, nil
				}
				return freePort()
			}
			defer func() { pickPort = freePort }()
			in := Start(t, "A")
			if strings.HasSuffix(in.GUI, fmt.Sprintf(":%d", taken)) || strings.HasSuffix(in.Listen, fmt.Sprintf(":%d", taken)) {
				t.Fatalf("started on the busy port %d: GUI %s, listen %s", taken, in.GUI, in.Listen)
			}
			if calls < 4 {
				t.Errorf("ports picked %d times, want a second attempt", calls)
			}
		})
	}
}

// TestSyncthingMakesConflictCopies checks MakeConflict: Syncthing keeps the
// newer version and names the older one as a conflict copy, on both sides.
func TestSyncthingMakesConflictCopies(t *testing.T) {
	t.Parallel()
	a, b := NewPair(t)
	copyRel := MakeConflict(t, a, b, "dir/file.txt", []byte("A's newer text\n"), []byte("B's older text\n"))
	// Syncthing names the copy after the device of the version that made
	// the conflict (here A's), not after the copy's author.
	if !strings.HasPrefix(copyRel, "dir/file.sync-conflict-") || !strings.HasSuffix(copyRel, ".txt") ||
		!(strings.HasSuffix(copyRel, "-"+a.DeviceID[:7]+".txt") || strings.HasSuffix(copyRel, "-"+b.DeviceID[:7]+".txt")) {
		t.Errorf("conflict copy %q, want dir/file.sync-conflict-YYYYMMDD-HHMMSS-<device>.txt", copyRel)
	}
}
