package hlc

// Counter is the logical part of t.
func (t Timestamp) Counter() uint16 { return uint16(t & 0xffff) }
