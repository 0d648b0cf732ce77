package datatest

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
)

// ReadOnly makes dir read-only for this process until the test ends, in a
// way that binds root too (tests run as root in CI, where file permissions
// do not stop anyone): as root, a read-only bind mount of dir onto itself;
// otherwise, permissions without write bits. It fails the test when neither
// works, rather than letting a read-only test pass on a writable folder.
func ReadOnly(t testing.TB, dir string) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("read-only folders are made with mount or chmod, which Windows does not have")
	}
	if os.Geteuid() == 0 {
		if out, err := exec.Command("mount", "--bind", dir, dir).CombinedOutput(); err != nil {
			t.Fatalf("bind-mount %s: %v %s", dir, err, out)
		}
		t.Cleanup(func() { exec.Command("umount", dir).Run() })
		if out, err := exec.Command("mount", "-o", "remount,bind,ro", dir).CombinedOutput(); err != nil {
			t.Fatalf("remount %s read-only: %v %s", dir, err, out)
		}
	} else {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			p := filepath.Join(dir, e.Name())
			os.Chmod(p, 0o444)
			t.Cleanup(func() { os.Chmod(p, 0o644) })
		}
		os.Chmod(dir, 0o555)
		t.Cleanup(func() { os.Chmod(dir, 0o755) })
	}
	probe := filepath.Join(dir, ".probe")
	if f, err := os.Create(probe); err == nil {
		f.Close()
		os.Remove(probe)
		t.Fatalf("%s is still writable", dir)
	}
}
