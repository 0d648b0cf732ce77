package data

import (
	"context"
	"encoding/json"
	"strings"

	"eu.ilsa.coach/ilsa/data/changelog"
)

// Signer is the signing key a device's bundles were first seen signed with
// (trust on first use, docs/sync.md "Signatures"), and the lowest seq seen
// signed: that device writes no plain bundle after it. Kept in the local
// table: what this device trusts is its own, not synced.
type Signer struct {
	Device     string `json:"-"`
	PublicKey  string `json:"key"`
	SignedFrom uint64 `json:"from"`
}

const signerKey = "sync.signer."

// Signers lists the pinned signing keys, by device.
func (s *Store) Signers(ctx context.Context) (map[string]Signer, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT key, value FROM local WHERE key >= ? AND key < ?`, signerKey, signerKey+"\xff")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]Signer{}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return nil, err
		}
		var g Signer
		if json.Unmarshal([]byte(v), &g) != nil {
			continue
		}
		g.Device = strings.TrimPrefix(k, signerKey)
		out[g.Device] = g
	}
	return out, rows.Err()
}

// PinSigner records device's signing key when none is pinned yet, and
// lowers its SignedFrom when the key is the pinned one. A different key
// never replaces the pinned one.
func (s *Store) PinSigner(ctx context.Context, g Signer) error {
	return s.eng.WriteLocal(func(tx changelog.LocalTx) error {
		var v string
		if err := tx.QueryRow(`SELECT value FROM local WHERE key = ?`, signerKey+g.Device).Scan(&v); err == nil {
			var old Signer
			if json.Unmarshal([]byte(v), &old) == nil && (old.PublicKey != g.PublicKey || old.SignedFrom <= g.SignedFrom) {
				return nil
			}
		}
		b, err := json.Marshal(g)
		if err != nil {
			return err
		}
		_, err = tx.Exec(`INSERT INTO local(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
			signerKey+g.Device, string(b))
		return err
	})
}
