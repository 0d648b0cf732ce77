package domain

import (
	"slices"
	"strings"
	"time"

	"eu.ilsa.coach/ilsa/data/hlc"
)

// DateLayout is how dates are stored and typed on the command line.
const DateLayout = "2006-01-02"

// OrgKind is what sort of organisation a client is. The kinds follow the
// project's target groups: enterprises, the innovation system around them
// (incubators, clusters, business organisations, research, academia) and
// public bodies. "" is a kind not given, which is not an enterprise.
type OrgKind string

const (
	KindUnknown      OrgKind = ""
	KindSME          OrgKind = "sme"
	KindStartup      OrgKind = "startup"
	KindLarge        OrgKind = "large"
	KindIncubator    OrgKind = "incubator"
	KindCluster      OrgKind = "cluster"
	KindBusinessOrg  OrgKind = "business-org"
	KindResearch     OrgKind = "research"
	KindAcademia     OrgKind = "academia"
	KindMunicipality OrgKind = "municipality"
	KindRegion       OrgKind = "region"
	KindPublic       OrgKind = "public"
	KindNGO          OrgKind = "ngo"
	KindOther        OrgKind = "other"
)

// OrgKinds lists the kinds a user can choose, in display order
// (enterprises, innovation actors, public bodies, the rest).
var OrgKinds = []OrgKind{KindSME, KindStartup, KindLarge, KindIncubator, KindCluster, KindBusinessOrg, KindResearch,
	KindAcademia, KindMunicipality, KindRegion, KindPublic, KindNGO, KindOther}

// IsEnterprise: RCO01 and RCO04 count enterprises only (sole traders are
// SMEs); innovation actors, public bodies, other and a kind not given are not.
func (k OrgKind) IsEnterprise() bool { return k == KindSME || k == KindStartup || k == KindLarge }

// Known reports whether k is one of OrgKinds. A kind from a newer build
// arrives as something else, and is then reported as a kind not given.
func (k OrgKind) Known() bool { return slices.Contains(OrgKinds, k) }

// LeaderGender describes who leads an organisation, for the equality follow-up.
type LeaderGender string

const (
	LeaderUnknown LeaderGender = ""
	LeaderWomen   LeaderGender = "women"
	LeaderMen     LeaderGender = "men"
	LeaderMixed   LeaderGender = "mixed"
)

// LeaderGenders lists the values a user can pick (unknown first).
var LeaderGenders = []LeaderGender{LeaderUnknown, LeaderWomen, LeaderMen, LeaderMixed}

// Gender of a contact person; optional.
type Gender string

const (
	GenderUnknown Gender = ""
	GenderWoman   Gender = "woman"
	GenderMan     Gender = "man"
	GenderOther   Gender = "other"
)

// Genders lists the values a user can pick (unknown first).
var Genders = []Gender{GenderUnknown, GenderWoman, GenderMan, GenderOther}

// Sustainability says whether an organisation has established sustainability work.
type Sustainability string

const (
	SustainabilityUnknown Sustainability = ""
	SustainabilityYes     Sustainability = "yes"
	SustainabilityNo      Sustainability = "no"
)

// VisitType is how a meeting with clients took place.
type VisitType string

const (
	VisitOnSite   VisitType = "on-site"
	VisitDigital  VisitType = "digital"
	VisitPhone    VisitType = "phone"
	VisitWorkshop VisitType = "workshop"
	VisitEvent    VisitType = "event"
)

// VisitTypes lists the types in display order.
var VisitTypes = []VisitType{VisitOnSite, VisitDigital, VisitPhone, VisitWorkshop, VisitEvent}

// Phase is the project phase a visit belongs to.
type Phase string

const (
	PhaseNone         Phase = ""
	PhaseBenchmarking Phase = "benchmarking"
	PhaseCapacity     Phase = "capacity"
	PhasePilot        Phase = "pilot"
	PhaseEvaluation   Phase = "evaluation"
	PhaseNext         Phase = "next-phase"
)

// Phases lists the phases in project order.
var Phases = []Phase{PhaseBenchmarking, PhaseCapacity, PhasePilot, PhaseEvaluation, PhaseNext}

// Meta is what every synced record carries.
type Meta struct {
	ID        string
	CreatedAt time.Time
	UpdatedAt time.Time
	Deleted   bool
	// Seen is the newest field clock when the record was read. An update made
	// from this copy tells the change log which values its author saw, so a
	// value that changed meanwhile (by sync) is kept as a conflict, not lost.
	Seen hlc.Timestamp
}

// Common gives the fields every record carries, whatever its type: the
// store's one write path reaches them through it.
func (m *Meta) Common() *Meta { return m }

// Organisation is a client: a company, a public body, a research organisation.
type Organisation struct {
	Meta
	Name                string
	OrgNr               string // normalised digits ("" when unknown)
	Country             Country
	Municipality        string // official code, "other" or ""
	Sector              string // NACE section A–U or ""
	Kind                OrgKind
	Employees           *int // nil when unknown: size is then unknown, never guessed
	LeaderGender        LeaderGender
	Sustainability      Sustainability
	SustainabilityNotes string
	Notes               string
	Tags                []string
	// MergedInto is the organisation this one was merged into as a
	// duplicate ("" for a live record); the record itself is then deleted.
	MergedInto string
}

