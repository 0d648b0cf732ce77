package exchange

import (
	"encoding/json"
	"time"
)

// LastSync is what this device's last sync did, kept for the Sync and
// Today screens whoever ran it: the window's automatic sync or `ilsa sync`.
type LastSync struct {
	At       time.Time `json:"at"`
	Result   Result    `json:"result"`
	Error    string    `json:"error,omitempty"` // the sentence shown, in the language of the time
	Imported int       `json:"imported"`
	Written  int       `json:"written"`
}

// settingLast is the device-local setting that holds the LastSync as JSON.
const settingLast = "sync.last"

// Settings reads and writes device-local settings (data.Store does).
type Settings interface {
	Setting(key string) (string, error)
	SetSetting(key, value string) error
}

// NewLastSync describes a sync that ended at at with res, and the sentence
// for its error (empty when it succeeded).
func NewLastSync(at time.Time, res Result, errText string) LastSync {
	return LastSync{At: at, Result: res, Error: errText, Imported: len(res.Imported), Written: len(res.Written)}
}

// SaveLast remembers l as the last sync.
func SaveLast(st Settings, l LastSync) error {
	b, err := json.Marshal(l)
	if err != nil {
		return err
	}
	return st.SetSetting(settingLast, string(b))
}

// ReadLast is the last sync remembered, or nil when there was none (or
// what was kept cannot be read: then the screens show no last sync).
func ReadLast(st Settings) *LastSync {
	raw, _ := st.Setting(settingLast)
	if raw == "" {
		return nil
	}
	var l LastSync
	if json.Unmarshal([]byte(raw), &l) != nil {
		return nil
	}
	return &l
}
