package data

import (
	"context"
	"os"
	"path/filepath"

	"eu.ilsa.coach/ilsa/data/atomicfile"
)

// VacuumInto writes a consistent copy of the database into path, a file
// that must not exist yet or be empty, through a read connection: it reads
// one snapshot, so it neither waits for nor blocks the window's or a
// command's writes (data/backup).
func (s *Store) VacuumInto(ctx context.Context, path string) error {
	_, err := s.r.ExecContext(ctx, "VACUUM INTO ?", path)
	return err
}

// RetireDevice moves this installation to a fresh device id, keeping the
// old one as retired (see changelog.Engine.RetireDevice), and records the
// new id in the data folder's device marker.
func (s *Store) RetireDevice() (string, error) {
	if s.readOnly {
		return "", &ReadOnlyError{Dir: filepath.Dir(s.path)}
	}
	id, err := s.eng.RetireDevice()
	if err != nil {
		return "", err
	}
	return id, writeDeviceMarker(s.path, id)
}

// WriteDeviceMarker records device as the id of the data folder dir's
// database (a restore puts another database in place).
func WriteDeviceMarker(dir, device string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	return atomicfile.WriteFile(filepath.Join(dir, DeviceMarkerName), []byte(device+"\n"))
}
