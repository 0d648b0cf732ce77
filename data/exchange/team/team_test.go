package team

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func init() { ScryptWorkFactor = 10 }

var now = time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)

func TestCreateJoinRotateKeepsEveryGeneration(t *testing.T) {
	folder, lead, advisor := t.TempDir(), t.TempDir(), t.TempDir()
	created, err := Create(folder, lead, "fjällbjörk 2026", now)
	if err != nil {
		t.Fatal(err)
	}
	joined, err := Join(folder, advisor, "fjällbjörk 2026")
	if err != nil {
		t.Fatal(err)
	}
	if joined.Team != created.Team || joined.Current().Identity.String() != created.Current().Identity.String() {
		t.Fatal("the advisor got another key than the lead made")
	}
	fi, err := os.Stat(filepath.Join(advisor, KeyringFile))
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("local keyring: %v %v", fi.Mode(), err)
	}
	rotated, err := Rotate(folder, lead, "ny fras efter Åsa", now)
	if err != nil {
		t.Fatal(err)
	}
	if rotated.Current().Generation != 2 || rotated.Identity(1) == nil {
		t.Fatalf("after rotation: %+v", rotated.Keys)
	}
	in, err := ReadInfo(folder)
	if err != nil || in.Generation != 2 {
		t.Fatalf("team.json after rotation: %+v %v", in, err)
	}
	// The advisor rotating without the newest key would drop the lead's.
	if _, err := Rotate(folder, advisor, "en tredje fras", now); !errors.Is(err, ErrNotCurrent) {
		t.Fatalf("rotate without the newest key: %v", err)
	}
	// The old passphrase no longer opens the keys; the new one gives both generations.
	if _, err := Join(folder, advisor, "fjällbjörk 2026"); !errors.Is(err, ErrWrongPassphrase) {
		t.Fatalf("old passphrase after rotation: %v", err)
	}
	again, err := Join(folder, advisor, "ny fras efter Åsa")
	if err != nil || again.Current().Generation != 2 || again.Identity(1) == nil {
		t.Fatalf("join again: %+v %v", again, err)
	}
}

func TestWrongPassphraseOrAStrangersKeyFileChangesNothing(t *testing.T) {
	folder, lead, advisor := t.TempDir(), t.TempDir(), t.TempDir()
	if _, err := Create(folder, lead, "rätt lösenfras", now); err != nil {
		t.Fatal(err)
	}
	if _, err := Join(folder, advisor, "fel lösenfras"); !errors.Is(err, ErrWrongPassphrase) {
		t.Fatalf("wrong passphrase: %v", err)
	}
	if k, err := LoadKeyring(advisor); k != nil || err != nil {
		t.Fatalf("a wrong passphrase left a keyring: %v %v", k, err)
	}
	if _, err := Join(folder, advisor, "rätt lösenfras"); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(filepath.Join(advisor, KeyringFile))
	// A stranger replaces the team's files with a team of their own.
	stranger := t.TempDir()
	if _, err := Create(stranger, t.TempDir(), "främlingens fras", now); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{KeysFile, InfoFile} {
		b, _ := os.ReadFile(filepath.Join(stranger, Dir, f))
		os.WriteFile(filepath.Join(folder, Dir, f), b, 0o644)
	}
	if _, err := Join(folder, advisor, "rätt lösenfras"); !errors.Is(err, ErrWrongPassphrase) {
		t.Fatalf("stranger's key file, our passphrase: %v", err)
	}
	if _, err := Join(folder, advisor, "främlingens fras"); !errors.Is(err, ErrOtherTeam) {
		t.Fatalf("stranger's key file, their passphrase: %v", err)
	}
	if _, err := Rotate(folder, advisor, "ännu en fras", now); !errors.Is(err, ErrOtherTeam) {
		t.Fatalf("rotate a stranger's team: %v", err)
	}
	after, _ := os.ReadFile(filepath.Join(advisor, KeyringFile))
	if string(before) != string(after) {
		t.Fatal("the stranger's files changed the device's keys")
	}
	// Garbage in the key file is a clear error too.
	os.WriteFile(filepath.Join(folder, Dir, KeysFile), []byte("nonsense"), 0o644)
	if _, err := Join(folder, t.TempDir(), "rätt lösenfras"); !errors.Is(err, ErrDamaged) {
		t.Fatalf("garbage key file: %v", err)
	}
}

func TestCreateRefusesShortPassphraseAndAnExistingTeam(t *testing.T) {
	folder := t.TempDir()
	if _, err := Create(folder, t.TempDir(), "kort", now); !errors.Is(err, ErrShortPassphrase) {
		t.Fatalf("short passphrase: %v", err)
	}
	if _, err := Create(folder, t.TempDir(), "lång nog fras", now); err != nil {
		t.Fatal(err)
	}
	if _, err := Create(folder, t.TempDir(), "lång nog fras", now); !errors.Is(err, ErrTeamExists) {
		t.Fatalf("second team in one folder: %v", err)
	}
	if _, err := ReadInfo(t.TempDir()); !errors.Is(err, ErrNoTeam) {
		t.Fatalf("no team: %v", err)
	}
}
