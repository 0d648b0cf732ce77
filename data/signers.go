package data

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"database/sql"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
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

// signingKeyLocal keeps this device's ed25519 seed in the local table: it
// travels with the device id (a backup restores both; a new database is a
// new device with a new key) and never leaves this computer.
const signingKeyLocal = "sync.signing_key"

// SigningKey is this device's key for signing the bundles it writes,
// made on first use.
func (s *Store) SigningKey() (ed25519.PrivateKey, error) {
	var key ed25519.PrivateKey
	err := s.eng.WriteLocal(func(tx changelog.LocalTx) error {
		var v string
		if err := tx.QueryRow(`SELECT value FROM local WHERE key = ?`, signingKeyLocal).Scan(&v); err == nil {
			seed, err := base64.StdEncoding.DecodeString(v)
			if err != nil || len(seed) != ed25519.SeedSize {
				return fmt.Errorf("data: the device's signing key is damaged")
			}
			key = ed25519.NewKeyFromSeed(seed)
			return nil
		} else if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		seed := make([]byte, ed25519.SeedSize)
		if _, err := rand.Read(seed); err != nil {
			return err
		}
		key = ed25519.NewKeyFromSeed(seed)
		return tx.SetLocal(signingKeyLocal, base64.StdEncoding.EncodeToString(seed))
	})
	return key, err
}
