package translations

import "eu.ilsa.coach/ilsa/data/domain"

// Labels for the values of the domain's enumerations. The keys are spelled
// out (not built from the values) so the key test can see every key in use.

var visitTypeKeys = map[domain.VisitType]string{
	domain.VisitOnSite: "visit_type.on-site", domain.VisitDigital: "visit_type.digital", domain.VisitPhone: "visit_type.phone",
	domain.VisitWorkshop: "visit_type.workshop", domain.VisitEvent: "visit_type.event",
}

var phaseKeys = map[domain.Phase]string{
	domain.PhaseNone: "phase.none", domain.PhaseBenchmarking: "phase.benchmarking", domain.PhaseCapacity: "phase.capacity",
	domain.PhasePilot: "phase.pilot", domain.PhaseEvaluation: "phase.evaluation", domain.PhaseNext: "phase.next-phase",
}

var kindKeys = map[domain.OrgKind]string{
	domain.KindUnknown: "kind.unknown", domain.KindSME: "kind.sme", domain.KindStartup: "kind.startup", domain.KindLarge: "kind.large",
	domain.KindIncubator: "kind.incubator", domain.KindCluster: "kind.cluster", domain.KindBusinessOrg: "kind.business-org",
	domain.KindResearch: "kind.research", domain.KindAcademia: "kind.academia", domain.KindMunicipality: "kind.municipality",
	domain.KindRegion: "kind.region", domain.KindPublic: "kind.public", domain.KindNGO: "kind.ngo", domain.KindOther: "kind.other",
}

var leaderKeys = map[domain.LeaderGender]string{
	domain.LeaderUnknown: "leader.unknown", domain.LeaderWomen: "leader.women", domain.LeaderMen: "leader.men", domain.LeaderMixed: "leader.mixed",
}

var genderKeys = map[domain.Gender]string{
	domain.GenderUnknown: "gender.unknown", domain.GenderWoman: "gender.woman", domain.GenderMan: "gender.man", domain.GenderOther: "gender.other",
}

var sizeKeys = map[domain.SizeClass]string{
	domain.SizeUnknown: "size.unknown", domain.SizeMicro: "size.micro", domain.SizeSmall: "size.small",
	domain.SizeMedium: "size.medium", domain.SizeLarge: "size.large",
}

var sustainabilityKeys = map[domain.Sustainability]string{
	domain.SustainabilityUnknown: "sustainability.unknown", domain.SustainabilityYes: "sustainability.yes", domain.SustainabilityNo: "sustainability.no",
}

var jointKindKeys = map[domain.JointKind]string{
	domain.JointPilot: "joint_kind.pilot", domain.JointPlan: "joint_kind.plan", domain.JointCooperation: "joint_kind.cooperation",
}

var jointStatusKeys = map[domain.JointStatus]string{
	domain.JointPlanned: "joint_status.planned", domain.JointOngoing: "joint_status.ongoing", domain.JointCompleted: "joint_status.completed",
}

var findingKindKeys = map[domain.FindingKind]string{
	domain.FindingObservation: "finding.kind.finding", domain.FindingExperience: "finding.kind.experience",
	domain.FindingMethod: "finding.kind.method", domain.FindingBenchmark: "finding.kind.benchmark",
}

var projectStepKeys = map[domain.ProjectStep]string{
	domain.StepBenchmarking: "finding.step.benchmarking", domain.StepCapacity: "finding.step.capacity",
	domain.StepPilot: "finding.step.pilot", domain.StepEvaluation: "finding.step.evaluation",
	domain.StepNextPhase: "finding.step.next-phase",
}

var relationKindKeys = map[domain.RelationKind]string{
	domain.RelationMemberOf: "relation_kind.member-of", domain.RelationSupportedBy: "relation_kind.supported-by",
	domain.RelationPartnerOf: "relation_kind.partner-of", domain.RelationFundedBy: "relation_kind.funded-by",
	domain.RelationSpinOffOf: "relation_kind.spin-off-of",
}

// relationInverseKeys name each kind read from its second organisation.
var relationInverseKeys = map[domain.RelationKind]string{
	domain.RelationMemberOf: "relation_inverse.member-of", domain.RelationSupportedBy: "relation_inverse.supported-by",
	domain.RelationPartnerOf: "relation_kind.partner-of", domain.RelationFundedBy: "relation_inverse.funded-by",
	domain.RelationSpinOffOf: "relation_inverse.spin-off-of",
}

var countryKeys = map[domain.Country]string{domain.CountrySE: "country.se", domain.CountryNO: "country.no"}

// VisitType names a visit type.
func (l *Localizer) VisitType(v domain.VisitType) string {
	return lookup(l, visitTypeKeys, v, string(v))
}

// JointKind names a kind of joint action.
func (l *Localizer) JointKind(v domain.JointKind) string {
	return lookup(l, jointKindKeys, v, string(v))
}

// JointStatus names how far a joint action has come.
func (l *Localizer) JointStatus(v domain.JointStatus) string {
	return lookup(l, jointStatusKeys, v, string(v))
}

// FindingKind names what an entry of the findings log records.
func (l *Localizer) FindingKind(v domain.FindingKind) string {
	return lookup(l, findingKindKeys, v, string(v))
}

// ProjectStep names one of the project's five steps.
func (l *Localizer) ProjectStep(v domain.ProjectStep) string {
	return lookup(l, projectStepKeys, v, string(v))
}

// RelationKind names how a relation's first organisation stands to its
// second ("member of").
func (l *Localizer) RelationKind(v domain.RelationKind) string {
	return lookup(l, relationKindKeys, v, string(v))
}

// RelationInverse names how a relation's second organisation stands to its
// first ("has as member").
func (l *Localizer) RelationInverse(v domain.RelationKind) string {
	return lookup(l, relationInverseKeys, v, string(v))
}

// Phase names a project phase.
func (l *Localizer) Phase(v domain.Phase) string { return lookup(l, phaseKeys, v, string(v)) }

// Kind names a kind of organisation.
func (l *Localizer) Kind(v domain.OrgKind) string { return lookup(l, kindKeys, v, string(v)) }

// Leader names who leads an organisation.
func (l *Localizer) Leader(v domain.LeaderGender) string { return lookup(l, leaderKeys, v, string(v)) }

// Gender names a contact's gender.
func (l *Localizer) Gender(v domain.Gender) string { return lookup(l, genderKeys, v, string(v)) }

// Size names an EU size class.
func (l *Localizer) Size(v domain.SizeClass) string { return lookup(l, sizeKeys, v, string(v)) }

// Sustainability names the state of an organisation's sustainability work.
func (l *Localizer) Sustainability(v domain.Sustainability) string {
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
