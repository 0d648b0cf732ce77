// Package exchange exchanges change-log bundles through a shared folder (kept in
// step by Syncthing, Nextcloud, OneDrive, Dropbox, an SMB share or a USB
// stick) and through single files for e-mail: it writes this device's new
// changes into its own directory and imports every bundle it has not seen,
// each in one transaction. The protocol is specified in docs/sync.md.
// (It was data/sync, which shadowed the standard library's package.)
package exchange