// Size is the EU size class derived from the employee count.
func (o Organisation) Size() SizeClass {
	if o.Employees == nil {
		return SizeUnknown
	}
	return SizeClassFor(*o.Employees)
}

// OrgNumberDisplay formats the org number the way its country writes it.
func (o Organisation) OrgNumberDisplay() string {
	if o.OrgNr == "" {
		return ""
	}
	if n, err := ParseOrgNumber(o.OrgNr, o.Country); err == nil {
		return n.String()
	}
	return o.OrgNr
}

// Fields gives the record's synced fields by name, as the change log writes them.
func (o *Organisation) Fields() map[string]any {
	var emp any
	if o.Employees != nil {
		emp = *o.Employees
	}
	tags := o.Tags
	if tags == nil {
		tags = []string{}
	}
	return map[string]any{
		"name": o.Name, "orgnr": o.OrgNr, "country": string(o.Country), "municipality": o.Municipality,
		"sector": o.Sector, "kind": string(o.Kind), "employees": emp, "leader_gender": string(o.LeaderGender),
		"sustainability": string(o.Sustainability), "sustainability_notes": o.SustainabilityNotes,
		"notes": o.Notes, "tags": tags, "merged_into": o.MergedInto,
	}
}

// Contact is a person at an organisation.
type Contact struct {
	Meta
	OrgID       string
	Name        string
	Role        string
	Email       string
	Phone       string
	Gender      Gender
	ConsentDate string // YYYY-MM-DD: when the person agreed to be registered
}

// Fields gives the record's synced fields by name, as the change log writes them.
func (c *Contact) Fields() map[string]any {
	return map[string]any{"org_id": c.OrgID, "name": c.Name, "role": c.Role, "email": c.Email,
		"phone": c.Phone, "gender": string(c.Gender), "consent_date": c.ConsentDate}
}

// Visit is any meeting with clients: one organisation, or several at a
// workshop or a cross-border event.
type Visit struct {
	Meta
	Date        string   // YYYY-MM-DD
	OrgIDs      []string // at least one
	Type        VisitType
	Minutes     int
	Place       string
	Advisor     string
	Women       int
	Men         int
	Other       int
	Phase       Phase
	CrossBorder bool // marked by the advisor (e.g. participants from both countries)
	Notes       string
	// Sizes is each organisation's size class when the visit was recorded,
	// by organisation id (the store fills it from the headcount; the advisor
	// may correct it). Entries of organisations no longer on the visit are
	// kept: after a merge the duplicate's entry still tells its size then.
	Sizes map[string]SizeClass
	// Partner and Side are the project partner the visit is reported under
	// and its country (see partner.go); "" when not given.
	Partner string
	Side    Country
}

// Participants is the total head count.
func (v Visit) Participants() int { return v.Women + v.Men + v.Other }

// Fields gives the record's synced fields by name, as the change log writes them.
func (v *Visit) Fields() map[string]any {
	ids := slices.Clone(v.OrgIDs)
	slices.Sort(ids)
	ids = slices.Compact(ids)
	if ids == nil {
		ids = []string{}
	}
	return map[string]any{"date": v.Date, "orgs": ids, "type": string(v.Type), "minutes": v.Minutes,
		"place": v.Place, "advisor": v.Advisor, "women": v.Women, "men": v.Men, "other": v.Other,
		"phase": string(v.Phase), "cross_border": v.CrossBorder, "notes": v.Notes, "sizes": FormatOrgSizes(v.Sizes),
		"partner": v.Partner, "side": string(v.Side)}
}

// Action is a next step agreed with a client.
type Action struct {
	Meta
	OrgID   string
	VisitID string // optional: the visit it came from
	Text    string
	Owner   string
	Due     string // YYYY-MM-DD or ""
	Done    string // YYYY-MM-DD when done, "" while open
	// ModelID and Dimension link the action to one dimension of a model it
	// helps the client move up in; both empty for an ordinary next step.
	ModelID   string
	Dimension string
}

// IsOpen reports whether the action still waits to be done.
func (a Action) IsOpen() bool { return a.Done == "" }

// IsOverdue reports whether an open action's due date is before today.
func (a Action) IsOverdue(today string) bool { return a.IsOpen() && a.Due != "" && a.Due < today }

// Fields gives the record's synced fields by name, as the change log writes them.
func (a *Action) Fields() map[string]any {
	return map[string]any{"org_id": a.OrgID, "visit_id": a.VisitID, "text": a.Text, "owner": a.Owner,
		"due": a.Due, "done": a.Done, "model_id": a.ModelID, "dimension": a.Dimension}
}

// trim removes the spaces around a field a user typed.
func trim(s *string) { *s = strings.TrimSpace(*s) }
