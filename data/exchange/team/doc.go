// Package team holds a team's encryption keys: the key file a project lead
// puts into the shared folder (every generation of the team's age X25519
// identity, wrapped by the team passphrase with age scrypt) and the copy
// each device keeps unwrapped in its own data folder. It never reads or
// writes bundles (data/exchange/bundle does).
package team
