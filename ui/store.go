package ui

import (
	"context"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/exchange"
	"eu.ilsa.coach/ilsa/data/models"
)

// Each screen group declares what it needs of the store, and its files
// reach the store only through that (the storeFor… accessors below): what a
// screen can do to the data is read off its interface. *data.Store
// implements them all; the screens never write SQL.

// todayStore: the Today screen.
type todayStore interface {
	Profile() (data.Profile, error)
	Actions(ctx context.Context, q data.ActionQuery) ([]data.ActionRow, error)
	CountActions(ctx context.Context, q data.ActionQuery) (int, error)
	Visits(ctx context.Context, q data.VisitQuery) ([]domain.Visit, error)
	OrganisationsByID(ctx context.Context, ids []string) (map[string]domain.Organisation, error)
	VisitTotals(ctx context.Context, from, to string) (visits, minutes int, err error)
	IsEmpty(ctx context.Context) (bool, error)
}

// orgStore: the organisation list, its form and its tabs (contacts,
// visits, follow-ups, assessments).
type orgStore interface {
	Profile() (data.Profile, error)
	Generation(ctx context.Context) (data.Generation, error)
	ListOrganisations(ctx context.Context, q data.OrgQuery, first int) (data.OrgList, error)
	PrepareSearch(ctx context.Context) error
	OrgRows(ctx context.Context, ids []string) ([]data.OrgRow, error)
	OrgMatches(ctx context.Context, text string, ids []string) (map[string]data.Match, error)
	Organisation(ctx context.Context, id string) (domain.Organisation, error)
	OrgNumberTaken(ctx context.Context, orgnr, exceptID string) (domain.Organisation, bool, error)
	CreateOrganisation(ctx context.Context, o *domain.Organisation) error
	UpdateOrganisation(ctx context.Context, o *domain.Organisation) error
	DeleteOrganisation(ctx context.Context, id string) error
	RestoreOrganisation(ctx context.Context, id string) error
	// The delete dialog: what a delete touches, deleting with the visits
	// (and its undo), or merging into another organisation instead.
	OrganisationUsage(ctx context.Context, id string) (data.OrgUsage, error)
	DeleteOrganisationWithVisits(ctx context.Context, id string) (data.OrgDeletion, error)
	UndoOrganisationDeletion(ctx context.Context, del data.OrgDeletion) error
	MergeOrganisations(ctx context.Context, keepID, dupID string) (data.MergeResult, error)
	Contacts(ctx context.Context, orgID string) ([]domain.Contact, error)
	CreateContact(ctx context.Context, c *domain.Contact) error
	UpdateContact(ctx context.Context, c *domain.Contact) error
	DeleteContact(ctx context.Context, id string) error
	RestoreContact(ctx context.Context, id string) error
	// EraseContact and EraseOrgPersonal erase a person's data everywhere
	// (data/erase.go); the window confirms first.
	EraseContact(ctx context.Context, id string) error
	EraseOrgPersonal(ctx context.Context, id string) error
	Visits(ctx context.Context, q data.VisitQuery) ([]domain.Visit, error)
	Actions(ctx context.Context, q data.ActionQuery) ([]data.ActionRow, error)
	CreateAction(ctx context.Context, a *domain.Action) error
	SetActionDone(ctx context.Context, id, date string) error
	DeleteAction(ctx context.Context, id string) error
	RestoreAction(ctx context.Context, id string) error
	Assessments(ctx context.Context, orgID string) ([]domain.Assessment, error)
}

// lookupStore: finding organisations by name or id (the pickers).
type lookupStore interface {
	SearchOrganisations(ctx context.Context, q data.OrgQuery) ([]data.OrgRow, error)
	OrganisationsByID(ctx context.Context, ids []string) (map[string]domain.Organisation, error)
}

// duplicatesStore: the review of likely duplicate organisations.
type duplicatesStore interface {
	Generation(ctx context.Context) (data.Generation, error)
	DuplicateCandidates(ctx context.Context) ([]data.DuplicatePair, error)
	DuplicateHistories(ctx context.Context, pairs []data.DuplicatePair) error
	MergeOrganisations(ctx context.Context, keepID, dupID string) (data.MergeResult, error)
	DismissDuplicate(aID, bID string) error
	DeviceID() string
}

