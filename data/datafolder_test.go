package data_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/domain"
)

// usedFolder makes a data folder with one organisation in it, closed, and
// returns the database path and the device id.
func usedFolder(t *testing.T) (string, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), data.DBFileName)
	s, err := data.Open(path, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	datatest.Org(t, s, "Använd AB", "")
	dev := s.DeviceID()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path, dev
}

// A database truncated to 0 bytes (or deleted) in a folder that has been
// used is reported as lost, with the device named, and nothing is created
// or changed: the user can still restore the file.
func TestALostDatabaseIsReportedNotRecreated(t *testing.T) {
	for _, how := range []string{"empty", "missing"} {
		t.Run(how, func(t *testing.T) {
			path, dev := usedFolder(t)
			if how == "empty" {
				if err := os.Truncate(path, 0); err != nil {
					t.Fatal(err)
				}
			} else if err := os.Remove(path); err != nil {
				t.Fatal(err)
			}
			for _, opt := range []data.Options{{}, {ReadOnly: true}} {
				s, err := data.Open(path, opt)
				var lost *data.DatabaseLostError
				if !errors.As(err, &lost) || lost.Empty != (how == "empty") || lost.Device != dev {
					if s != nil {
						s.Close()
					}
					t.Fatalf("Open(%+v) of a %s database: %v, want DatabaseLostError naming %s", opt, how, err, dev)
				}
			}
			st, err := os.Stat(path)
			if how == "empty" && (err != nil || st.Size() != 0) {
				t.Fatalf("the empty file was changed: %v %v", st, err)
			}
			if how == "missing" && !errors.Is(err, os.ErrNotExist) {
				t.Fatalf("a new database was created: %v", err)
			}
		})
	}
}

// A log with data beside a missing database is a used folder too, even
// without the marker (a folder from before the marker existed).
func TestAWriteAheadLogWithoutItsDatabaseIsReported(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, data.DBFileName)
	if err := os.WriteFile(path+"-wal", []byte("frames of a lost database"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := data.Open(path, data.Options{}); !errors.As(err, new(*data.DatabaseLostError)) {
		t.Fatalf("Open: %v", err)
	}
}

// A new folder starts a database and gets the marker; a folder from before
// the marker existed gets it on its next start.
func TestTheDeviceMarkerIsWrittenOnce(t *testing.T) {
	path, dev := usedFolder(t)
	marker := filepath.Join(filepath.Dir(path), data.DeviceMarkerName)
	b, err := os.ReadFile(marker)
	if err != nil || strings.TrimSpace(string(b)) != dev {
		t.Fatalf("marker %q %v, want %s", b, err, dev)
	}
	os.Remove(marker)
	s, err := data.Open(path, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if b, _ := os.ReadFile(marker); strings.TrimSpace(string(b)) != dev {
		t.Fatalf("marker after reopening %q", b)
	}
}

// A read-only data folder opens read-only: lists, dump and check work, and
// every write is refused with a ReadOnlyError that names the folder.
func TestAReadOnlyFolderOpensReadOnly(t *testing.T) {
	path, _ := usedFolder(t)
	dir := filepath.Dir(path)
	datatest.ReadOnly(t, dir)
	s, err := data.Open(path, data.Options{})
	if err != nil {
		t.Fatalf("Open of a read-only folder: %v", err)
	}
	defer s.Close()
	if !s.ReadOnly() {
		t.Fatal("not opened read-only")
	}
	orgs, err := s.SearchOrganisations(ctx, data.OrgQuery{})
	if err != nil || len(orgs) != 1 || orgs[0].Name != "Använd AB" {
		t.Fatalf("list: %+v %v", orgs, err)
	}
	if !strings.Contains(datatest.Dump(t, s), "Använd AB") {
		t.Fatal("dump lacks the organisation")
	}
	if rep, err := s.Check(ctx); err != nil || !rep.OK() {
		t.Fatalf("check: %+v %v", rep, err)
	}
	var ro *data.ReadOnlyError
	if err := s.CreateOrganisation(ctx, &domain.Organisation{Name: "Ny AB"}); !errors.As(err, &ro) || ro.Dir != dir {
		t.Fatalf("create: %v, want ReadOnlyError naming %s", err, dir)
	}
	if err := s.SetSetting("language", "sv"); !errors.As(err, &ro) {
		t.Fatalf("setting: %v", err)
	}
	if s.DeviceID() == "" {
		t.Error("a read-only store does not know its device")
	}
}

// The profile (the welcome screen, `ilsa init`) takes no control
// characters either: the advisor's name goes on every new visit.
func TestTheProfileRefusesControlCharacters(t *testing.T) {
	s, _ := datatest.Open(t)
	err := s.SetProfile(data.Profile{Advisor: "Kari\x1b[2J", Country: domain.CountryNO})
	if vs := domain.ValidationErrors(err); len(vs) != 1 || vs[0].Field != "advisor" {
		t.Fatalf("SetProfile: %v", err)
	}
	if p, _ := s.Profile(); p.Advisor != "" {
		t.Fatalf("stored %q", p.Advisor)
	}
}
