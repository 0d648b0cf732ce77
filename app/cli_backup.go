package app

import (
	"flag"
	"path/filepath"

	"eu.ilsa.coach/ilsa/data/backup"
)

// The backup commands: a copy of the database now, and putting one back.

// backupNow is "ilsa backup [--out FILE]": without --out, a rolling backup
// in the data folder's backups folder (the older ones pruned as the window
// does); with it, one copy at FILE.
func backupNow(fs *flag.FlagSet) runFunc {
	out := fs.String("out", "", "cli.flag.backup.out")
	return func(s *session, _ []string) error { return s.cmdBackup(*out) }
}

func (s *session) cmdBackup(out string) error {
	if err := s.open(); err != nil {
		return err
	}
	path := out
	if out == "" {
		info, err := backup.Now(s.ctx(), s.store, s.dataDir, s.env.Now())
		if err != nil {
			return err
		}
		path = info.Path
	} else {
		abs, err := filepath.Abs(out)
		if err != nil {
			return err
		}
		if err := backup.Write(s.ctx(), s.store, abs); err != nil {
			return err
		}
		path = abs
	}
	s.say(s.env.Stdout, s.tr.T("cli.backup.done", "Path", path))
	return nil
}

// restoreFile is "ilsa restore FILE". It does not open the store: the
// database is replaced only while no process has it open.
func restoreFile(s *session, operands []string) error {
	switch {
	case len(operands) == 0:
		return usage("cli.error.missing_backup")
	case len(operands) > 1:
		return usage("cli.error.extra_args", "Args", operands[1])
	}
	dir, err := s.resolveDataDir()
	if err != nil {
		return err
	}
	if err := PrepareDataDir(dir); err != nil {
		return err
	}
	res, err := backup.Restore(s.ctx(), dir, operands[0], s.env.Now())
	if err != nil {
		return err
	}
	s.say(s.env.Stdout, s.tr.T("cli.restore.done", "File", operands[0], "Dir", dir))
	if res.Replaced != "" {
		s.say(s.env.Stdout, s.tr.T("cli.restore.replaced", "Path", res.Replaced))
	}
	if res.KeptIdentity {
		s.say(s.env.Stdout, s.tr.T("cli.restore.kept_identity", "Device", res.Device))
	} else {
		s.say(s.env.Stdout, s.tr.T("cli.restore.new_identity", "Device", res.Device, "Old", res.Retired))
	}
	return nil
}
