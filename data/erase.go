package data

import (
	"context"
	"database/sql"
	"errors"
	"iter"

	"eu.ilsa.coach/ilsa/data/changelog"
	"eu.ilsa.coach/ilsa/data/domain"
)

// NothingPersonalError refuses to erase the personal data of an
// organisation that holds none: its org number is a company's, not a
// person's.
type NothingPersonalError struct{ ID string }

func (e *NothingPersonalError) Error() string {
	return "organisation " + e.ID + " holds no personal data to erase"
}

// EraseContact erases a contact (GDPR art. 17): its name, role, e-mail,
// phone, gender and consent date are blanked in the row and in every copy
// the database keeps, the contact is deleted, and the erasure travels with
// the next sync so every device does the same (changelog/erase.go). A
// deleted contact can be erased too.
func (s *Store) EraseContact(ctx context.Context, id string) error {
	return s.erase(ctx, domain.EntityContact, id, nil)
}

// EraseOrgPersonal erases an organisation's personal data: the org number,
// when it is a personnummer (a sole trader's). The organisation itself, its
// name and notes stay: they describe the business. Any other organisation
// is refused with *NothingPersonalError.
func (s *Store) EraseOrgPersonal(ctx context.Context, id string) error {
	return s.erase(ctx, domain.EntityOrganisation, id, func(tx changelog.ReadTx) error {
		var o domain.Organisation
		err := tx.QueryRow(`SELECT orgnr, country FROM organisations WHERE id = ?`, id).Scan(&o.OrgNr, &o.Country)
		if err != nil {
			return err
		}
		if !o.OrgNrPersonal() {
			return &NothingPersonalError{ID: id}
		}
		return nil
	})
}

func (s *Store) erase(ctx context.Context, entity, id string, check func(changelog.ReadTx) error) error {
	_, err := s.eng.CommitLocal(ctx, func(tx changelog.ReadTx) ([]changelog.Edit, error) {
		var deleted bool
		err := tx.QueryRow(`SELECT deleted FROM `+changelog.Table(entity)+` WHERE id = ?`, id).Scan(&deleted)
		if errors.Is(err, sql.ErrNoRows) {
			return nil, &domain.NotFoundError{Entity: entity, ID: id}
		}
		if err != nil {
			return nil, err
		}
		if check != nil {
			if err := check(tx); err != nil {
				return nil, err
			}
		}
		edits := changelog.ErasureEdits(entity, id)
		if entity == domain.EntityContact && !deleted {
			// Before the erasure, which must be the edit's last change
			// (the import's fresh path keeps one record's changes together).
			last := edits[len(edits)-1]
			edits = append(edits[:len(edits)-1], changelog.Edit{Entity: entity, ID: id, Field: "deleted", Value: true}, last)
		}
		return edits, nil
	})
	return err
}

// Erasures lists the erasures this database has applied, with the devices
// that report each complete.
func (s *Store) Erasures(ctx context.Context) ([]changelog.Erasure, error) {
	return changelog.Erasures(ctx, s.r)
}

// ErasedSeqs lists the numbers of device's changes whose values erasures
// blanked.
func (s *Store) ErasedSeqs(ctx context.Context, device string, erasures []changelog.Erasure) ([]uint64, error) {
	return changelog.ErasedSeqs(ctx, s.r, device, erasures)
}

// RecordErasuresDone records, as synced changes, that this device has
// erased every copy it keeps of each erasure.
func (s *Store) RecordErasuresDone(ctx context.Context, done []changelog.Erasure) error {
	if len(done) == 0 {
		return nil
	}
	device := s.DeviceID()
	_, err := s.eng.CommitLocal(ctx, func(changelog.ReadTx) ([]changelog.Edit, error) {
		edits := make([]changelog.Edit, len(done))
		for i, e := range done {
			edits[i] = changelog.ErasureDone(e.Entity, e.ID, device, e.HLC)
		}
		return edits, nil
	})
	return err
}

// PurgeErased clears the database's files of erased bytes: VACUUM, and the
// write-ahead log checkpointed and truncated.
func (s *Store) PurgeErased(ctx context.Context) error {
	return s.eng.Purge()
}

// LogRange reads device's changes first..last from the log (both tables),
// as a rewritten bundle carries them.
func (s *Store) LogRange(ctx context.Context, device string, first, last uint64) iter.Seq2[changelog.Change, error] {
	return s.eng.Read(ctx, s.r, device, first-1, last)
}

// ReplaceWritten records that the bundle old, written into folder, was
// written again as m (the same range, the erased values blanked).
func (s *Store) ReplaceWritten(ctx context.Context, old, m changelog.BundleMeta, folder string) error {
	return s.eng.WriteLocal(func(tx changelog.LocalTx) error {
		if _, err := tx.Exec(`DELETE FROM sync_bundles WHERE device = ? AND first_seq = ? AND last_seq = ? AND hash = ?`,
			old.Device, int64(old.FirstSeq), int64(old.LastSeq), old.Hash); err != nil {
			return err
		}
		_, err := tx.Exec(`INSERT OR REPLACE INTO sync_bundles(device, first_seq, last_seq, hash, kind, file, folder, status, changes, imported_at, reason)
			VALUES(?,?,?,?,?,?,?,?,?,?,'')`, m.Device, int64(m.FirstSeq), int64(m.LastSeq), m.Hash, m.Kind, m.File, folder,
			changelog.BundleWritten, int64(m.Count), s.now().UnixMilli())
		return err
	})
}
