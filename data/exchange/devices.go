package exchange

import (
	"io/fs"
	"path/filepath"
	"sort"
	"strings"

	"eu.ilsa.coach/ilsa/data/changelog"
)

// AdvisorOf names the advisor of device from its device.json in the shared
// folder ("" when unknown, or sealed with a team key this device, whose
// keys are in keyDir, does not hold). A clone's changes are named by the
// installation they came from.
func AdvisorOf(folder, keyDir, device string) string {
	info, err := ReadDeviceInfo(folder, keyDir, changelog.OriginalDevice(device))
	if err != nil {
		return ""
	}
	return strings.TrimSpace(info.Advisor)
}

// BundleFiles lists the bundle files under dir and its subfolders, in name
// order: a project lead's folder of colleagues' exports, a USB stick. An
// unreadable subfolder is skipped and the rest listed; hidden files (a sync
// engine's temporary ones) are left out.
func BundleFiles(dir string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if !e.IsDir() && strings.HasSuffix(e.Name(), BundleExt) && !strings.HasPrefix(e.Name(), ".") {
			out = append(out, p)
		}
		return nil
	})
	sort.Strings(out)
	return out, err
}
