package changelog

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
// The blob has two forms. The first, written by migration 0010, is a
// sequence of entries, one per field:
//
//	u8 len(field), field bytes,
//	uvarint len(device), device bytes   (length 0: the previous entry's device),
//	8 bytes hlc, 8 bytes seq, 8 bytes base   (big-endian)
//
// The second, which every write since uses, starts with a 0 byte (a field
// name is never empty, so the first form never does) and stores the numbers
// as differences, which for a record made by one device in one sitting are
// a byte each; it is under half the size, which an import of a colleague's
// hundred thousand records feels in every page it writes:
//
//	0, then per field:
//	u8 len(field), field bytes,
//	u8 flags (1: a device follows; 2: base is 0),
//	[uvarint len(device), device bytes]   (without flag 1: the previous entry's),
//	varint (hlc − previous entry's hlc), varint (seq − previous entry's seq),
//	[varint (hlc − base)]   (without flag 2)
//
// Varints are zigzag, differences wrap around 64 bits, "previous" starts at
// 0 and "" (the first entry carries flag 1). Entries are in no particular
// order; a field appears at most once.

// fieldClock is the winning change of one field.
type fieldClock struct {
	field  string
	hlc    hlc.Timestamp
	device string
	seq    uint64
	base   hlc.Timestamp
}

// appendClocks encodes clocks onto b, in the second form.
func appendClocks(b []byte, clocks []fieldClock) []byte {
	b = append(b, 0)
	prevDev := ""
	var prevHLC, prevSeq uint64
	for _, c := range clocks {
		b = append(b, byte(len(c.field)))
		b = append(b, c.field...)
		var flags byte
		if c.device != prevDev || prevDev == "" {
			flags |= clockNewDevice
		}
		if c.base == 0 {
			flags |= clockZeroBase
		}
		b = append(b, flags)
		if flags&clockNewDevice != 0 {
			b = binary.AppendUvarint(b, uint64(len(c.device)))
			b = append(b, c.device...)
			prevDev = c.device
		}
		b = binary.AppendVarint(b, int64(uint64(c.hlc)-prevHLC))
		b = binary.AppendVarint(b, int64(c.seq-prevSeq))
		if flags&clockZeroBase == 0 {
			b = binary.AppendVarint(b, int64(uint64(c.hlc)-uint64(c.base)))
		}
		prevHLC, prevSeq = uint64(c.hlc), c.seq
	}
	return b
}

// Flags of an entry in the second form.
const (
	clockNewDevice = 1
	clockZeroBase  = 2
)

var errBadClocks = errors.New("record_clocks: damaged entry")

// decodeClocks appends the entries of blob (either form) to out.
func decodeClocks(blob []byte, out []fieldClock) ([]fieldClock, error) {
	if len(blob) > 0 && blob[0] == 0 {
		return decodeClocksDelta(blob[1:], out)
	}
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

// decodeClocksDelta decodes the entries of the second form.
func decodeClocksDelta(blob []byte, out []fieldClock) ([]fieldClock, error) {
	prevDev := ""
	var prevHLC, prevSeq uint64
	varint := func() (int64, bool) {
		v, k := binary.Varint(blob)
		if k <= 0 {
			return 0, false
		}
		blob = blob[k:]
		return v, true
	}
	for len(blob) > 0 {
		n := int(blob[0])
		if n == 0 || len(blob) < 2+n {
			return out, errBadClocks
		}
		var c fieldClock
		c.field = string(blob[1 : 1+n])
		flags := blob[1+n]
		blob = blob[2+n:]
		if flags&^(clockNewDevice|clockZeroBase) != 0 {
			return out, errBadClocks
		}
		if flags&clockNewDevice != 0 {
			dl, k := binary.Uvarint(blob)
			if k <= 0 || dl == 0 || uint64(len(blob)-k) < dl {
				return out, errBadClocks
			}
			prevDev = string(blob[k : k+int(dl)])
			blob = blob[k+int(dl):]
		}
		if prevDev == "" {
			return out, errBadClocks
		}
		c.device = prevDev
		dh, ok1 := varint()
		ds, ok2 := varint()
		if !ok1 || !ok2 {
			return out, errBadClocks
		}
		prevHLC += uint64(dh)
		prevSeq += uint64(ds)
		c.hlc, c.seq = hlc.Timestamp(prevHLC), prevSeq
		if flags&clockZeroBase == 0 {
			db, ok := varint()
			if !ok {
				return out, errBadClocks
			}
			c.base = hlc.Timestamp(prevHLC - uint64(db))
		}
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
func recordClocks(q Queryer, entity, id string) ([]fieldClock, error) {
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

// FieldClock is the clock of the value one field of a record holds now (0
// when the field was never written).
func FieldClock(q Queryer, entity, id, field string) (hlc.Timestamp, error) {
	cl, err := recordClocks(q, entity, id)
	for _, c := range cl {
		if c.field == field {
			return c.hlc, err
		}
	}
	return 0, err
}

// SeenClock is the newest field clock of a record: the clock of the record
// as its reader saw it (a form's Meta.Seen).
func SeenClock(q Queryer, entity, id string) hlc.Timestamp {
	cl, _ := recordClocks(q, entity, id)
	var h hlc.Timestamp
	for _, c := range cl {
		h = max(h, c.hlc)
	}
	return h
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
