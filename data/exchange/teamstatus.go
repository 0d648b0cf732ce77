package exchange

import (
	"errors"
	"os"
	"path/filepath"
	"sort"

	"eu.ilsa.coach/ilsa/data/exchange/team"
)

// TeamStatus is what `ilsa team status` and the Sync screen show: the
// folder's team, whether this device holds its keys, and who is a member.
type TeamStatus struct {
	// Team is the folder's team id ("" when the folder has none).
	Team string `json:"team"`
	// Generation is the newest key generation the folder's team.json names.
	Generation int `json:"generation"`
	// Joined says this device holds keys of the folder's team, Held the
	// newest generation it holds (0: none). Held < Generation: join again.
	Joined bool `json:"joined"`
	Held   int  `json:"held_generation"`
	// OtherTeam says this device joined another team than the folder's.
	OtherTeam bool         `json:"other_team,omitempty"`
	Devices   []TeamDevice `json:"devices"`
}

// TeamDevice is one device directory of the folder, as its device.json
// describes it.
type TeamDevice struct {
	Device  string `json:"device"`
	Advisor string `json:"advisor"`
	// Member says the device's device.json names the folder's team; KeyGen
	// is the key generation it writes with.
	Member bool `json:"member"`
	KeyGen int  `json:"key_gen,omitempty"`
	This   bool `json:"this_device,omitempty"`
	// SignerChanged says its device.json names another signing key than
	// its bundles were first seen signed with (see Sync).
	SignerChanged bool `json:"signer_changed,omitempty"`
}

// ReadTeamStatus reads the folder's team and device.json files, opening
// sealed names with the keys in keyDir. thisDevice marks this device;
// pinned are the signing keys trusted so far (Store.Signers), may be nil.
func ReadTeamStatus(folder, keyDir, thisDevice string, pinned map[string]string) (TeamStatus, error) {
	st := TeamStatus{Devices: []TeamDevice{}}
	if err := CheckFolder(folder); err != nil {
		return st, err
	}
	info, err := team.ReadInfo(folder)
	if err != nil && !errors.Is(err, team.ErrNoTeam) {
		return st, err
	}
	st.Team, st.Generation = info.Team, info.Generation
	ring, err := team.LoadKeyring(keyDir)
	if err != nil {
		return st, err
	}
	if ring.Joined() {
		st.Joined = ring.Team == st.Team
		st.OtherTeam = st.Team != "" && !st.Joined
		if st.Joined {
			st.Held = ring.Current().Generation
		}
	}
	dirs, _ := os.ReadDir(devicesRoot(folder))
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		di, err := readDeviceInfo(filepath.Join(devicesRoot(folder), d.Name(), DeviceFile), ring)
		if err != nil || di.Device != d.Name() {
			continue // no device.json yet, or not this directory's
		}
		td := TeamDevice{Device: d.Name(), Advisor: di.Advisor, This: d.Name() == thisDevice}
		if st.Team != "" && di.Team == st.Team {
			td.Member, td.KeyGen = true, di.KeyGen
		}
		if key, ok := pinned[d.Name()]; ok && di.SignKey != "" && key != di.SignKey {
			td.SignerChanged = true
		}
		st.Devices = append(st.Devices, td)
	}
	sort.Slice(st.Devices, func(i, j int) bool {
		a, b := st.Devices[i], st.Devices[j]
		if a.Member != b.Member {
			return a.Member
		}
		if a.Advisor != b.Advisor {
			return a.Advisor < b.Advisor
		}
		return a.Device < b.Device
	})
	return st, nil
}
