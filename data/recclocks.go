package data

import (
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"

	"eu.ilsa.coach/ilsa/data/hlc"
)

// Field clocks, packed per record (migration 0010, record_clocks): one row
// per record holds the winning change of each of its fields, instead of one
// row per field. An import writes one row per record it creates rather than
// ten; a read of a record's clocks is one lookup.
//
// The blob is a sequence of entries, one per field:
//
//	u8 len(field), field bytes,
//	uvarint len(device), device bytes   (length 0: the previous entry's device),
//	8 bytes hlc, 8 bytes seq, 8 bytes base   (big-endian)
//
// Migration 0010 writes every entry with its device; the apply path omits a
// device equal to the previous entry's. Entries are in no particular order;
// a field appears at most once.

// fieldClock is the winning change of one field.
type fieldClock struct {
	field  string
	hlc    hlc.Timestamp
	device string
	seq    uint64
	base   hlc.Timestamp
}

// appendClocks encodes clocks onto b.
func appendClocks(b []byte, clocks []fieldClock) []byte {
	prev := ""
	for _, c := range clocks {
		b = append(b, byte(len(c.field)))
		b = append(b, c.field...)
		if c.device == prev {
			b = append(b, 0)
		} else {
			b = binary.AppendUvarint(b, uint64(len(c.device)))
			b = append(b, c.device...)
			prev = c.device
		}
		b = binary.BigEndian.AppendUint64(b, uint64(c.hlc))
		b = binary.BigEndian.AppendUint64(b, c.seq)
		b = binary.BigEndian.AppendUint64(b, uint64(c.base))
	}
	return b
}

var errBadClocks = errors.New("record_clocks: damaged entry")

// decodeClocks appends the entries of blob to out.
func decodeClocks(blob []byte, out []fieldClock) ([]fieldClock, error) {
	prev := ""
	for len(blob) > 0 {
		n := int(blob[0])
		if len(blob) < 1+n {
			return out, errBadClocks
		}
		var c fieldClock
		c.field = string(blob[1 : 1+n])
		blob = blob[1+n:]
		dl, k := binary.Uvarint(blob)
		if k <= 0 || uint64(len(blob)-k) < dl {
			return out, errBadClocks
		}
		blob = blob[k:]
		if dl == 0 {
			c.device = prev
		} else {
			c.device = string(blob[:dl])
			blob = blob[dl:]
			prev = c.device
		}
		if len(blob) < 24 || c.device == "" {
			return out, errBadClocks
		}
		c.hlc = hlc.Timestamp(binary.BigEndian.Uint64(blob))
		c.seq = binary.BigEndian.Uint64(blob[8:])
		c.base = hlc.Timestamp(binary.BigEndian.Uint64(blob[16:]))
		blob = blob[24:]
		out = append(out, c)
	}
	return out, nil
}

const (
	sqlSelectRecordClocks = `SELECT clocks FROM record_clocks WHERE entity = ? AND id = ?`
	sqlUpsertRecordClocks = `INSERT INTO record_clocks(entity, id, clocks) VALUES(?,?,?)
		ON CONFLICT(entity, id) DO UPDATE SET clocks = excluded.clocks`
)

// recordClocks reads the field clocks of one record (none: empty).
func recordClocks(q queryer, entity, id string) ([]fieldClock, error) {
	var blob []byte
	err := q.QueryRow(sqlSelectRecordClocks, entity, id).Scan(&blob)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	cl, err := decodeClocks(blob, nil)
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", entity, id, err)
	}
	return cl, nil
}

// curClocks is the decoded clocks of the record the general apply path is
// working on, written back when another record's turn comes (or at finish).
type curClocks struct {
	entity, id string
	clocks     []fieldClock
	dirty      bool
}

// clockOf returns the clock of one field of the record, loading the record's
// clocks if another record's are held.
func (a *applier) clockOf(entity, id, field string) (fieldClock, bool, error) {
	if err := a.loadClocks(entity, id); err != nil {
		return fieldClock{}, false, err
	}
	for _, c := range a.cur.clocks {
		if c.field == field {
			return c, true, nil
		}
	}
	return fieldClock{}, false, nil
}

// setClock makes c the clock of its field in the record held.
func (a *applier) setClock(entity, id string, c fieldClock) error {
	if err := a.loadClocks(entity, id); err != nil {
		return err
	}
	a.cur.dirty = true
	for i := range a.cur.clocks {
		if a.cur.clocks[i].field == c.field {
			a.cur.clocks[i] = c
			return nil
		}
	}
	a.cur.clocks = append(a.cur.clocks, c)
	return nil
}

func (a *applier) loadClocks(entity, id string) error {
	if a.cur != nil && a.cur.entity == entity && a.cur.id == id {
		return nil
	}
	if err := a.writeClocks(); err != nil {
		return err
	}
	// Clocks of fresh records still queued must be in the table first.
	if err := a.flushClocks(); err != nil {
		return err
	}
	st, err := a.stmt(sqlSelectRecordClocks)
	if err != nil {
		return err
	}
	var blob []byte
	err = st.QueryRow(entity, id).Scan(&blob)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	if a.cur == nil {
		a.cur = &curClocks{}
	}
	a.cur.entity, a.cur.id, a.cur.dirty = entity, id, false
	if a.cur.clocks, err = decodeClocks(blob, a.cur.clocks[:0]); err != nil {
		return fmt.Errorf("%s %s: %w", entity, id, err)
	}
	return nil
}

// writeClocks writes the held record's clocks back if they changed.
func (a *applier) writeClocks() error {
	if a.cur == nil || !a.cur.dirty {
		return nil
	}
	a.cur.dirty = false
	a.noteClocks(a.cur.entity, a.cur.id)
	a.blobBuf = appendClocks(a.blobBuf[:0], a.cur.clocks)
	_, err := a.exec(sqlUpsertRecordClocks, a.cur.entity, a.cur.id, a.blobBuf)
	return err
}

// forgetClocks drops the held record (after writeClocks), so the next
// access reads the table again.
func (a *applier) forgetClocks() {
	if a.cur != nil && !a.cur.dirty {
		a.cur.entity, a.cur.id = "", ""
	}
}
