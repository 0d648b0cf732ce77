// Package bundle reads and writes ILSA Coach bundle files: a versioned,
// compressed, checksummed stream of change-log entries, the unit that
// travels through a shared folder, an e-mail or a USB stick. The format is
// specified in docs/sync.md; Reader and Writer stream, so memory stays flat
// however large a bundle is.
package bundle