// visitStore: the visit list and the visit form.
type visitStore interface {
	PrepareSearch(ctx context.Context) error
	Visits(ctx context.Context, q data.VisitQuery) ([]domain.Visit, error)
	VisitsFound(ctx context.Context, q data.VisitQuery) (visits, minutes int, err error)
	Visit(ctx context.Context, id string) (domain.Visit, error)
	OrganisationsByID(ctx context.Context, ids []string) (map[string]domain.Organisation, error)
	CreateVisitWithActions(ctx context.Context, nv *data.NewVisit) error
	UpdateVisitWithActions(ctx context.Context, nv *data.NewVisit) error
	DeleteVisit(ctx context.Context, id string) error
	RestoreVisit(ctx context.Context, id string) error
	Actions(ctx context.Context, q data.ActionQuery) ([]data.ActionRow, error)
}

// actionStore: the follow-ups screen.
type actionStore interface {
	Profile() (data.Profile, error)
	Generation(ctx context.Context) (data.Generation, error)
	SearchOrganisations(ctx context.Context, q data.OrgQuery) ([]data.OrgRow, error)
	Actions(ctx context.Context, q data.ActionQuery) ([]data.ActionRow, error)
	CountActions(ctx context.Context, q data.ActionQuery) (int, error)
	ActionOwners(ctx context.Context, lang string) ([]string, error)
	CreateAction(ctx context.Context, a *domain.Action) error
	SetActionDone(ctx context.Context, id, date string) error
	DeleteAction(ctx context.Context, id string) error
	RestoreAction(ctx context.Context, id string) error
}

// jointStore: the joint-action list and form.
type jointStore interface {
	Generation(ctx context.Context) (data.Generation, error)
	JointActions(ctx context.Context, q data.JointQuery) ([]domain.JointAction, error)
	JointAction(ctx context.Context, id string) (domain.JointAction, error)
	CreateJointAction(ctx context.Context, j *domain.JointAction) error
	UpdateJointAction(ctx context.Context, j *domain.JointAction) error
	DeleteJointAction(ctx context.Context, id string) error
	RestoreJointAction(ctx context.Context, id string) error
	OrganisationsByID(ctx context.Context, ids []string) (map[string]domain.Organisation, error)
}

// findingsStore: the project's findings log and its form.
type findingsStore interface {
	Generation(ctx context.Context) (data.Generation, error)
	Findings(ctx context.Context, q data.FindingQuery) ([]domain.Finding, error)
	Finding(ctx context.Context, id string) (domain.Finding, error)
	CreateFinding(ctx context.Context, f *domain.Finding) error
	UpdateFinding(ctx context.Context, f *domain.Finding) error
	DeleteFinding(ctx context.Context, id string) error
	RestoreFinding(ctx context.Context, id string) error
	JointActions(ctx context.Context, q data.JointQuery) ([]domain.JointAction, error)
	OrganisationsByID(ctx context.Context, ids []string) (map[string]domain.Organisation, error)
}

// assessmentStore: the assessment form and an organisation's progress.
type assessmentStore interface {
	SaveAssessment(ctx context.Context, a *domain.Assessment, m *models.Model) error
	Assessments(ctx context.Context, orgID string) ([]domain.Assessment, error)
	Assessment(ctx context.Context, id string) (domain.Assessment, error)
	Progress(ctx context.Context, orgID string, lib *models.Library) ([]data.Progress, error)
	Actions(ctx context.Context, q data.ActionQuery) ([]data.ActionRow, error)
}

// reportStore: the Reports screen (the figures come through Reports).
type reportStore interface {
	Advisors(ctx context.Context) ([]string, error)
}

// syncStore: the Sync screen and its conflicts review.
type syncStore interface {
	DeviceID() string
	Conflicts(ctx context.Context, includeResolved bool) ([]data.Conflict, error)
	ResolveConflict(ctx context.Context, n int64, choice data.ConflictChoice, merged string) error
	ConflictRecordName(ctx context.Context, entity, id string) string
}

// settingsStore: Settings and the first-run welcome.
type settingsStore interface {
	Profile() (data.Profile, error)
	SetProfile(data.Profile) error
	Path() string
	IsEmpty(ctx context.Context) (bool, error)
}

// draftStore: the unsaved text of the forms.
type draftStore interface {
	SaveDraft(key, body string) error
	Draft(key string) (data.Draft, bool, error)
	DeleteDraft(key string) error
}

// Store is what the window holds: every screen group's needs together.
type Store interface {
	todayStore
	orgStore
	lookupStore
	jointStore
	findingsStore
	relationStore
	reachStore
	duplicatesStore
	visitStore
	actionStore
	assessmentStore
	reportStore
	evaluationStore
	syncStore
	settingsStore
	draftStore
}

