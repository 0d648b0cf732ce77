package team

import "errors"

// Error is a team operation the user asked for that cannot be done; its
// code names the sentence (messageKeys).
type Error struct {
	Code string
	Path string
	Err  error // the cause, if any
}

// Codes of Error.
const (
	CodeWrongPassphrase = "wrong_passphrase" // the passphrase does not open the team's key file
	CodeNoTeam          = "no_team"          // the folder has no team
	CodeTeamExists      = "team_exists"      // create: the folder has a team already
	CodeOtherTeam       = "other_team"       // the folder's team is not the one this device joined
	CodeNotJoined       = "not_joined"       // rotate: this device holds no key of the folder's team
	CodeNotCurrent      = "not_current"      // rotate: the folder has a newer key than this device
	CodeDamaged         = "damaged"          // the team's files are not what a team writes
	CodeShortPassphrase = "short_passphrase" // create/rotate: fewer than MinPassphrase characters
)

func (e *Error) Error() string {
	s := "team: " + e.Code
	if e.Path != "" {
		s += ": " + e.Path
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap gives the cause.
func (e *Error) Unwrap() error { return e.Err }

// MessageKey lets translations.Localizer.Error read it out.
func (e *Error) MessageKey() (string, []any) {
	return messageKeys[e.Code], []any{"Path", e.Path}
}

// messageKeys are the sentences of the codes (translations/*.json).
var messageKeys = map[string]string{
	CodeWrongPassphrase: "error.team.wrong_passphrase",
	CodeNoTeam:          "error.team.no_team",
	CodeTeamExists:      "error.team.team_exists",
	CodeOtherTeam:       "error.team.other_team",
	CodeNotJoined:       "error.team.not_joined",
	CodeNotCurrent:      "error.team.not_current",
	CodeDamaged:         "error.team.damaged",
	CodeShortPassphrase: "error.team.short_passphrase",
}

// Is matches any *Error with the same code.
func (e *Error) Is(target error) bool {
	var t *Error
	return errors.As(target, &t) && t.Code == e.Code && t.Path == "" && t.Err == nil
}

// Sentinels for errors.Is.
var (
	ErrWrongPassphrase = &Error{Code: CodeWrongPassphrase}
	ErrNoTeam          = &Error{Code: CodeNoTeam}
	ErrTeamExists      = &Error{Code: CodeTeamExists}
	ErrOtherTeam       = &Error{Code: CodeOtherTeam}
	ErrNotJoined       = &Error{Code: CodeNotJoined}
	ErrNotCurrent      = &Error{Code: CodeNotCurrent}
	ErrDamaged         = &Error{Code: CodeDamaged}
	ErrShortPassphrase = &Error{Code: CodeShortPassphrase}
)
