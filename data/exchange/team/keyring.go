package team

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"filippo.io/age"
)

// KeyringFile is the device's copy of the team identities, in its data
// folder (never in the shared folder), readable by its owner only.
const KeyringFile = "team-keys.json"

// Key is one generation of the team's key.
type Key struct {
	Generation int
	Identity   *age.X25519Identity
}

// Keyring is what a device that joined a team holds: the team's id and
// every generation of its key it was given, oldest first.
type Keyring struct {
	Team string
	Keys []Key
}

// Joined says whether the device holds any team key (a nil keyring has none).
func (k *Keyring) Joined() bool { return k != nil && len(k.Keys) > 0 }

// Current is the newest generation held: new bundles are encrypted to it.
func (k *Keyring) Current() Key { return k.Keys[len(k.Keys)-1] }

// Identity is the identity of generation gen, or nil.
func (k *Keyring) Identity(gen int) *age.X25519Identity {
	if !k.Joined() {
		return nil
	}
	for _, key := range k.Keys {
		if key.Generation == gen {
			return key.Identity
		}
	}
	return nil
}

// keyringJSON is the keyring on disk.
type keyringJSON struct {
	Format int               `json:"format"`
	Team   string            `json:"team"`
	Keys   map[string]string `json:"keys"` // generation → AGE-SECRET-KEY-1…
}

// LoadKeyring reads the keyring in dir; (nil, nil) when the device has not
// joined a team.
func LoadKeyring(dir string) (*Keyring, error) {
	b, err := os.ReadFile(filepath.Join(dir, KeyringFile))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var kj keyringJSON
	if err := json.Unmarshal(b, &kj); err != nil {
		return nil, fmt.Errorf("team: %s: %w", KeyringFile, err)
	}
	return parseKeys(kj.Team, kj.Keys)
}

// parseKeys turns generation → secret key text into a Keyring.
func parseKeys(teamID string, keys map[string]string) (*Keyring, error) {
	if teamID == "" || len(keys) == 0 {
		return nil, errors.New("team: a key file without a team or keys")
	}
	k := &Keyring{Team: teamID}
	for g, s := range keys {
		gen, err := strconv.Atoi(g)
		if err != nil || gen < 1 {
			return nil, fmt.Errorf("team: key generation %q", g)
		}
		id, err := age.ParseX25519Identity(strings.TrimSpace(s))
		if err != nil {
			return nil, fmt.Errorf("team: key %d: %w", gen, err)
		}
		k.Keys = append(k.Keys, Key{gen, id})
	}
	sortKeys(k.Keys)
	return k, nil
}

func sortKeys(keys []Key) {
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && keys[j].Generation < keys[j-1].Generation; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
}

func (k *Keyring) json() keyringJSON {
	kj := keyringJSON{Format: 1, Team: k.Team, Keys: map[string]string{}}
	for _, key := range k.Keys {
		kj.Keys[strconv.Itoa(key.Generation)] = key.Identity.String()
	}
	return kj
}

// Save writes the keyring into dir, mode 0600, through a temporary file and
// a rename, so a crash leaves the old keyring or the new one.
func (k *Keyring) Save(dir string) error {
	b, err := json.MarshalIndent(k.json(), "", "  ")
	if err != nil {
		return err
	}
	return writePrivate(filepath.Join(dir, KeyringFile), b)
}

// writePrivate writes a secret file readable by its owner only (0600),
// through a temporary file and a rename. (atomicfile makes files readable
// by colleagues, which is right for bundles and wrong here.)
func writePrivate(path string, b []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".ilsa-key-*.tmp") // created 0600
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, err = f.Write(b)
	if err == nil {
		err = f.Chmod(0o600)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}
