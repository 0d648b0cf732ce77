package app

import (
	"flag"
	"fmt"
)

// The add and edit commands of organisations, contacts and visits have one
// shape: flags copied onto a record, the record stored, the new id printed.
// addRecord and editRecord are that shape once; each entity gives its flags
// and how its records are stored.

// recordFlags are the flags an entity's add and edit share: apply copies
// the given ones onto the record (dates typed in the reader's format become
// ISO dates).
type recordFlags[R any] interface {
	apply(s *session, r *R, given map[string]bool) error
}

// recordStore is how the commands reach one entity's records.
type recordStore[R any] struct {
	load   func(s *session, id string) (R, error)
	create func(s *session, r *R) error
	update func(s *session, r *R) error
	id     func(r *R) string
	// after, if set, runs once the record is stored (a warning on stderr).
	after func(s *session, r R)
}

// addRecord is "ENTITY add": a new record from the flags, its id on stdout.
// The flags are checked before the data folder is opened.
func addRecord[R any](fs *flag.FlagSet, f recordFlags[R], st recordStore[R]) runFunc {
	return func(s *session, _ []string) error {
		var r R
		if err := f.apply(s, &r, setFlags(fs)); err != nil {
			return err
		}
		if err := s.open(); err != nil {
			return err
		}
		if err := st.create(s, &r); err != nil {
			return err
		}
		fmt.Fprintln(s.env.Stdout, st.id(&r))
		if st.after != nil {
			st.after(s, r)
		}
		return nil
	}
}

// editRecord is "ENTITY edit ID": the stored record with the given flags
// applied, stored again (only the fields that changed become changes).
func editRecord[R any](fs *flag.FlagSet, f recordFlags[R], st recordStore[R]) runFunc {
	return func(s *session, operands []string) error {
		id, given, err := editOperands(fs, operands)
		if err != nil {
			return err
		}
		if err := s.open(); err != nil {
			return err
		}
		r, err := st.load(s, id)
		if err != nil {
			return err
		}
		if err := f.apply(s, &r, given); err != nil {
			return err
		}
		if err := st.update(s, &r); err != nil {
			return err
		}
		if st.after != nil {
			st.after(s, r)
		}
		return nil
	}
}
