package team

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"
	"unicode/utf8"

	"filippo.io/age"
	"github.com/google/uuid"

	"eu.ilsa.coach/ilsa/data/atomicfile"
	"eu.ilsa.coach/ilsa/data/internal/regular"
)

// Where a team's files live in the shared folder (beside the device
// directories, see docs/sync.md "Encrypted bundles").
const (
	Dir      = "ilsa/v1/team"
	InfoFile = "team.json" // plain: which team, which generation; informational
	KeysFile = "keys.age"  // every generation's identity, wrapped by the passphrase
)

// MinPassphrase is the shortest passphrase create and rotate accept.
const MinPassphrase = 8

// ScryptWorkFactor is the scrypt cost (log2 N) of wrapping the keys: about
// a second on a laptop, once per join. Tests lower it.
var ScryptWorkFactor = 18

// maxFile bounds what is read of a team file: ours are a few KiB.
const maxFile = 1 << 20

// Info is team.json: which team a folder belongs to and its newest key
// generation. It is plain and anyone with the folder could replace it, so
// it is only ever shown: a device encrypts to the keys it unwrapped itself.
type Info struct {
	Format     int       `json:"format"`
	Team       string    `json:"team"`
	Generation int       `json:"generation"`
	Recipient  string    `json:"recipient"`
	Created    time.Time `json:"created"`
}

func teamDir(folder string) string { return filepath.Join(folder, filepath.FromSlash(Dir)) }

// ReadInfo reads the folder's team.json; an *Error CodeNoTeam when the
// folder has no team.
func ReadInfo(folder string) (Info, error) {
	var in Info
	b, err := readSmall(filepath.Join(teamDir(folder), InfoFile))
	if errors.Is(err, fs.ErrNotExist) {
		return in, &Error{Code: CodeNoTeam, Path: folder}
	}
	if err != nil {
		return in, err
	}
	if err := json.Unmarshal(b, &in); err != nil || in.Team == "" || in.Generation < 1 {
		return in, &Error{Code: CodeDamaged, Path: filepath.Join(teamDir(folder), InfoFile), Err: err}
	}
	return in, nil
}

func readSmall(path string) ([]byte, error) {
	f, err := regular.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, maxFile))
}

// Create makes a new team for folder: a first key generation, wrapped by
// passphrase into the folder, and kept unwrapped in keyDir (this device is
// its first member).
func Create(folder, keyDir, passphrase string, now time.Time) (*Keyring, error) {
	if err := checkPassphrase(passphrase); err != nil {
		return nil, err
	}
	if _, err := os.Stat(filepath.Join(teamDir(folder), KeysFile)); err == nil {
		return nil, &Error{Code: CodeTeamExists, Path: folder}
	}
	if k, err := LoadKeyring(keyDir); err != nil {
		return nil, err
	} else if k.Joined() {
		return nil, &Error{Code: CodeOtherTeam, Path: folder}
	}
	id, err := age.GenerateX25519Identity()
	if err != nil {
		return nil, err
	}
	k := &Keyring{Team: uuid.NewString(), Keys: []Key{{1, id}}}
	if err := publish(folder, k, passphrase, now); err != nil {
		return nil, err
	}
	return k, k.Save(keyDir)
}

// Join unwraps the folder's team keys with passphrase and keeps them in
// keyDir. A wrong passphrase changes nothing. Joining again adds the
// generations made since (a rotation); the ones held stay.
func Join(folder, keyDir, passphrase string) (*Keyring, error) {
	in, err := ReadInfo(folder)
	if err != nil {
		return nil, err
	}
	k, err := unwrap(folder, passphrase)
	if err != nil {
		return nil, err
	}
	if k.Team != in.Team {
		return nil, &Error{Code: CodeDamaged, Path: filepath.Join(teamDir(folder), InfoFile)}
	}
	held, err := LoadKeyring(keyDir)
	if err != nil {
		return nil, err
	}
	if held.Joined() {
		if held.Team != k.Team {
			return nil, &Error{Code: CodeOtherTeam, Path: folder}
		}
		for _, key := range held.Keys {
			if k.Identity(key.Generation) == nil {
				k.Keys = append(k.Keys, key)
			}
		}
		sortKeys(k.Keys)
	}
	return k, k.Save(keyDir)
}

