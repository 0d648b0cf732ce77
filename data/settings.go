package data

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"eu.ilsa.coach/ilsa/data/changelog"
	"eu.ilsa.coach/ilsa/data/domain"
)

// The store's keys in the local table (the engine keeps its own).
const (
	localAdvisor  = "profile.advisor"
	localOrg      = "profile.organisation"
	localCountry  = "profile.country"
	localInitDone = "profile.done"
)

type queryer interface {
	QueryRow(query string, args ...any) *sql.Row
}

func getLocal(q queryer, key string) (string, error) {
	var v string
	err := q.QueryRow("SELECT value FROM local WHERE key = ?", key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return v, err
}

// Setting reads a device-local setting ("" when unset).
func (s *Store) Setting(key string) (string, error) {
	return getLocal(s.r, "setting."+key)
}

// SetSetting stores a device-local setting (language, theme, window size…).
func (s *Store) SetSetting(key, value string) error {
	return s.eng.WriteLocal(func(tx changelog.LocalTx) error { return tx.SetLocal("setting."+key, value) })
}

// Profile is the advisor using this device. Device-local: it names the
// advisor on new visits but is not itself synced.
type Profile struct {
	Advisor      string
	Organisation string
	Country      domain.Country
	Done         bool // the first-run welcome has been completed
}

// Check checks the profile's texts, which end up in visits and actions
// (the advisor, the owner): each on one line, without control characters.
func (p Profile) Check() error {
	return errors.Join(domain.CheckSingleLine("advisor", strings.TrimSpace(p.Advisor)),
		domain.CheckSingleLine("org", strings.TrimSpace(p.Organisation)))
}

// Profile reads the advisor profile.
func (s *Store) Profile() (Profile, error) {
	var p Profile
	var err error
	get := func(k string) string {
		v, e := getLocal(s.r, k)
		if e != nil && err == nil {
			err = e
		}
		return v
	}
	p.Advisor = get(localAdvisor)
	p.Organisation = get(localOrg)
	p.Country = domain.Country(get(localCountry))
	p.Done = get(localInitDone) == "1"
	return p, err
}

// SetProfile validates and stores the advisor profile.
func (s *Store) SetProfile(p Profile) error {
	p.Advisor = strings.TrimSpace(p.Advisor)
	p.Organisation = strings.TrimSpace(p.Organisation)
	if p.Advisor == "" {
		return invalid("advisor", "required")
	}
	if err := p.Check(); err != nil { // one line each, no control characters
		return err
	}
	if p.Country != "" && !p.Country.Valid() {
		return invalid("country", "country.unknown", "value", string(p.Country))
	}
	err := s.eng.WriteLocal(func(tx changelog.LocalTx) error {
		for k, v := range map[string]string{localAdvisor: p.Advisor, localOrg: p.Organisation, localCountry: string(p.Country), localInitDone: "1"} {
			if err := tx.SetLocal(k, v); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	// The first profile that names a partner stamps this device's older records.
	_, err = s.StampOwnRecords(context.Background())
	return err
}
