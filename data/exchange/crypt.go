package exchange

import (
	"context"
	"crypto/ed25519"
	"path/filepath"

	"filippo.io/age"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/exchange/bundle"
	"eu.ilsa.coach/ilsa/data/exchange/team"
)

// crypt is what a sync knows of the team: the team keys this device holds
// (none before it joined), its signing key (Store.SigningKey, once it
// joined), and the keys
// other devices were first seen signing with.
type crypt struct {
	ring   *team.Keyring
	signer ed25519.PrivateKey
	pins   map[string]data.Signer
}

// KeyDir is where a store's device keeps its team keys:
// its data folder, beside the database (never the shared folder).
func KeyDir(st *data.Store) string { return filepath.Dir(st.Path()) }

// loadCrypt reads the device's team keys (Options.KeyDir, or the
// database's folder), its signing key and the pinned signers.
func loadCrypt(ctx context.Context, st *data.Store, opt Options) (*crypt, error) {
	dir := opt.KeyDir
	if dir == "" {
		dir = KeyDir(st)
	}
	c := &crypt{}
	var err error
	if c.ring, err = team.LoadKeyring(dir); err != nil {
		return nil, err
	}
	if c.ring.Joined() {
		if c.signer, err = st.SigningKey(); err != nil {
			return nil, err
		}
	}
	if c.pins, err = st.Signers(ctx); err != nil {
		return nil, err
	}
	return c, nil
}

// keys opens an encrypted bundle with the team key generation its header
// names, or says why this device cannot.
func (c *crypt) keys(h bundle.Header) (age.Identity, error) {
	switch {
	case c == nil || !c.ring.Joined():
		return nil, bundle.Errorf(bundle.CodeNoKey, "this device has not joined a team")
	case h.Team != c.ring.Team:
		return nil, bundle.Errorf(bundle.CodeOtherTeam, "team %s", h.Team)
	case h.KeyGen > c.ring.Current().Generation:
		return nil, bundle.Errorf(bundle.CodeNewerKey, "key generation %d, this device has %d", h.KeyGen, c.ring.Current().Generation)
	}
	if id := c.ring.Identity(h.KeyGen); id != nil {
		return id, nil
	}
	return nil, bundle.Errorf(bundle.CodeOtherTeam, "key generation %d is not in the team's key file", h.KeyGen)
}

// bundleKeys is keys as a bundle.Keys (nil-safe).
func (c *crypt) bundleKeys() bundle.Keys { return c.keys }

// seal is how this device writes bundles: encrypted to the newest team key
// it holds and signed, once it joined; nil (plain) before.
func (c *crypt) seal() *bundle.Seal {
	if c == nil || !c.ring.Joined() {
		return nil
	}
	k := c.ring.Current()
	return &bundle.Seal{Team: c.ring.Team, KeyGen: k.Generation, Recipient: k.Identity.Recipient(), Signer: c.signer}
}

// publicKey is this device's public signing key ("" before it joined).
func (c *crypt) publicKey() string {
	if c == nil || c.signer == nil {
		return ""
	}
	return bundle.EncodeKey(c.signer.Public().(ed25519.PublicKey))
}

// signerProblem says why a bundle of a device directory is not trusted as
// that device's ("" if it is): signed with another key than the one the
// device was first seen with, or plain where the device signs.
func (c *crypt) signerProblem(h bundle.Header, env byte) string {
	if c == nil {
		return ""
	}
	pin, ok := c.pins[h.Device]
	switch {
	case !ok:
		return ""
	case env == bundle.EnvelopeAge && h.Signer != pin.PublicKey:
		return ReasonSignerChanged
	case env == bundle.EnvelopePlain && h.FirstSeq >= pin.SignedFrom:
		return ReasonUnsigned
	}
	return ""
}

// pin trusts the key a device's sound bundle was signed with, when that
// device has none pinned yet (trust on first use).
func (c *crypt) pin(ctx context.Context, st *data.Store, h bundle.Header) error {
	if c == nil || h.Signer == "" {
		return nil
	}
	if old, ok := c.pins[h.Device]; ok && (old.PublicKey != h.Signer || old.SignedFrom <= h.FirstSeq) {
		return nil
	}
	g := data.Signer{Device: h.Device, PublicKey: h.Signer, SignedFrom: h.FirstSeq}
	if err := st.PinSigner(ctx, g); err != nil {
		return err
	}
	c.pins[h.Device] = g
	return nil
}

// checkDeviceFile reports a device.json that names another signing key
// than the device's bundles were first seen signed with: someone may be
// writing in its name. Its bundles are checked one by one on import.
func (s *syncer) checkDeviceFile(path, device string) {
	pin, ok := s.opt.crypt.pins[device]
	if !ok {
		return
	}
	if di, err := readDeviceInfo(path, nil); err == nil && di.SignKey != "" && di.SignKey != pin.PublicKey {
		s.report(path, ActionQuarantined, ReasonSignerChanged, device)
	}
}
