package translations

import "eu.ilsa.coach/ilsa/data"
import "eu.ilsa.coach/ilsa/data/domain"

// Labels for the values of the domain's enumerations. The keys are spelled
// out (not built from the values) so the key test can see every key in use.

var visitTypeKeys = map[data.VisitType]string{
	data.VisitOnSite: "visit_type.on-site", data.VisitDigital: "visit_type.digital", data.VisitPhone: "visit_type.phone",
	data.VisitWorkshop: "visit_type.workshop", data.VisitEvent: "visit_type.event",
}

var phaseKeys = map[data.Phase]string{
	data.PhaseNone: "phase.none", data.PhaseBenchmarking: "phase.benchmarking", data.PhaseCapacity: "phase.capacity",
	data.PhasePilot: "phase.pilot", data.PhaseEvaluation: "phase.evaluation", data.PhaseNext: "phase.next-phase",
}

var kindKeys = map[data.OrgKind]string{
	data.KindSME: "kind.sme", data.KindStartup: "kind.startup", data.KindLarge: "kind.large",
	data.KindPublic: "kind.public", data.KindAcademia: "kind.academia", data.KindOther: "kind.other",
}

var leaderKeys = map[data.LeaderGender]string{
	data.LeaderUnknown: "leader.unknown", data.LeaderWomen: "leader.women", data.LeaderMen: "leader.men", data.LeaderMixed: "leader.mixed",
}

var genderKeys = map[data.Gender]string{
	data.GenderUnknown: "gender.unknown", data.GenderWoman: "gender.woman", data.GenderMan: "gender.man", data.GenderOther: "gender.other",
}

var sizeKeys = map[data.SizeClass]string{
	data.SizeUnknown: "size.unknown", data.SizeMicro: "size.micro", data.SizeSmall: "size.small",
	data.SizeMedium: "size.medium", data.SizeLarge: "size.large",
}

var sustainabilityKeys = map[data.Sustainability]string{
	data.SustainabilityUnknown: "sustainability.unknown", data.SustainabilityYes: "sustainability.yes", data.SustainabilityNo: "sustainability.no",
}

var countryKeys = map[domain.Country]string{domain.CountrySE: "country.se", domain.CountryNO: "country.no"}

// VisitType names a visit type.
func (l *Localizer) VisitType(v data.VisitType) string { return lookup(l, visitTypeKeys, v, string(v)) }

// Phase names a project phase.
func (l *Localizer) Phase(v data.Phase) string { return lookup(l, phaseKeys, v, string(v)) }

// Kind names a kind of organisation.
func (l *Localizer) Kind(v data.OrgKind) string { return lookup(l, kindKeys, v, string(v)) }

// Leader names who leads an organisation.
func (l *Localizer) Leader(v data.LeaderGender) string { return lookup(l, leaderKeys, v, string(v)) }

// Gender names a contact's gender.
func (l *Localizer) Gender(v data.Gender) string { return lookup(l, genderKeys, v, string(v)) }

// Size names an EU size class.
func (l *Localizer) Size(v data.SizeClass) string { return lookup(l, sizeKeys, v, string(v)) }

// Sustainability names the state of an organisation's sustainability work.
func (l *Localizer) Sustainability(v data.Sustainability) string {
	return lookup(l, sustainabilityKeys, v, string(v))
}

// Country names a country.
func (l *Localizer) Country(v domain.Country) string { return lookup(l, countryKeys, v, string(v)) }

func lookup[T comparable](l *Localizer, keys map[T]string, v T, raw string) string {
	if k, ok := keys[v]; ok {
		return l.T(k)
	}
	return raw
}
