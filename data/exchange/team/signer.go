package team

import (
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// SignerFile is the device's ed25519 private key (its 32-byte seed), in its
// data folder, readable by its owner only. Its public half is published in
// the device's device.json and in every bundle header it signs.
const SignerFile = "device-signing.key"

// LoadSigner reads the device's signing key from dir, creating it on first
// use.
func LoadSigner(dir string) (ed25519.PrivateKey, error) {
	path := filepath.Join(dir, SignerFile)
	seed, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		seed = make([]byte, ed25519.SeedSize)
		if _, err := rand.Read(seed); err != nil {
			return nil, err
		}
		if err := writePrivate(path, seed); err != nil {
			return nil, err
		}
		return ed25519.NewKeyFromSeed(seed), nil
	}
	if err != nil {
		return nil, err
	}
	if len(seed) != ed25519.SeedSize {
		return nil, fmt.Errorf("team: %s holds %d bytes, not a key", path, len(seed))
	}
	return ed25519.NewKeyFromSeed(seed), nil
}
