package ui

import (
	"context"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/exchange"
	"eu.ilsa.coach/ilsa/data/models"
)

// Store is what the screens need of the database. *data.Store implements it;
// the screens never write SQL.
type Store interface {
	Profile() (data.Profile, error)
	SetProfile(data.Profile) error
	Path() string
	IsEmpty(ctx context.Context) (bool, error)
	Generation(ctx context.Context) (data.Generation, error)

	SearchOrganisations(ctx context.Context, q data.OrgQuery) ([]data.OrgRow, error)
	Organisation(ctx context.Context, id string) (domain.Organisation, error)
	OrganisationsByID(ctx context.Context, ids []string) (map[string]domain.Organisation, error)
	OrgNumberTaken(ctx context.Context, orgnr, exceptID string) (domain.Organisation, bool, error)
	CreateOrganisation(ctx context.Context, o *domain.Organisation) error
	UpdateOrganisation(ctx context.Context, o *domain.Organisation) error
	DeleteOrganisation(ctx context.Context, id string) error
	RestoreOrganisation(ctx context.Context, id string) error
	DuplicateCandidates(ctx context.Context) ([]data.DuplicatePair, error)
	MergeOrganisations(ctx context.Context, keepID, dupID string) (data.MergeResult, error)
	DismissDuplicate(aID, bID string) error

	Contacts(ctx context.Context, orgID string) ([]domain.Contact, error)
	CreateContact(ctx context.Context, c *domain.Contact) error
	UpdateContact(ctx context.Context, c *domain.Contact) error
	DeleteContact(ctx context.Context, id string) error

	Visits(ctx context.Context, q data.VisitQuery) ([]domain.Visit, error)
	Visit(ctx context.Context, id string) (domain.Visit, error)
	CreateVisitWithActions(ctx context.Context, nv *data.NewVisit) error
	UpdateVisitWithActions(ctx context.Context, nv *data.NewVisit) error
	DeleteVisit(ctx context.Context, id string) error
	RestoreVisit(ctx context.Context, id string) error

	VisitTotals(ctx context.Context, from, to string) (visits, minutes int, err error)
	Advisors(ctx context.Context) ([]string, error)

	Actions(ctx context.Context, q data.ActionQuery) ([]data.ActionRow, error)
	CountActions(ctx context.Context, q data.ActionQuery) (int, error)
	CreateAction(ctx context.Context, a *domain.Action) error
	SetActionDone(ctx context.Context, id, date string) error

	SaveAssessment(ctx context.Context, a *domain.Assessment, m *models.Model) error
	Assessments(ctx context.Context, orgID string) ([]domain.Assessment, error)
	Assessment(ctx context.Context, id string) (domain.Assessment, error)
	Progress(ctx context.Context, orgID string, lib *models.Library) ([]data.Progress, error)

	DeviceID() string
	Conflicts(ctx context.Context, includeResolved bool) ([]data.Conflict, error)
	ResolveConflict(ctx context.Context, n int64, choice data.ConflictChoice, merged string) error
	ConflictRecordName(ctx context.Context, entity, id string) string

	SaveDraft(key, body string) error
	Draft(key string) (data.Draft, bool, error)
	DeleteDraft(key string) error
}

var _ Store = (*data.Store)(nil)

// Prefs are this device's settings, typed; the app gives the one that owns
// their keys (app/prefs), so no screen spells a key.
type Prefs interface {
	SyncFolder() string
	SetSyncFolder(folder string) error
	AutoSync() bool
	SetAutoSync(on bool) error
	LastSync() *exchange.LastSync
	SetLastSync(l exchange.LastSync) error
	SetLanguage(lang string) error
	Theme() string
	SetTheme(theme string) error
	WindowSize() (width, height int, ok bool)
	SetWindowSize(width, height int) error
}