// Rotate adds a new key generation, wrapped with a new passphrase (the
// member who left knew the old one). New bundles use it; the older
// generations stay in the key file so members still read old bundles.
// This device must hold the folder's newest generation.
func Rotate(folder, keyDir, passphrase string, now time.Time) (*Keyring, error) {
	if err := checkPassphrase(passphrase); err != nil {
		return nil, err
	}
	in, err := ReadInfo(folder)
	if err != nil {
		return nil, err
	}
	k, err := LoadKeyring(keyDir)
	switch {
	case err != nil:
		return nil, err
	case !k.Joined():
		return nil, &Error{Code: CodeNotJoined, Path: folder}
	case k.Team != in.Team:
		return nil, &Error{Code: CodeOtherTeam, Path: folder}
	case k.Current().Generation < in.Generation:
		return nil, &Error{Code: CodeNotCurrent, Path: folder}
	}
	id, err := age.GenerateX25519Identity()
	if err != nil {
		return nil, err
	}
	k.Keys = append(k.Keys, Key{k.Current().Generation + 1, id})
	if err := publish(folder, k, passphrase, now); err != nil {
		return nil, err
	}
	return k, k.Save(keyDir)
}

func checkPassphrase(p string) error {
	if utf8.RuneCountInString(p) < MinPassphrase {
		return &Error{Code: CodeShortPassphrase}
	}
	return nil
}

// publish writes the wrapped keys, then team.json, into the folder.
func publish(folder string, k *Keyring, passphrase string, now time.Time) error {
	r, err := age.NewScryptRecipient(passphrase)
	if err != nil {
		return err
	}
	r.SetWorkFactor(ScryptWorkFactor)
	plain, err := json.Marshal(k.json())
	if err != nil {
		return err
	}
	var wrapped bytes.Buffer
	w, err := age.Encrypt(&wrapped, r)
	if err != nil {
		return err
	}
	w.Write(plain)
	if err := w.Close(); err != nil {
		return err
	}
	dir := teamDir(folder)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := atomicfile.WriteFile(filepath.Join(dir, KeysFile), wrapped.Bytes()); err != nil {
		return err
	}
	info, err := json.MarshalIndent(Info{Format: 1, Team: k.Team, Generation: k.Current().Generation,
		Recipient: k.Current().Identity.Recipient().String(), Created: now.UTC()}, "", "  ")
	if err != nil {
		return err
	}
	return atomicfile.WriteFile(filepath.Join(dir, InfoFile), append(info, '\n'))
}

// unwrap opens the folder's key file with passphrase.
func unwrap(folder, passphrase string) (*Keyring, error) {
	path := filepath.Join(teamDir(folder), KeysFile)
	b, err := readSmall(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, &Error{Code: CodeNoTeam, Path: folder}
	}
	if err != nil {
		return nil, err
	}
	id, err := age.NewScryptIdentity(passphrase)
	if err != nil {
		return nil, &Error{Code: CodeWrongPassphrase, Err: err}
	}
	r, err := age.Decrypt(bytes.NewReader(b), id)
	if err != nil {
		var nomatch *age.NoIdentityMatchError
		if errors.As(err, &nomatch) {
			return nil, &Error{Code: CodeWrongPassphrase}
		}
		return nil, &Error{Code: CodeDamaged, Path: path, Err: err}
	}
	plain, err := io.ReadAll(io.LimitReader(r, maxFile))
	if err != nil {
		return nil, &Error{Code: CodeDamaged, Path: path, Err: err}
	}
	var kj keyringJSON
	if err := json.Unmarshal(plain, &kj); err != nil {
		return nil, &Error{Code: CodeDamaged, Path: path, Err: err}
	}
	k, err := parseKeys(kj.Team, kj.Keys)
	if err != nil {
		return nil, &Error{Code: CodeDamaged, Path: path, Err: fmt.Errorf("%w", err)}
	}
	return k, nil
}
