package changelog

import (
	"fmt"

	"eu.ilsa.coach/ilsa/data/hlc"
)

// Change is one field change: the unit of the change log and of sync.
// (Device, Seq) identifies it everywhere; Seq counts the originating device's
// changes from 1. Value is canonical JSON. Base is the clock of the value the
// author saw when editing (0: none), which tells a concurrent edit from a
// sequential one.
type Change struct {
	Device string        `json:"device"`
	Seq    uint64        `json:"seq"`
	HLC    hlc.Timestamp `json:"hlc"`
	Base   hlc.Timestamp `json:"base"`
	Entity string        `json:"entity"`
	ID     string        `json:"id"`
	Field  string        `json:"field"`
	Value  string        `json:"value"`
}

// MaxSeq is the largest sequence number a change may carry: 2^53−1, far
// beyond what any device writes (a million edits a day for twenty-four
// million years), exact in every JSON reader, and safe from overflow where a
// number one past it is needed. A change numbered beyond it was applied but
// never passed on (the log reads numbers as signed), so devices disagreed
// for ever; such a bundle is refused whole.
const MaxSeq = 1<<53 - 1

// SeqRangeError refuses a change numbered outside 1..MaxSeq.
type SeqRangeError struct {
	Device string
	Seq    uint64
}

func (e *SeqRangeError) Error() string {
	return fmt.Sprintf("change %s/%d: sequence number outside 1..%d", e.Device, e.Seq, uint64(MaxSeq))
}

// wins reports whether change c orders after the current winner (hlc, device,
// seq): last writer wins, ties broken by device id and then sequence number,
// so every device picks the same winner.
func (c Change) wins(h hlc.Timestamp, dev string, seq uint64) bool {
	if c.HLC != h {
		return c.HLC > h
	}
	if c.Device != dev {
		return c.Device > dev
	}
	return c.Seq > seq
}

// ApplyResult counts what an apply did.
type ApplyResult struct {
	Applied    int // changes that won their field
	Superseded int // changes already beaten by a newer value (kept in the log)
	Duplicates int // changes seen before
	Conflicts  int // concurrent edits recorded for review
	Settled    int // open conflicts marked resolved because another device settled them
	Unknown    int // changes for entities or fields this version does not know (kept in the log)
	Refused    int // changes no person could have made here: clocks out of range, invalid values (kept in the log)
	FutureHLC  int // changes stamped too far in the future
}

func (r *ApplyResult) add(o ApplyResult) {
	r.Applied += o.Applied
	r.Superseded += o.Superseded
	r.Duplicates += o.Duplicates
	r.Conflicts += o.Conflicts
	r.Settled += o.Settled
	r.Unknown += o.Unknown
	r.Refused += o.Refused
	r.FutureHLC += o.FutureHLC
}
