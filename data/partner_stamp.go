package data

import (
	"context"

	"eu.ilsa.coach/ilsa/data/changelog"
	"eu.ilsa.coach/ilsa/data/domain"
)

// The project partner on visits and joint actions (migration 0028): a new
// record takes the partner organisation and country of this device's
// profile, and records from before partners were kept are stamped once, by
// the device that recorded them, through the change log so the stamp
// reaches every device. Only the recording device can stamp a record: the
// profile is device-local, and a colleague's record stamped with this
// device's partner would be reported under the wrong partner.

// localPartnerStamped marks that this device has stamped its older records.
const localPartnerStamped = "profile.partner_stamped"

// profilePartner is the partner and side new records take: the profile's
// organisation and country.
func (s *Store) profilePartner() (string, domain.Country) {
	p, err := s.Profile()
	if err != nil {
		return "", ""
	}
	return p.Organisation, p.Country
}

// stampNew gives a new record without a partner and side the profile's.
func (s *Store) stampNew(partner *string, side *domain.Country) {
	if *partner == "" && *side == "" {
		*partner, *side = s.profilePartner()
	}
}

// StampOwnRecords stamps the visits and joint actions this device recorded
// that name no partner and no side with the profile's partner organisation
// and country, once: afterwards a record left without a partner is left so
// (the advisor cleared it, or it came in without one). It does nothing
// while the profile names neither, and returns the number of records
// stamped. A record's recording device is the device of its created_at
// change in this device's log.
func (s *Store) StampOwnRecords(ctx context.Context) (int, error) {
	if s.ReadOnly() {
		return 0, nil
	}
	if done, err := getLocal(s.r, localPartnerStamped); err != nil || done == "1" {
		return 0, err
	}
	partner, side := s.profilePartner()
	if partner == "" && side == "" {
		return 0, nil
	}
	device := s.eng.DeviceID()
	n := 0
	_, err := s.eng.CommitLocal(ctx, func(tx changelog.ReadTx) ([]changelog.Edit, error) {
		var edits []changelog.Edit
		for _, entity := range []string{domain.EntityVisit, domain.EntityJoint} {
			rows, err := tx.Query(`SELECT r.id FROM `+changelog.Table(entity)+` r
				JOIN (SELECT DISTINCT id FROM changes WHERE device = ? AND entity = ? AND field = 'created_at') c ON c.id = r.id
				WHERE r.partner = '' AND r.side = ''`, device, entity)
			if err != nil {
				return nil, err
			}
			for rows.Next() {
				var id string
				if err := rows.Scan(&id); err != nil {
					rows.Close()
					return nil, err
				}
				n++
				if partner != "" {
					edits = append(edits, changelog.Edit{Entity: entity, ID: id, Field: "partner", Value: partner})
				}
				if side != "" {
					edits = append(edits, changelog.Edit{Entity: entity, ID: id, Field: "side", Value: string(side)})
				}
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return nil, err
			}
		}
		return edits, nil
	})
	if err != nil {
		return 0, err
	}
	return n, s.eng.WriteLocal(func(tx changelog.LocalTx) error { return tx.SetLocal(localPartnerStamped, "1") })
}
