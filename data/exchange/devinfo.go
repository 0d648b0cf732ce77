package exchange

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"io"
	"os"
	"path/filepath"

	"filippo.io/age"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/atomicfile"
	"eu.ilsa.coach/ilsa/data/exchange/bundle"
	"eu.ilsa.coach/ilsa/data/exchange/team"
	"eu.ilsa.coach/ilsa/data/internal/regular"
)

// DeviceInfo is device.json: who writes a device directory. Once the device
// joined a team, the names (advisor, organisation) travel only inside Sealed,
// encrypted to the team key, beside the team, key generation and the
// device's public signing key.
type DeviceInfo struct {
	Format       int    `json:"format"`
	Device       string `json:"device"`
	Advisor      string `json:"advisor"`
	Organisation string `json:"organisation"`
	App          string `json:"app"`
	Team         string `json:"team,omitempty"`
	KeyGen       int    `json:"key_gen,omitempty"`
	SignKey      string `json:"sign_key,omitempty"`
	// Sealed is the base64 of an age file (to the team key KeyGen) holding
	// {"advisor": …, "organisation": …}.
	Sealed string `json:"sealed,omitempty"`
}

// names is what Sealed holds.
type names struct {
	Advisor      string `json:"advisor"`
	Organisation string `json:"organisation"`
}

// writeDeviceInfo writes device.json when its content changed (temp, rename).
func writeDeviceInfo(st *data.Store, folder, device string, opt Options) error {
	p, err := st.Profile()
	if err != nil {
		return err
	}
	want := DeviceInfo{Format: bundle.Version, Device: device, Advisor: p.Advisor, Organisation: p.Organisation, App: opt.App}
	dir := filepath.Join(devicesRoot(folder), device)
	path := filepath.Join(dir, DeviceFile)
	if seal := opt.crypt.seal(); seal != nil {
		want = DeviceInfo{Format: bundle.Version, Device: device, App: opt.App, Team: seal.Team, KeyGen: seal.KeyGen,
			SignKey: opt.crypt.publicKey()}
		// The ciphertext differs at every write: compare what it holds.
		if old, err := readDeviceInfo(path, opt.crypt.ring); err == nil && old == (DeviceInfo{Format: want.Format, Device: device,
			Advisor: p.Advisor, Organisation: p.Organisation, App: opt.App, Team: seal.Team, KeyGen: seal.KeyGen,
			SignKey: want.SignKey, Sealed: old.Sealed}) {
			return nil
		}
		if want.Sealed, err = sealNames(names{p.Advisor, p.Organisation}, seal.Recipient); err != nil {
			return err
		}
	}
	b, err := json.MarshalIndent(want, "", "  ")
	if err != nil {
		return err
	}
	b = append(b, '\n')
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, b) {
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return unwritable(dir, err)
	}
	out, err := atomicfile.New(dir, tmpPrefix+"*.tmp", opt.CreateTemp)
	if err != nil {
		return unwritable(dir, err)
	}
	defer out.Discard()
	if _, err := out.Write(b); err != nil {
		return unwritable(dir, err)
	}
	if err := out.Commit(path); err != nil {
		return unwritable(dir, err)
	}
	return nil
}

func sealNames(n names, r age.Recipient) (string, error) {
	plain, err := json.Marshal(n)
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	w, err := age.Encrypt(&buf, r)
	if err != nil {
		return "", err
	}
	w.Write(plain)
	if err := w.Close(); err != nil {
		return "", err
	}
	return base64.StdEncoding.EncodeToString(buf.Bytes()), nil
}

// ReadDeviceInfo reads a device directory's device.json (for the Sync
// screen). keyDir "" reads no keys. Sealed names are opened with the team keys in keyDir when this
// device holds the generation they were sealed with; otherwise they stay
// empty.
func ReadDeviceInfo(folder, keyDir, device string) (DeviceInfo, error) {
	var ring *team.Keyring
	if keyDir != "" {
		// Without the keys the names stay unknown; the rest still reads.
		ring, _ = team.LoadKeyring(keyDir)
	}
	return readDeviceInfo(filepath.Join(devicesRoot(folder), device, DeviceFile), ring)
}

func readDeviceInfo(path string, ring *team.Keyring) (DeviceInfo, error) {
	var d DeviceInfo
	f, err := regular.Open(path)
	if err != nil {
		return d, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, 64<<10)) // a few hundred bytes when written by us
	if err != nil {
		return d, err
	}
	if err := json.Unmarshal(b, &d); err != nil {
		return d, err
	}
	if d.Sealed != "" {
		d.Advisor, d.Organisation = "", "" // only sealed names count once sealed
		if id := ring.Identity(d.KeyGen); id != nil && d.Team == ring.Team {
			if n, err := openNames(d.Sealed, id); err == nil {
				d.Advisor, d.Organisation = n.Advisor, n.Organisation
			}
		}
	}
	return d, nil
}

func openNames(sealed string, id age.Identity) (names, error) {
	var n names
	ct, err := base64.StdEncoding.DecodeString(sealed)
	if err != nil {
		return n, err
	}
	r, err := age.Decrypt(bytes.NewReader(ct), id)
	if err != nil {
		return n, err
	}
	plain, err := io.ReadAll(io.LimitReader(r, 64<<10))
	if err != nil {
		return n, err
	}
	err = json.Unmarshal(plain, &n)
	return n, err
}