func (u *UI) storeForToday() todayStore           { return u.store }
func (u *UI) storeForOrgs() orgStore              { return u.store }
func (u *UI) storeForLookup() lookupStore         { return u.store }
func (u *UI) storeForDuplicates() duplicatesStore { return u.store }
func (u *UI) storeForVisits() visitStore          { return u.store }
func (u *UI) storeForActions() actionStore        { return u.store }
func (u *UI) storeForJoint() jointStore           { return u.store }
func (u *UI) storeForFindings() findingsStore     { return u.store }
func (u *UI) storeForAssessments() assessmentStore {
	return u.store
}
func (u *UI) storeForReports() reportStore    { return u.store }
func (u *UI) storeForSync() syncStore         { return u.store }
func (u *UI) storeForSettings() settingsStore { return u.store }
func (u *UI) storeForDrafts() draftStore      { return u.store }

// *data.Store is each screen group's store.
var (
	_ todayStore      = (*data.Store)(nil)
	_ findingsStore   = (*data.Store)(nil)
	_ orgStore        = (*data.Store)(nil)
	_ lookupStore     = (*data.Store)(nil)
	_ duplicatesStore = (*data.Store)(nil)
	_ visitStore      = (*data.Store)(nil)
	_ actionStore     = (*data.Store)(nil)
	_ assessmentStore = (*data.Store)(nil)
	_ reportStore     = (*data.Store)(nil)
	_ syncStore       = (*data.Store)(nil)
	_ settingsStore   = (*data.Store)(nil)
	_ draftStore      = (*data.Store)(nil)
	_ Store           = (*data.Store)(nil)
)

// Prefs are this device's settings, typed; the app gives the one that owns
// their keys (app/prefs), so no screen spells a key. The sync's settings
// (shared folder, automatic sync, last sync) are the Syncer's.
type Prefs interface {
	SetLanguage(lang string) error
	Theme() string
	SetTheme(theme string) error
	WindowSize() (width, height int, ok bool)
	SetWindowSize(width, height int) error
	// ProjectStart is the day the Reports screen's "since project start"
	// counts from ("" for the first visit).
	ProjectStart() string
	SetProjectStart(date string) error
}

// Syncer is this device's sync with the shared folder, which the app runs
// (app/syncsvc): it owns the folder and its check, the automatic schedule,
// one sync at a time and the record of the last sync. The Sync screen and
// Today show what it says and forward the user's clicks to it.
type Syncer interface {
	// Folder is the shared folder ("" when none was chosen).
	Folder() string
	// SetFolder keeps folder as the shared folder once it can be used now
	// ("" forgets it).
	SetFolder(folder string) error
	AutoSync() bool
	SetAutoSync(on bool) error
	// CheckFolder says whether folder can be synced with now (nil), or why not.
	CheckFolder(folder string) error
	// LastSync is what the last sync did, whoever ran it (nil: none yet).
	LastSync() *exchange.LastSync
	// Running says whether a sync is under way.
	Running() bool
	// SyncNow syncs with the shared folder unless a sync runs already or
	// no folder is chosen (ran is false then); started is called once it
	// is under way. Not manual: a folder out of reach is left for later.
	// describe words an error for the last sync's record, in the language
	// the user reads.
	SyncNow(manual bool, started func(), describe func(error) string, progress func(done, total int64)) (res exchange.Result, ran bool, err error)
	// Start runs sync on start and every few minutes while the automatic
	// sync is on, until Stop.
	Start(sync func())
	Stop()
	// AdvisorOf names the advisor of another device from the shared
	// folder ("" when unknown).
	AdvisorOf(device string) string
	// BundleFiles lists the bundle files in a folder and its subfolders.
	BundleFiles(dir string) ([]string, error)
	Export(path string) (changes int, err error)
	Import(paths []string, progress func(done, total int64)) (exchange.Result, error)
	// TeamStatus reads the shared folder's team and who is in it;
	// CreateTeam, JoinTeam and RotateTeam change it (package team).
	TeamStatus() (exchange.TeamStatus, error)
	CreateTeam(passphrase string) error
	JoinTeam(passphrase string) error
	RotateTeam(passphrase string) error
	// Erasures says on how many of the shared folder's devices each
	// erasure this device applied is complete.
	Erasures() ([]exchange.ErasureState, error)
}
