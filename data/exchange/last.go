package exchange

import "time"

// LastSync is what this device's last sync did, kept (app/prefs) for the
// Sync and Today screens whoever ran it: the window's automatic sync or
// `ilsa sync`.
type LastSync struct {
	At       time.Time `json:"at"`
	Result   Result    `json:"result"`
	Error    string    `json:"error,omitempty"` // the sentence shown, in the language of the time
	Imported int       `json:"imported"`
	Written  int       `json:"written"`
}

// NewLastSync describes a sync that ended at at with res, and the sentence
// for its error (empty when it succeeded).
func NewLastSync(at time.Time, res Result, errText string) LastSync {
	return LastSync{At: at, Result: res, Error: errText, Imported: len(res.Imported), Written: len(res.Written)}
}
