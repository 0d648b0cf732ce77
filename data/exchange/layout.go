package exchange

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"eu.ilsa.coach/ilsa/data/exchange/bundle"
)

// Where things live inside the shared folder.
const (
	// DevicesDir is the path of the device directories under the shared folder.
	DevicesDir = "ilsa/v1/devices"
	// DeviceFile describes a device directory's owner.
	DeviceFile = "device.json"
	// BundleExt ends every bundle file name.
	BundleExt = ".bundle"
	// tmpPrefix starts the temporary name a bundle is written under.
	tmpPrefix = ".ilsa-"
)

// devicesRoot is <shared>/ilsa/v1/devices.
func devicesRoot(folder string) string { return filepath.Join(folder, filepath.FromSlash(DevicesDir)) }

// BundleName is the file name of a log bundle: the first seq (at least 8
// digits, so names sort in seq order) and the checksum's first 16 hex digits.
func BundleName(firstSeq uint64, sum string) string {
	return fmt.Sprintf("%08d-%s%s", firstSeq, sum[:bundle.HashPrefixLen], BundleExt)
}

var bundleName = regexp.MustCompile(`^([0-9]{8,20})-([0-9a-f]{16})\.bundle$`)

// parsedName is what a valid bundle file name says.
type parsedName struct {
	first uint64
	hash  string // 16 hex digits
}

// parseName reads a file name in a device directory: a bundle name, or the
// reason the file is ignored.
func parseName(name string) (parsedName, string) {
	if m := bundleName.FindStringSubmatch(name); m != nil {
		n, err := strconv.ParseUint(m[1], 10, 64)
		if err == nil && n > 0 {
			return parsedName{first: n, hash: m[2]}, ""
		}
	}
	return parsedName{}, ignoreReason(name)
}

var (
	syncthingConflict = regexp.MustCompile(`\.sync-conflict-[0-9]{8}-[0-9]{6}-[A-Z0-9]{7}`)
	numberedCopy      = regexp.MustCompile(` \([0-9]+\)(\.[^.]*)?$`)
	// OneDrive keeps both sides of a clash as name-HOSTNAME.ext.
	hostCopy = regexp.MustCompile(`^[0-9]{8,20}-[0-9a-f]{16}-[^.]+\.bundle$`)
)

// ignoreReason classifies a name that is not exactly one of ours. Every
// such file is ignored — never read, never deleted — and reported.
func ignoreReason(name string) string {
	lower := strings.ToLower(name)
	switch {
	case lower == "desktop.ini" || lower == ".ds_store" || lower == "thumbs.db" || strings.HasPrefix(name, "._") ||
		lower == ".stfolder" || lower == ".stignore" || lower == ".stversions":
		return ReasonSystemFile
	case strings.HasPrefix(name, ".syncthing.") && strings.HasSuffix(lower, ".tmp"),
		strings.HasPrefix(name, "~") || strings.HasSuffix(lower, ".part") || strings.HasSuffix(lower, ".partial"),
		strings.HasPrefix(name, tmpPrefix):
		return ReasonEngineTemp
	case syncthingConflict.MatchString(name), strings.Contains(lower, "conflicted copy"), strings.Contains(lower, "konfliktkopia"),
		hostCopy.MatchString(name):
		return ReasonEngineConflict
	case numberedCopy.MatchString(name):
		return ReasonCopy
	}
	return ReasonUnknownFile
}
