package syncsvc

import (
	"context"

	"eu.ilsa.coach/ilsa/data/exchange"
	"eu.ilsa.coach/ilsa/data/exchange/team"
)

// The team of the shared folder: the Sync screen's Team section. The keys
// live in this device's data folder (exchange.KeyDir), the wrapped team
// keys in the shared folder.

// TeamStatus reads the shared folder's team and its members.
func (s *Service) TeamStatus() (exchange.TeamStatus, error) {
	folder := s.Folder()
	if folder == "" {
		return exchange.TeamStatus{Devices: []exchange.TeamDevice{}}, nil
	}
	signers, err := s.st.Signers(context.Background())
	if err != nil {
		return exchange.TeamStatus{}, err
	}
	pinned := make(map[string]string, len(signers))
	for d, g := range signers {
		pinned[d] = g.PublicKey
	}
	return exchange.ReadTeamStatus(folder, s.keyDir(), s.st.DeviceID(), pinned)
}

// CreateTeam makes a team for the shared folder with passphrase.
func (s *Service) CreateTeam(passphrase string) error {
	if err := s.CheckFolder(s.Folder()); err != nil {
		return err
	}
	_, err := team.Create(s.Folder(), s.keyDir(), passphrase, s.opt.Now())
	return err
}

// JoinTeam joins (or joins again) the shared folder's team.
func (s *Service) JoinTeam(passphrase string) error {
	if err := s.CheckFolder(s.Folder()); err != nil {
		return err
	}
	_, err := team.Join(s.Folder(), s.keyDir(), passphrase)
	return err
}

// RotateTeam adds a new team key, wrapped with a new passphrase.
func (s *Service) RotateTeam(passphrase string) error {
	if err := s.CheckFolder(s.Folder()); err != nil {
		return err
	}
	_, err := team.Rotate(s.Folder(), s.keyDir(), passphrase, s.opt.Now())
	return err
}

// Erasures says, for every erasure this device has applied, on how many of
// the shared folder's devices it is complete.
func (s *Service) Erasures() ([]exchange.ErasureState, error) {
	return exchange.ErasureStates(context.Background(), s.st, s.Folder())
}
